using DxCompare.Exports;
using DxCompare.Model;
using DxCompare.Theme;
using Microsoft.AspNetCore.Components;

namespace DxCompare.Pages;

/// <summary>
/// Every page of the site: its URL (from <see cref="SiteUrls"/>), the theme component that renders it, what it is
/// given, and the content it shows (<see cref="PageSource"/>).
/// </summary>
public static class SiteRoutes
{
    public static IEnumerable<PageRoute> All(SiteContext site, Downloads downloads)
    {
        var s = ("Site", (object?)site);
        PageSource[] everyPlan = [PageSource.EveryPlan];
        yield return Page<HomePage>(SiteUrls.Home, everyPlan, s);
        foreach (var route in site.Content.Plans.SelectMany(plan => OfPlan(site, plan))) yield return route;
        yield return Page<TopicsIndexPage>(SiteUrls.Topics, everyPlan, s);
        foreach (var topic in site.Content.Topics) yield return Page<TopicPage>(SiteUrls.Topic(topic.Id), everyPlan, s, ("Topic", topic));
        yield return Page<IndicatorsIndexPage>(SiteUrls.Indicators, everyPlan, s);
        foreach (var metric in site.Content.Metrics) yield return Page<MetricPage>(SiteUrls.Metric(metric.Id), everyPlan, s, ("Metric", metric));
        yield return Page<ComparePage>(SiteUrls.Compare, everyPlan, s);
        foreach (var page in site.Content.Pages) yield return Page<ProsePage>(SiteUrls.Page(page.Slug), [PageSource.ProsePage(page.Slug)], s, ("Page", page));
        yield return Page<SearchPage>(SiteUrls.Search, everyPlan, s);
        yield return Data(site, downloads);
        yield return Page<NotFoundPage>(SiteUrls.NotFound, [], s);
    }

    /// <summary>Whether <paramref name="route"/> is /data/, made with the downloads' sizes (<see cref="Data"/>).</summary>
    public static bool ShowsDownloads(PageRoute route) => route.Sources.Contains(PageSource.Downloads);

    /// <summary>/data/, the one page that shows the downloads (their names and sizes).</summary>
    public static PageRoute Data(SiteContext site, Downloads downloads) =>
        Page<DataPage>(SiteUrls.Data, [PageSource.Downloads], ("Site", site), ("Sizes", downloads.Sizes));

    /// <summary>
    /// A plan's own pages: the plan and each of its initiatives. Their indicator cards link to a metric's comparison when
    /// another municipality reports it too, so they also show which of the plan's metrics are shared.
    /// </summary>
    public static IEnumerable<PageRoute> OfPlan(SiteContext site, Plan plan)
    {
        var s = ("Site", (object?)site);
        PageSource[] metrics = [.. ContentSet.IndicatorsOf(plan).Select(e => e.Indicator.Metric).OfType<string>().Distinct(StringComparer.Ordinal).Select(PageSource.SharedMetric)];
        yield return Page<PlanPage>(SiteUrls.Plan(plan), [PageSource.Plan(plan.Municipality.Slug), .. metrics], s, ("Plan", plan));
        var initiatives = ContentSet.InitiativesOf(plan);
        for (var i = 0; i < initiatives.Count; i++)
        {
            var entry = initiatives[i];
            yield return Page<InitiativePage>(entry.Url, InitiativeSources(site, entry, metrics), s, ("Entry", entry),
                ("Previous", i > 0 ? initiatives[i - 1] : null), ("Next", i + 1 < initiatives.Count ? initiatives[i + 1] : null),
                ("Position", i + 1), ("Count", initiatives.Count));
        }
    }

    /// <summary>The same page drawn from <paramref name="site"/>: another generation of the same content (watch mode).</summary>
    public static PageRoute WithSite(PageRoute route, SiteContext site) =>
        route with { Parameters = [.. route.Parameters.Select(p => p.Name == "Site" ? (p.Name, site) : p)] };

    /// <summary>A page of the theme's layout, which shows the menu (<see cref="PageSource.Menu"/>) besides <paramref name="sources"/>.</summary>
    private static PageRoute Page<T>(string path, IReadOnlyCollection<PageSource> sources, params (string Name, object? Value)[] parameters) where T : IComponent =>
        PageRoute.Of<T>(path, [.. sources, PageSource.Menu], parameters);

    /// <summary>
    /// An initiative page shows its own plan, its related list, and for each related initiative what that
    /// initiative's plan says about it (title, municipality, labels): so it depends on those plans too; and, like every
    /// page of its plan, on the plan's shared metrics. One list per page, without LINQ: watch mode makes 69,732 of them after every edit.
    /// </summary>
    private static List<PageSource> InitiativeSources(SiteContext site, InitiativeEntry entry, PageSource[] metrics)
    {
        var sources = new List<PageSource>(8 + metrics.Length) { PageSource.Plan(entry.Municipality.Slug), PageSource.RelatedList(entry.Url) };
        if (site.Related.TryGetValue(entry, out var related))
        {
            foreach (var item in related)
            {
                var plan = PageSource.Plan(item.Entry.Municipality.Slug);
                if (!sources.Contains(plan)) sources.Add(plan);
            }
        }
        sources.AddRange(metrics);
        return sources;
    }
}
