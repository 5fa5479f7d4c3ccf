using DxCompare.Content;
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

    /// <summary>The related lists whose members (or the reasons they are listed) differ between two generations.</summary>
    public static IEnumerable<PageSource> RelatedListsChanged(
        IReadOnlyDictionary<string, IReadOnlyList<Related>> before, IReadOnlyDictionary<string, IReadOnlyList<Related>> after)
    {
        foreach (var (url, now) in after)
        {
            if (!before.TryGetValue(url, out var then) || !now.Select(Identity).SequenceEqual(then.Select(Identity)))
                yield return PageSource.RelatedList(url);
        }
    }

    /// <summary>
    /// A related initiative as a list holds it: which one and why. What the page shows of it comes from its plan,
    /// which the page declares as a source of its own.
    /// </summary>
    private static string Identity(Related related) =>
        $"{related.Entry.Url}|{related.SimilarText}|{string.Join(",", related.SharedTopics.Select(t => t.Id))}";

    /// <summary>The routes that show any of <paramref name="changed"/>.</summary>
    public static IReadOnlyList<PageRoute> Affected(IEnumerable<PageRoute> routes, IEnumerable<PageSource> changed)
    {
        var set = changed.ToHashSet();
        return [.. routes.Where(route => route.Sources.Overlaps(set))];
    }
}
