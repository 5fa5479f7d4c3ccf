using DxCompare.Content;
using DxCompare.Model;
using DxCompare.Pages;
using DxCompare.Search;

namespace DxCompare.Build;

/// <summary>
/// Watch mode's choice of what to rebuild, as pure functions of the change and the routes: a change is a set
/// of <see cref="PageSource"/>s, and a page is re-rendered when it declares one of them.
/// </summary>
public static class RebuildPlanner
{
    /// <summary>
    /// What a set of changed files touches: a plan file its plan and every page drawn from all plans, a prose
    /// page itself. Null when anything else changed (taxonomies, theme assets, unknown files): that needs a full rebuild.
    /// </summary>
    public static IReadOnlySet<PageSource>? SourcesChangedBy(IReadOnlyCollection<string> changedPaths, string contentDirectory)
    {
        if (changedPaths.Count == 0) return null;
        var content = Path.GetFullPath(contentDirectory);
        var plans = Path.Combine(content, ContentLoader.PlansFolder) + Path.DirectorySeparatorChar;
        var pages = Path.Combine(content, ContentLoader.PagesFolder) + Path.DirectorySeparatorChar;
        var changed = new HashSet<PageSource>();
        foreach (var path in changedPaths.Select(Path.GetFullPath))
        {
            var slug = Path.GetFileNameWithoutExtension(path);
            if (path.StartsWith(plans, StringComparison.Ordinal)) changed.UnionWith([PageSource.Plan(slug), PageSource.EveryPlan]);
            else if (path.StartsWith(pages, StringComparison.Ordinal)) changed.Add(PageSource.ProsePage(slug));
            else return null;
        }
        return changed;
    }

    /// <summary>
    /// What a change of some plans altered that pages of every plan show: the plans the menu lists, and which metrics
    /// more than one municipality reports (an indicator card of any plan links to a shared metric's comparison).
    /// </summary>
    public static IEnumerable<PageSource> SiteWideChanges(SiteContext before, SiteContext after)
    {
        if (!before.MenuPlans.Select(MenuItem).SequenceEqual(after.MenuPlans.Select(MenuItem))) yield return PageSource.Menu;
        var shared = before.SharedMetrics.ToHashSet(StringComparer.Ordinal);
        shared.SymmetricExceptWith(after.SharedMetrics);
        foreach (var metric in shared.Order(StringComparer.Ordinal)) yield return PageSource.SharedMetric(metric);
    }

    private static (string Name, string Url) MenuItem(Plan plan) => (plan.Municipality.Name, SiteUrls.Plan(plan));

    /// <summary>The related lists whose members (or the reasons they are listed) differ between two generations.</summary>
    public static IEnumerable<PageSource> RelatedListsChanged(
        IReadOnlyDictionary<string, IReadOnlyList<Related>> before, IReadOnlyDictionary<string, IReadOnlyList<Related>> after)
    {
        foreach (var (url, now) in after)
        {
            if (!before.TryGetValue(url, out var then) || !SameList(then, now))
                yield return PageSource.RelatedList(url);
        }
    }

    /// <summary>
    /// Lists hold the same initiatives for the same reasons. What the page shows of each comes from its plan, which the
    /// page declares as a source of its own. Compared field by field, without a string per entry: there are 70,000 lists at 1,788 municipalities.
    /// </summary>
    private static bool SameList(IReadOnlyList<Related> a, IReadOnlyList<Related> b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a.Count != b.Count) return false;
        for (var i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i].Entry.Url, b[i].Entry.Url, StringComparison.Ordinal) || a[i].SimilarText != b[i].SimilarText
                || !SameTopics(a[i].SharedTopics, b[i].SharedTopics))
                return false;
        }
        return true;
    }

    private static bool SameTopics(IReadOnlyList<Topic> a, IReadOnlyList<Topic> b)
    {
        if (a.Count != b.Count) return false;
        for (var i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i].Id, b[i].Id, StringComparison.Ordinal)) return false;
        }
        return true;
    }

    /// <summary>The routes that show any of <paramref name="changed"/>.</summary>
    public static IReadOnlyList<PageRoute> Affected(IEnumerable<PageRoute> routes, IEnumerable<PageSource> changed)
    {
        var set = changed.ToHashSet();
        return [.. routes.Where(route => Shows(route, set))];
    }

    private static bool Shows(PageRoute route, HashSet<PageSource> changed)
    {
        foreach (var source in route.Sources)
        {
            if (changed.Contains(source)) return true;
        }
        return false;
    }
}
