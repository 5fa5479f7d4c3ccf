using DxCompare.Theme;

namespace DxCompare.Pages;

/// <summary>Every page of the site and the theme component that renders it: the URL contract in one place.</summary>
public static class SiteRoutes
{
    /// <summary>
    /// Top-level names the generator writes itself: its own pages (/topics/, /compare/ …) and site files (/assets/,
    /// /admin/, sitemap.xml …). A plan slug or page name equal to one of them would overwrite it, so the validator
    /// refuses them; a test checks this list against a built site.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Reserved = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["index.html"] = "home page", ["404.html"] = "not-found page", ["topics"] = "topic pages", ["indicators"] = "indicator pages",
        ["compare"] = "comparison page", ["search"] = "search page and index", ["data"] = "open-data downloads", ["admin"] = "CMS",
        ["assets"] = "theme assets", ["sitemap.xml"] = "sitemap", ["robots.txt"] = "robots file", ["_headers"] = "headers file",
    };

    public static string PlanScope(string slug) => "plan:" + slug;
    public static string PageScope(string slug) => "page:" + slug;

    public static IEnumerable<PageRoute> All(SiteContext site, IReadOnlyDictionary<string, string> dataSizes)
    {
        var s = ("Site", (object?)site);
        yield return PageRoute.Of<HomePage>("/", s);
        foreach (var plan in site.Content.Plans)
        {
            var scope = PlanScope(plan.Municipality.Slug);
            yield return PageRoute.Of<PlanPage>(SiteContext.PlanUrl(plan), s, ("Plan", plan)).In(scope);
            var initiatives = site.InitiativesOf(plan);
            for (var i = 0; i < initiatives.Count; i++)
            {
                yield return PageRoute.Of<InitiativePage>(initiatives[i].Url, s, ("Entry", initiatives[i]),
                    ("Previous", i > 0 ? initiatives[i - 1] : null), ("Next", i + 1 < initiatives.Count ? initiatives[i + 1] : null)).In(scope);
            }
        }
        yield return PageRoute.Of<TopicsIndexPage>("/topics/", s);
        foreach (var topic in site.Content.Topics) yield return PageRoute.Of<TopicPage>(SiteContext.TopicUrl(topic.Id), s, ("Topic", topic));
        yield return PageRoute.Of<IndicatorsIndexPage>("/indicators/", s);
        foreach (var metric in site.Content.Metrics) yield return PageRoute.Of<MetricPage>(SiteContext.MetricUrl(metric.Id), s, ("Metric", metric));
        yield return PageRoute.Of<ComparePage>("/compare/", s);
        foreach (var page in site.Content.Pages) yield return PageRoute.Of<ProsePage>($"/{page.Slug}/", s, ("Page", page)).In(PageScope(page.Slug));
        yield return PageRoute.Of<SearchPage>("/search/", s);
        yield return PageRoute.Of<DataPage>("/data/", s, ("Sizes", dataSizes));
        yield return PageRoute.Of<NotFoundPage>("/404.html", s);
    }
}
