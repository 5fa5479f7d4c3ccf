using AngleSharp.Html.Parser;
using DxCompare.Tests.Support;

namespace DxCompare.Tests.Pages;

/// <summary>Walks every generated page and fails on any broken internal link, anchor or missing asset.</summary>
[Trait(Speed.Trait, Speed.Slow)]
[Collection(BuiltSiteCollection.Name)]
public class LinkCheckTests(BuiltSite site)
{
    [Fact]
    public void Every_internal_link_anchor_and_asset_resolves()
    {
        var parser = new HtmlParser();
        var idsByFile = new Dictionary<string, HashSet<string>>();
        HashSet<string> IdsOf(string file) => idsByFile.TryGetValue(file, out var ids) ? ids
            : idsByFile[file] = parser.ParseDocument(File.ReadAllText(file)).QuerySelectorAll("[id]").Select(e => e.Id!).ToHashSet();

        var broken = new List<string>();
        var checkedLinks = 0;
        foreach (var file in site.HtmlFiles())
        {
            var document = parser.ParseDocument(File.ReadAllText(file));
            var page = "/" + Path.GetRelativePath(site.Output, file).Replace("index.html", "");
            foreach (var element in document.QuerySelectorAll("a[href], link[href], script[src], img[src]"))
            {
                var url = element.GetAttribute("href") ?? element.GetAttribute("src")!;
                if (url.StartsWith("https://dxcompare.netlify.app/", StringComparison.Ordinal) && element.LocalName == "link") continue;
                Assert.False(url.StartsWith("http", StringComparison.Ordinal) && element.LocalName is "script" or "link" or "img",
                    $"{page}: third-party request to {url}");
                if (url.StartsWith("http", StringComparison.Ordinal) || url.StartsWith("mailto:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal)) continue;
                checkedLinks++;
                var (path, fragment) = url.Split('#', 2) is var parts && parts.Length == 2 ? (parts[0], parts[1]) : (parts[0], null);
                path = path.Split('?')[0];
                var target = path.Length == 0 ? file : site.FileFor(path.StartsWith('/') ? path : page + path);
                if (!File.Exists(target)) { broken.Add($"{page}: {url} (no file)"); continue; }
                if (fragment is not null && !IdsOf(target).Contains(fragment)) broken.Add($"{page}: {url} (no #{fragment})");
            }
        }
        Assert.Empty(broken);
        Assert.True(checkedLinks > 1000, $"only {checkedLinks} links checked");
    }
}
