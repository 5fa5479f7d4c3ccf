using System.Diagnostics;
using DxCompare.Content;

using DxCompare.Pages;

namespace DxCompare.Build;

public sealed record RebuildResult(IReadOnlyList<Diagnostic> Diagnostics, int PagesRendered, int PagesRemoved, int PagesTotal, TimeSpan Elapsed, bool Full)
{
    public string Phases { get; init; } = "";

    /// <summary>
    /// After a plan edit, the rebuild of the search index, related lists and downloads that runs in the background;
    /// null when this rebuild already did everything (a full rebuild, or a failed one).
    /// </summary>
    public Task<SettleResult>? Settling { get; init; }

    public bool Succeeded => Diagnostics.Count == 0;

    public string Summary() => Succeeded
        ? $"rebuilt {PagesRendered} of {PagesTotal} pages{(PagesRemoved > 0 ? $", removed {PagesRemoved}" : "")} in {Elapsed.TotalMilliseconds:0} ms{(Full ? " (full)" : "")}"
        : $"{Diagnostics.Count} problem(s); the last good site is still served";
}

public sealed record SettleResult(int PagesRendered, TimeSpan Elapsed, bool Superseded)
{
    public string Phases { get; init; } = "";

    public string Summary() => Superseded
        ? "search index update skipped: a newer change came in"
        : $"search index, related initiatives and downloads updated in {Elapsed.TotalMilliseconds:0} ms ({PagesRendered} pages with new related lists)";
}

/// <summary>
/// Watch mode. After a plan edit, the pages it touches are written at once (in place, each file replaced
/// atomically): its own pages, the pages drawn from every plan (home, topics, indicators, compare) and
/// initiative pages elsewhere that list its initiatives as related. The new content is matched against
/// the previous search index for that; rebuilding the index, every related list and the downloads
/// takes a large share of a full build, so it follows in the background and writes what changed
/// (superseded if another edit comes first). Invalid content leaves the served site as it was.
/// </summary>
public sealed class IncrementalBuilder(BuildOptions options) : IDisposable
{
    private readonly ContentCache _cache = new();
    private readonly SemaphoreSlim _writing = new(1, 1);
    /// <summary>What the served site shows; a preview until the background rebuild settles it.</summary>
    private SiteGeneration? _current;
    /// <summary>The last generation with its own search index (the one a preview borrows).</summary>
    private SiteGeneration? _settled;
    private CancellationTokenSource? _settling;
    private Task _settleTask = Task.CompletedTask;

    public string Output => Path.GetFullPath(options.OutputDirectory);

    /// <summary>The first, full build (staged and swapped in like `build`); its generation is kept for the next change.</summary>
    public async Task<BuildReport> StartAsync(CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        var generation = SiteGeneration.Prepare(options, out var diagnostics, _cache);
        if (generation is null) return new BuildReport(diagnostics, 0, 0, clock.Elapsed);
        Replace(generation, settled: true);
        return await SiteBuilder.WriteAsync(generation, clock, NoProgress.Instance, cancel);
    }

    public async Task<RebuildResult> RebuildAsync(IReadOnlyCollection<string> changedPaths, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        // Background work for an earlier change would write results this change makes stale.
        _settling?.Cancel();
        await _writing.WaitAsync(cancel);
        try
        {
            var change = ContentChange.Of(changedPaths, options.ContentDirectory);
            return _current is null || change is null
                ? await RebuildAllAsync(clock, cancel)
                : await RebuildPlansAsync(_current, change, clock, cancel);
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>Taxonomies, theme assets (fingerprints in every page) or anything unknown: everything, with a new index.</summary>
    private async Task<RebuildResult> RebuildAllAsync(Stopwatch clock, CancellationToken cancel)
    {
        var next = SiteGeneration.Prepare(options, out var diagnostics, _cache);
        if (next is null) return new RebuildResult(diagnostics, 0, 0, _current?.Routes.Count ?? 0, clock.Elapsed, false);
        await next.WriteAllAsync(Output, inPlace: true, NoProgress.Instance, cancel);
        var removed = _current is null ? 0 : RemovePagesOf(_current, next);
        Replace(next, settled: true);
        return new RebuildResult([], next.Routes.Count, removed, next.Routes.Count, clock.Elapsed, true) { Phases = next.Phases.ToString() };
    }

    private async Task<RebuildResult> RebuildPlansAsync(SiteGeneration previous, ContentChange change, Stopwatch clock, CancellationToken cancel)
    {
        var phases = new PhaseTimer();
        var loaded = ContentLoader.Load(options.ContentDirectory, _cache);
        if (!loaded.Succeeded) return new RebuildResult(loaded.Diagnostics, 0, 0, previous.Routes.Count, clock.Elapsed, false);
        phases.Mark($"load ({_cache.LastParsed} parsed)");
        var preview = previous.Preview(loaded.Content!, change.Plans);
        phases.Mark("related");
        var routes = Affected(previous, preview, change);
        phases.Mark($"affected ({routes.Count} pages)");
        await preview.RenderAsync(routes, Output, inPlace: true, null, cancel);
        phases.Mark("pages");
        var removed = RemovePagesOf(previous, preview);
        preview.WriteSiteFiles(Output);
        phases.Mark("site files");
        Replace(preview, settled: false);

        var settling = new CancellationTokenSource();
        _settling = settling;
        var task = Task.Run(() => SettleAsync(preview, settling.Token));
        _settleTask = task;
        return new RebuildResult([], routes.Count, removed, preview.Routes.Count, clock.Elapsed, false) { Phases = phases.ToString(), Settling = task };
    }

    /// <summary>Rebuilds the index and every related list for the preview's content, then writes the search index, the downloads and the pages whose related lists changed.</summary>
    private async Task<SettleResult> SettleAsync(SiteGeneration preview, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        SiteGeneration? next = null;
        try
        {
            next = SiteGeneration.Create(options, preview.Site.Content, new PhaseTimer(), cancel);
            await _writing.WaitAsync(cancel);
            try
            {
                cancel.ThrowIfCancellationRequested();
                next.WriteExports(Output);
                next.WriteSearchIndex(Output);
                next.Phases.Mark("search export");
                var before = RelatedByUrl(preview);
                var after = RelatedByUrl(next);
                var routes = next.Routes.Where(route => route.Component == typeof(Theme.DataPage) || Differs(before, after, route.Path)).ToList();
                // Not cancelled from here: a rebuild waiting for the lock must find the pages consistent.
                await next.RenderAsync(routes, Output, inPlace: true);
                next.Phases.Mark("pages");
                Replace(next, settled: true);
                return new SettleResult(routes.Count, clock.Elapsed, false) { Phases = next.Phases.ToString() };
            }
            finally
            {
                _writing.Release();
            }
        }
        catch (OperationCanceledException)
        {
            next?.Dispose();
            return new SettleResult(0, clock.Elapsed, true);
        }
    }

    /// <summary>The plan and prose-page files a change touched (by slug).</summary>
    private sealed record ContentChange(IReadOnlySet<string> Plans, IReadOnlySet<string> Pages)
    {
        /// <summary>Null when something else changed (taxonomies, theme assets, unknown files): that needs everything.</summary>
        public static ContentChange? Of(IReadOnlyCollection<string> changedPaths, string contentDirectory)
        {
            var content = Path.GetFullPath(contentDirectory);
            string[] In(string folder) => [.. changedPaths.Select(Path.GetFullPath)
                .Where(p => p.StartsWith(Path.Combine(content, folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal))];
            var plans = In(ContentLoader.PlansFolder);
            var pages = In(ContentLoader.PagesFolder);
            if (changedPaths.Count == 0 || plans.Length + pages.Length < changedPaths.Count) return null;
            static HashSet<string> Slugs(string[] paths) => [.. paths.Select(Path.GetFileNameWithoutExtension).OfType<string>()];
            return new ContentChange(Slugs(plans), Slugs(pages));
        }
    }

    /// <summary>The routes a change of plans or prose pages touches.</summary>
    private static IReadOnlyList<PageRoute> Affected(SiteGeneration previous, SiteGeneration next, ContentChange change)
    {
        var scopes = change.Plans.Select(SiteRoutes.PlanScope).Concat(change.Pages.Select(SiteRoutes.PageScope)).ToHashSet(StringComparer.Ordinal);
        var plansChanged = change.Plans.Count > 0;
        var before = plansChanged ? RelatedByUrl(previous) : [];
        var after = plansChanged ? RelatedByUrl(next) : [];

        return [.. next.Routes.Where(route =>
            scopes.Contains(route.Scope)
            || (plansChanged && route.Scope == PageRoute.Global)
            || (plansChanged && route.Scope.StartsWith("plan:", StringComparison.Ordinal) && Differs(before, after, route.Path)))];
    }

    private static bool Differs(Dictionary<string, IReadOnlyList<Search.Related>> before, Dictionary<string, IReadOnlyList<Search.Related>> after, string url) =>
        after.TryGetValue(url, out var now) && (!before.TryGetValue(url, out var then) || !now.SequenceEqual(then, SameOnPage.Instance));

    private static Dictionary<string, IReadOnlyList<Search.Related>> RelatedByUrl(SiteGeneration generation) =>
        generation.Site.Related.ToDictionary(pair => pair.Key.Url, pair => pair.Value, StringComparer.Ordinal);

    /// <summary>Two related initiatives that an initiative page shows the same way (URL, municipality, label, title, shared topics, kind).</summary>
    private sealed class SameOnPage : IEqualityComparer<Search.Related>
    {
        public static readonly SameOnPage Instance = new();

        public bool Equals(Search.Related? a, Search.Related? b) =>
            a is not null && b is not null
            && a.Entry.Url == b.Entry.Url && a.Entry.Municipality.Name == b.Entry.Municipality.Name
            && a.Entry.Plan.Labels.Initiative == b.Entry.Plan.Labels.Initiative && a.Entry.Initiative.Title == b.Entry.Initiative.Title
            && a.SimilarText == b.SimilarText && a.SharedTopics.Select(t => t.Id).SequenceEqual(b.SharedTopics.Select(t => t.Id));

        public int GetHashCode(Search.Related related) => related.Entry.Url.GetHashCode(StringComparison.Ordinal);
    }

    /// <summary>Deletes the pages of <paramref name="previous"/> that <paramref name="next"/> no longer has (and folders left empty).</summary>
    private int RemovePagesOf(SiteGeneration previous, SiteGeneration next)
    {
        var kept = next.Routes.Select(r => r.Path).ToHashSet(StringComparer.Ordinal);
        var removed = 0;
        foreach (var gone in previous.Routes.Where(r => !kept.Contains(r.Path)))
        {
            var file = Path.Combine(Output, gone.OutputFile);
            if (!File.Exists(file)) continue;
            File.Delete(file);
            removed++;
            var folder = Path.GetDirectoryName(file)!;
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any()) Directory.Delete(folder);
        }
        return removed;
    }

    /// <summary>Makes <paramref name="next"/> the served generation; an index no generation uses any more is released.</summary>
    private void Replace(SiteGeneration next, bool settled)
    {
        _current = next;
        if (!settled) return;
        var old = _settled;
        _settled = next;
        if (old is not null && !ReferenceEquals(old, next)) old.Dispose();
    }

    public void Dispose()
    {
        _settling?.Cancel();
        try { _settleTask.Wait(); } catch (AggregateException) { }
        _settled?.Dispose();
        _writing.Dispose();
    }
}
