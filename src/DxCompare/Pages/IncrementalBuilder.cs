using System.Diagnostics;
using DxCompare.Content;

namespace DxCompare.Pages;

public sealed record RebuildResult(IReadOnlyList<Diagnostic> Diagnostics, int PagesRendered, int PagesRemoved, int PagesTotal, TimeSpan Elapsed, bool Full)
{
    public bool Succeeded => Diagnostics.Count == 0;

    public string Summary() => Succeeded
        ? $"rebuilt {PagesRendered} of {PagesTotal} pages{(PagesRemoved > 0 ? $", removed {PagesRemoved}" : "")} in {Elapsed.TotalMilliseconds:0} ms{(Full ? " (full)" : "")}"
        : $"{Diagnostics.Count} problem(s); the last good site is still served";
}

/// <summary>
/// Watch mode: after a change, renders only the pages that depend on the changed files, writing them
/// in place (each file replaced atomically). Invalid content leaves the served site as it was.
/// A plan file touches its own pages, the pages drawn from every plan (home, topics, indicators,
/// compare, search, data) and the initiative pages elsewhere whose related initiatives changed.
/// </summary>
public sealed class IncrementalBuilder(BuildOptions options) : IDisposable
{
    private SiteGeneration? _current;

    public string Output => Path.GetFullPath(options.OutputDirectory);

    /// <summary>The first, full build (staged and swapped in like `build`); its generation is kept for the next change.</summary>
    public async Task<BuildReport> StartAsync(CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        var generation = SiteGeneration.Prepare(options, out var diagnostics);
        if (generation is null) return new BuildReport(diagnostics, 0, 0, clock.Elapsed);
        _current = generation;
        return await SiteBuilder.WriteAsync(generation, clock, NoProgress.Instance, cancel);
    }

    public async Task<RebuildResult> RebuildAsync(IReadOnlyCollection<string> changedPaths, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        var next = SiteGeneration.Prepare(options, out var diagnostics);
        if (next is null) return new RebuildResult(diagnostics, 0, 0, _current?.Routes.Count ?? 0, clock.Elapsed, false);

        var previous = _current;
        next.WriteExports(Output);
        var (routes, full) = previous is null ? (next.Routes, true) : Affected(previous, next, changedPaths);
        next.WriteSearchIndex(Output);
        await next.RenderAsync(routes, Output, inPlace: true, null, cancel);
        var removed = 0;
        if (previous is not null)
        {
            var kept = next.Routes.Select(r => r.Path).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in previous.Routes.Where(r => !kept.Contains(r.Path)))
            {
                var file = Path.Combine(Output, gone.OutputFile);
                if (!File.Exists(file)) continue;
                File.Delete(file);
                removed++;
                var folder = Path.GetDirectoryName(file)!;
                if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any()) Directory.Delete(folder);
            }
        }
        next.WriteSiteFiles(Output);
        _current = next;
        previous?.Dispose();
        return new RebuildResult([], routes.Count, removed, next.Routes.Count, clock.Elapsed, full);
    }

    /// <summary>The routes a change touches, and whether that is all of them.</summary>
    private (IReadOnlyList<PageRoute> Routes, bool Full) Affected(SiteGeneration previous, SiteGeneration next, IReadOnlyCollection<string> changedPaths)
    {
        var content = Path.GetFullPath(options.ContentDirectory);
        var plans = Path.Combine(content, ContentLoader.PlansFolder) + Path.DirectorySeparatorChar;
        var pages = Path.Combine(content, ContentLoader.PagesFolder) + Path.DirectorySeparatorChar;
        var changed = changedPaths.Select(Path.GetFullPath).ToList();
        // Taxonomies, theme assets (fingerprints in every page) or anything unknown: everything.
        if (changed.Count == 0 || changed.Any(p => !p.StartsWith(plans, StringComparison.Ordinal) && !p.StartsWith(pages, StringComparison.Ordinal)))
            return (next.Routes, true);

        var scopes = changed.Select(p => p.StartsWith(plans, StringComparison.Ordinal)
            ? SiteRoutes.PlanScope(Path.GetFileNameWithoutExtension(p))
            : SiteRoutes.PageScope(Path.GetFileNameWithoutExtension(p))).ToHashSet(StringComparer.Ordinal);
        var plansChanged = scopes.Any(s => s.StartsWith("plan:", StringComparison.Ordinal));

        var before = RelatedByUrl(previous);
        var after = RelatedByUrl(next);
        bool RelatedChanged(PageRoute route) =>
            after.TryGetValue(route.Path, out var now) && (!before.TryGetValue(route.Path, out var then) || now != then);

        return ([.. next.Routes.Where(route =>
            scopes.Contains(route.Scope)
            || (plansChanged && route.Scope == PageRoute.Global)
            || (plansChanged && route.Scope.StartsWith("plan:", StringComparison.Ordinal) && RelatedChanged(route)))], false);
    }

    /// <summary>Each initiative page's related list as text (URL, title, shared topics), to compare generations.</summary>
    private static Dictionary<string, string> RelatedByUrl(SiteGeneration generation) =>
        generation.Site.Related.ToDictionary(
            pair => pair.Key.Url,
            pair => string.Join("\n", pair.Value.Select(r =>
                $"{r.Entry.Url}\t{r.Entry.Municipality.Name}\t{r.Entry.Plan.Labels.Initiative}\t{r.Entry.Initiative.Title}\t{string.Join(",", r.SharedTopics.Select(t => t.Id))}\t{r.SimilarText}")),
            StringComparer.Ordinal);

    public void Dispose() => _current?.Dispose();
}
