using DxCompare.Pages;

namespace DxCompare.Tests.Pages;

public class SafeMarkdownTests
{
    [Theory]
    [InlineData("[詳しく](javascript:alert(1))", "<p>詳しく</p>")]
    [InlineData("[詳しく](JavaScript:alert(1))", "<p>詳しく</p>")]
    [InlineData("[詳しく](&#106;avascript:alert(1))", "<p>詳しく</p>")]
    [InlineData("[**詳しく**](<java\tscript:alert(1)>)", "<p><strong>詳しく</strong></p>")]
    [InlineData("![計画の表紙](javascript:alert(1))", "<p>計画の表紙</p>")]
    [InlineData("[資料][1]\n\n[1]: vbscript:msgbox", "<p>資料</p>")]
    [InlineData("<javascript:alert(1)>", "<p>javascript:alert(1)</p>")]
    [InlineData("<img src=x onerror=alert(2)>", "<p>&lt;img src=x onerror=alert(2)&gt;</p>")]
    public void Script_in_a_link_an_image_or_raw_HTML_never_reaches_the_page(string markdown, string html) =>
        Assert.Equal(html, SafeMarkdown.ToHtml(markdown).Trim());

    [Theory]
    [InlineData("[台東区](https://www.city.taito.lg.jp/)", "<p><a href=\"https://www.city.taito.lg.jp/\">台東区</a></p>")]
    [InlineData("[方法](/methodology/)", "<p><a href=\"/methodology/\">方法</a></p>")]
    [InlineData("[上へ](#top)", "<p><a href=\"#top\">上へ</a></p>")]
    [InlineData("<mailto:dx@example.jp>", "<p><a href=\"mailto:dx@example.jp\">mailto:dx@example.jp</a></p>")]
    [InlineData("詳細は https://www.city.koto.lg.jp/ へ", "<p>詳細は <a href=\"https://www.city.koto.lg.jp/\">https://www.city.koto.lg.jp/</a> へ</p>")]
    public void Links_to_the_web_mail_and_this_site_are_kept(string markdown, string html) =>
        Assert.Equal(html, SafeMarkdown.ToHtml(markdown).Trim());
}
