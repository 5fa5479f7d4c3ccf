using System.Diagnostics;
using DxCompare.Content;
using DxCompare.Exports;

using DxCompare.Pages;

namespace DxCompare.Build;

public sealed record RebuildResult(IReadOnlyList<Diagnostic> Diagnostics, int PagesRendered, int PagesRemoved, int PagesTotal, TimeSpan Elapsed, bool Full)
{
    public string Phases { get; init; } = "";

    /// <summary>After a plan edit, when that plan's own pages were live (the rest of the rebuild follows).</summary>
    public TimeSpan? EditedPlanLive { get; init; }

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
/// Watch mode. After a plan edit, the pages it touches are written at once: its own pages, the pages drawn from
/// every plan (home, topics, indicators, compare) and initiative pages elsewhere whose related lists or related
/// initiatives changed (<see cref="RebuildPlanner"/>). The new content is matched against the previous search
/// index for that; rebuilding the index, every related list and the downloads takes a large share of a full
/// build, so it follows in the background and writes what changed (superseded if another edit comes first).
/// Every rebuild is staged (<see cref="StagedUpdate"/>): invalid content, or a page that fails to render, leaves
/// the served site exactly as it was.
/// </summary>
public sealed class IncrementalBuilder(BuildOptions options, IBuildProgress? progress = null) : IDisposable
{
    private readonly ContentCache _cache = new();
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly IBuildProgress _progress = progress ?? NoProgress.Instance;
    /// <summary>What the served site shows; a preview until the background rebuild settles it.</summary>
    private Served? _current;
    /// <summary>The last generation with its own search index (the one a preview borrows).</summary>
    private SiteGeneration? _settled;
    private CancellationTokenSource? _settling;
    /// <summary>Plans edited since the served downloads were written (a superseded settle leaves its plans to the next one).</summary>
    private readonly HashSet<string> _unsettledPlans = new(StringComparer.Ordinal);
    private Task _settleTask = Task.CompletedTask;
    /// <summary>The collection that follows a build or a settled edit (<see cref="CollectWhenIdle"/>); a save cancels it unless it has begun.</summary>
    private CancellationTokenSource? _idle;
    private Task _idleTask = Task.CompletedTask;

    /// <summary>A generation and what was written of it.</summary>
    private sealed record Served(SiteGeneration Generation, IReadOnlyList<PageRoute> Routes, Downloads Downloads, Search.StaticSearchExport.Written Search);

    public string Output => Path.GetFullPath(options.OutputDirectory);

    /// <summary>The first, full build (staged and swapped in like `build`); its generation is kept for the next change.</summary>
    public async Task<BuildReport> StartAsync(CancellationToken cancel = default)
    {
        var (report, built) = await SiteBuilder.LoadAndWriteAsync(options, _progress, _cache, cancel);
        if (built is var (generation, written))
        {
            Replace(new Served(generation, written.Routes, written.Downloads, written.Search), settled: true);
            CollectWhenIdle();
        }
        return report;
    }

    public async Task<RebuildResult> RebuildAsync(IReadOnlyCollection<string> changedPaths, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        await StopBackgroundWorkAsync();
        await _writing.WaitAsync(cancel);
        try
        {
            var changed = RebuildPlanner.SourcesChangedBy(changedPaths, options.ContentDirectory);
            return _current is null || changed is null
                ? await RebuildAllAsync(clock, cancel)
                : await RebuildPlansAsync(_current, changed, clock, cancel);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Staged: nothing of this rebuild reached the served site.
            return new RebuildResult([new Diagnostic(options.ContentDirectory, 1, 1, $"the rebuild failed ({error.GetType().Name}: {error.Message}); the last good site is still served. Run `dxcompare validate` and report the problem if it passes.")],
                0, 0, _current?.Routes.Count ?? 0, clock.Elapsed, false);
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>Taxonomies, theme assets (fingerprints in every page) or anything unknown: everything, with a new index, staged and swapped in.</summary>
    private async Task<RebuildResult> RebuildAllAsync(Stopwatch clock, CancellationToken cancel)
    {
        var phases = new PhaseTimer();
        var content = SiteGeneration.Load(options, phases, out var diagnostics, _cache);
        if (content is null) return new RebuildResult(diagnostics, 0, 0, _current?.Routes.Count ?? 0, clock.Elapsed, false);
        var (next, written) = await SiteBuilder.WriteAsync(options, content, phases, _progress, cancel);
        Replace(new Served(next, written.Routes, written.Downloads, written.Search), settled: true);
        _unsettledPlans.Clear();
        CollectWhenIdle();
        return new RebuildResult([], written.Routes.Count, 0, written.Routes.Count, clock.Elapsed, true) { Phases = next.Phases.ToString() };
    }

    private async Task<RebuildResult> RebuildPlansAsync(Served previous, IReadOnlySet<PageSource> changed, Stopwatch clock, CancellationToken cancel)
    {
        var phases = new PhaseTimer();
        var loaded = ContentLoader.Load(options.ContentDirectory, _cache);
        if (!loaded.Succeeded) return new RebuildResult(loaded.Diagnostics, 0, 0, previous.Routes.Count, clock.Elapsed, false);
        phases.Mark($"load ({_cache.LastParsed} parsed)");
        var changedPlans = changed.Where(s => s.Kind == PageSourceKind.Plan).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        _unsettledPlans.UnionWith(changedPlans);
        var content = options.IncludeDrafts ? loaded.Content! : loaded.Content!.WithoutDrafts();

        // The edited plans' own pages first, from their own related lists: they are what the editor looks at, and at
        // 1,788 plans carrying every other list over and rendering the pages drawn from every plan takes seconds.
        var edited = previous.Generation.PreviewOfChanged(content, changedPlans);
        var own = content.Plans.Where(p => changedPlans.Contains(p.Municipality.Slug)).SelectMany(p => SiteRoutes.OfPlan(edited.Site, p)).ToList();
        await RenderStagedAsync(edited, own, cancel);
        phases.Mark($"edited plan's pages ({own.Count})");
        var ownLive = clock.Elapsed;

        // The index update and the related lists need only the content: they start now, beside the pages drawn from every
        // plan, several of whose steps use one core (waiting for those pages, an edit settled about a second later).
        var settling = new CancellationTokenSource();
        _settling = settling;
        var changedSinceSettled = _unsettledPlans.ToHashSet(StringComparer.Ordinal);
        var settled = _settled!;
        var next = Task.Run(() => SiteGeneration.Create(options, content, new PhaseTimer(), (settled, changedSinceSettled), settling.Token));
        _settleTask = next;
        try
        {
            var preview = previous.Generation.Preview(content, changedPlans);
            phases.Mark("related");
            var routes = preview.Routes(previous.Downloads);
            var written = own.Select(r => r.Path).ToHashSet(StringComparer.Ordinal);
            var affected = RebuildPlanner.Affected(routes, [.. changed, .. RebuildPlanner.SiteWideChanges(previous.Generation.Site, preview.Site),
                    .. RebuildPlanner.RelatedListsChanged(previous.Generation.RelatedByUrl, preview.RelatedByUrl)])
                .Where(r => !written.Contains(r.Path)).ToList();
            phases.Mark($"affected ({affected.Count} more pages)");
            await RenderStagedAsync(preview, affected, cancel);
            phases.Mark("pages");
            var removed = RemovePagesOf(previous.Routes, routes);
            preview.WriteSiteFilesAfterPlanEdit(Output, routes, previous.Routes);
            phases.Mark("site files");
            Replace(new Served(preview, routes, previous.Downloads, previous.Search), settled: false);

            var served = _current!;
            var task = Task.Run(() => SettleAsync(served, next, changedSinceSettled, settling.Token));
            _settleTask = task;
            CollectWhenIdle(task);
            return new RebuildResult([], own.Count + affected.Count, removed, routes.Count, clock.Elapsed, false) { Phases = phases.ToString(), Settling = task, EditedPlanLive = ownLive };
        }
        catch
        {
            // Nothing of this rebuild is served: the index update it started is stopped, and released if it got done.
            settling.Cancel();
            _settleTask = next.ContinueWith(made => { if (made.IsCompletedSuccessfully) made.Result.Dispose(); }, TaskScheduler.Default);
            throw;
        }
    }

    /// <summary>
    /// Waits for the index update (only the plans edited since the last settle are analysed again) and the related lists
    /// of the preview's content, then writes the search index, the downloads and the pages whose related lists changed.
    /// </summary>
    private async Task<SettleResult> SettleAsync(Served preview, Task<SiteGeneration> made, IReadOnlySet<string> changedSinceSettled, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        SiteGeneration? next = null;
        using var update = new StagedUpdate(Output);
        // The downloads need the content and not the index: written into the staging folder while the index and the
        // related lists are finished (the open-data files cover every plan; at 1,788 municipalities they take seconds).
        var content = preview.Generation.Site.Content;
        var downloadsTask = Task.Run(() => Downloads.Update(content, update.Staging, options.BaseUrl, preview.Downloads, changedSinceSettled, Output), CancellationToken.None);
        try
        {
            // The settled generation's index (the one the preview borrows) with the plans edited since analysed again, and
            // its related lists with those an edit can change computed again, started with the preview.
            next = await made;
            await _writing.WaitAsync(cancel);
            try
            {
                cancel.ThrowIfCancellationRequested();
                // Index files are named by their content and found through the manifest, which is replaced last and
                // atomically: written in place, only the files that changed are written at all.
                var search = next.WriteSearchIndex(Output, preview.Search);
                next.Phases.Mark("search export");
                var downloads = await downloadsTask;
                next.Phases.Mark("downloads (waited for)");
                // The preview's pages are this generation's: the same content, and an initiative page declares its related
                // list by its URL whatever the list holds. Those that show what changed are rendered from this generation.
                var affected = RebuildPlanner.Affected(preview.Routes,
                        [PageSource.Downloads, .. RebuildPlanner.RelatedListsChanged(preview.Generation.RelatedByUrl, next.RelatedByUrl)])
                    .Select(route => SiteRoutes.ShowsDownloads(route) ? SiteRoutes.Data(next.Site, downloads) : SiteRoutes.WithSite(route, next.Site))
                    .ToList();
                // Not cancelled from here: a rebuild waiting for the lock must find the pages consistent.
                await next.RenderAsync(affected, update.Staging, cancel: CancellationToken.None);
                update.Commit();
                Downloads.RemoveGone(Output, preview.Downloads, downloads);
                // The sitemap and robots.txt list the same pages as the preview's; the headers name each download.
                next.WriteHeaders(Output);
                SiteGeneration.PruneSearchIndex(Output, preview.Search, search);
                next.Phases.Mark("pages");
                Replace(new Served(next, preview.Routes, downloads, search), settled: true);
                _unsettledPlans.Clear();
                return new SettleResult(affected.Count, clock.Elapsed, false) { Phases = next.Phases.ToString() };
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
        finally
        {
            // Nothing may still write into the staging folder when it is deleted (a failure of its own counts only when
            // the settle got as far as using the downloads, above).
            await ((Task)downloadsTask).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>
    /// Once a build or an edit's settle is done, what it replaced (a generation's index, routes and related lists: hundreds
    /// of MB at 1,788 municipalities; after a full build, all its intermediate data) is garbage, and watch mode waits for
    /// the next save. It is collected then, unless another save comes within <see cref="IdleDelay"/>: the build's collector
    /// does not run beside the program, so left to itself a full collection of that heap comes every third edit or so and
    /// stops that edit for 0.2–0.3 s. A save made while the collection runs waits for it.
    /// </summary>
    /// <param name="settle">After an edit, its settle: nothing is collected if it failed or was superseded. None after a full build.</param>
    private void CollectWhenIdle(Task<SettleResult>? settle = null)
    {
        var idle = new CancellationTokenSource();
        _idle = idle;
        _idleTask = CollectWhenIdleAsync(settle, idle.Token);
    }

    private static async Task CollectWhenIdleAsync(Task<SettleResult>? settle, CancellationToken cancel)
    {
        if (settle is not null)
        {
            await ((Task)settle).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (!settle.IsCompletedSuccessfully || settle.Result.Superseded) return;
        }
        await Task.Delay(IdleDelay, cancel).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (cancel.IsCancellationRequested) return;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
    }

    private static readonly TimeSpan IdleDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>Completes when the work an edit started is done, the collection after it included (benchmarks wait for it, as a person saving again a little later would).</summary>
    public Task Idle => _idleTask;

    /// <summary>Renders into a staged update that is swapped in at once (nothing of a failed render reaches the served site).</summary>
    private async Task RenderStagedAsync(SiteGeneration generation, IReadOnlyList<PageRoute> routes, CancellationToken cancel)
    {
        using var update = new StagedUpdate(Output);
        _progress.Start("pages", routes.Count);
        await generation.RenderAsync(routes, update.Staging, _progress, cancel);
        update.Commit();
    }

    /// <summary>
    /// Deletes the pages of <paramref name="previous"/> that <paramref name="next"/> no longer has, and the folders they leave
    /// empty up to the served one (the headers name every top-level folder: a deleted plan's would stay named).
    /// </summary>
    private int RemovePagesOf(IReadOnlyList<PageRoute> previous, IReadOnlyList<PageRoute> next)
    {
        var kept = next.Select(r => r.Path).ToHashSet(StringComparer.Ordinal);
        var removed = 0;
        foreach (var gone in previous.Where(r => !kept.Contains(r.Path)))
        {
            var file = Path.Combine(Output, gone.OutputFile);
            if (!File.Exists(file)) continue;
            File.Delete(file);
            removed++;
            for (var folder = Path.GetDirectoryName(file)!; folder != Output && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any();
                 folder = Path.GetDirectoryName(folder)!)
                Directory.Delete(folder);
        }
        return removed;
    }

    /// <summary>Makes <paramref name="next"/> the served generation; an index no generation uses any more is released.</summary>
    private void Replace(Served next, bool settled)
    {
        _current = next;
        if (!settled) return;
        var old = _settled;
        _settled = next.Generation;
        if (old is not null && !ReferenceEquals(old, next.Generation)) old.Dispose();
    }

    /// <summary>
    /// Stops the settle of an earlier edit, whose results this change would make stale, and the collection after it (unless
    /// begun), and waits for both: the settle may still be reading the settled generation's index, which a full rebuild disposes.
    /// </summary>
    private async Task StopBackgroundWorkAsync()
    {
        _settling?.Cancel();
        _idle?.Cancel();
        await _settleTask.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _idleTask.ConfigureAwait(false);
    }

    public void Dispose()
    {
        StopBackgroundWorkAsync().Wait();
        _settled?.Dispose();
        _writing.Dispose();
    }
}
