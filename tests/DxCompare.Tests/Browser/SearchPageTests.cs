using DxCompare.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DxCompare.Tests.Browser;

[Trait(Speed.Trait, Speed.Slow)]
[Collection(BrowserCollection.Name)]
public class SearchPageTests(BrowserFixture browser)
{
    private async Task<IPage> OpenAsync(string path)
    {
        var page = await browser.Browser.NewPageAsync();
        await page.GotoAsync(browser.BaseUrl + path);
        return page;
    }

    private static async Task<IReadOnlyList<string>> ResultTitlesAsync(IPage page) =>
        [.. (await page.Locator("#search-results li a").AllInnerTextsAsync()).Select(t => t.Replace("\n", " ").Trim())];

    [Fact]
    public async Task Typing_telework_finds_both_wards_then_filters_and_follows_a_result()
    {
        var page = await OpenAsync("/search/");
        await page.Locator("#search-q").PressSequentiallyAsync("テレワーク");
        await Expect(page.Locator("#search-status")).ToContainTextAsync("「テレワーク」: ");
        await Expect(page.Locator("#search-results li").First).ToBeVisibleAsync();

        var titles = await ResultTitlesAsync(page);
        Assert.Equal("台東区 取組31 テレワーク、フリーアドレスの推進", titles[0]);
        Assert.Contains("江東区 取組7 効率的な職場環境の整備", titles.Take(3));
        Assert.Equal("テレワーク", await page.Locator("#search-results li").First.Locator("mark").First.InnerTextAsync());
        Assert.Contains("q=%E3%83%86%E3%83%AC%E3%83%AF%E3%83%BC%E3%82%AF", await page.EvaluateAsync<string>("location.search"));
        Assert.StartsWith("江東区（", await page.Locator("#search-m option[value=koto]").InnerTextAsync());

        await page.SelectOptionAsync("#search-m", "koto");
        await Expect(page.Locator("#search-results li a", new() { HasText = "台東区" })).ToHaveCountAsync(0);
        titles = await ResultTitlesAsync(page);
        Assert.All(titles, t => Assert.StartsWith("江東区", t));
        Assert.Contains("m=koto", await page.EvaluateAsync<string>("location.search"));

        await page.Locator("#search-results li a").First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/koto/initiatives/7/");
        Assert.Contains("効率的な職場環境の整備", await page.Locator("h1").InnerTextAsync());
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_shared_search_url_restores_query_and_facets()
    {
        var page = await OpenAsync("/search/?q=%E3%83%86%E3%83%AC%E3%83%AF%E3%83%BC%E3%82%AF&m=koto");
        await Expect(page.Locator("#search-results li").First).ToBeVisibleAsync();
        Assert.Equal("テレワーク", await page.InputValueAsync("#search-q"));
        Assert.Equal("koto", await page.InputValueAsync("#search-m"));
        Assert.All(await ResultTitlesAsync(page), t => Assert.StartsWith("江東区", t));
        await page.CloseAsync();
    }

    [Fact]
    public async Task New_only_and_pillar_filters_narrow_the_results_and_every_filter_shows_counts()
    {
        var page = await OpenAsync("/search/?q=%E3%82%AA%E3%83%B3%E3%83%A9%E3%82%A4%E3%83%B3&n=1");
        await Expect(page.Locator("#search-results li").First).ToBeVisibleAsync();
        Assert.True(await page.IsCheckedAsync("#search-n"));
        Assert.All(await ResultTitlesAsync(page), t => Assert.Contains(" 新規 ", t));
        Assert.Matches(@"^台東区（[1-9][0-9]*件）$", await page.Locator("#search-m option[value=taito]").InnerTextAsync());
        Assert.Matches(@"（[0-9]+件）$", await page.Locator("#search-t option[value=online-procedures]").InnerTextAsync());

        await page.Locator("#search-n").UncheckAsync();
        await page.SelectOptionAsync("#search-p", "koto-1");
        await Expect(page.Locator("#search-results li a", new() { HasText = "台東区" })).ToHaveCountAsync(0);
        await Expect(page.Locator("#search-results li a").First).ToContainTextAsync("江東区");
        Assert.All(await ResultTitlesAsync(page), t => Assert.StartsWith("江東区", t));
        Assert.Contains("p=koto-1", await page.EvaluateAsync<string>("location.search"));
        await page.CloseAsync();
    }

    [Theory]
    [InlineData("*", "検索できる語が含まれていません")]
    [InlineData("\"", "検索できる語が含まれていません")]
    [InlineData("AND", "該当する取組は見つかりませんでした")]
    [InlineData("ぬぬぬぬ", "該当する取組は見つかりませんでした")]
    public async Task Bad_input_gets_a_message_not_an_error(string query, string message)
    {
        var page = await OpenAsync("/search/");
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.FillAsync("#search-q", query);
        await Expect(page.Locator("#search-status")).Not.ToBeEmptyAsync();
        Assert.Contains(message, await page.InnerTextAsync("#search-status"));
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Nothing_found_offers_topics_and_a_very_long_query_returns_promptly()
    {
        var page = await OpenAsync("/search/");
        await page.FillAsync("#search-q", "ぬぬぬぬ");
        await Expect(page.Locator("#search-suggestions")).ToBeVisibleAsync();
        Assert.True(await page.IsVisibleAsync("#search-suggestions a[href='/topics/online-procedures/']"));

        await page.Locator("#search-q").EvaluateAsync("q => q.removeAttribute('maxlength')");
        await page.FillAsync("#search-q", new string('テ', 10_000));
        await Expect(page.Locator("#search-status")).ToContainTextAsync("「テテテ", new() { Timeout = 5000 });
        await page.CloseAsync();
    }

    [Fact]
    public async Task Header_search_box_leads_to_results_without_a_mouse()
    {
        var page = await OpenAsync("/koto/");
        await page.FocusAsync("#site-search");
        await page.Keyboard.TypeAsync("生成AI");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/search/?q=*");
        await Expect(page.Locator("#search-results li").First).ToBeVisibleAsync();
        Assert.Equal("台東区 取組26 生成AIの活用促進", (await ResultTitlesAsync(page))[0]);
        await page.CloseAsync();
    }
}
