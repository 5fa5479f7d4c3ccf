using System.Diagnostics;
using DxCompare.Cms;
using DxCompare.Content;
using DxCompare.Exports;
using DxCompare.Model;
using DxCompare.Pages;
using DxCompare.Search;

namespace DxCompare.Build;

/// <summary>
/// One generation of the site, and the build as ordered steps that hand their results to the next:
/// <list type="number">
/// <item>content: <see cref="ContentLoader"/> loads and validates (<see cref="Load"/>);</item>
/// <item>index: a Lucene index of every initiative (<see cref="Create"/>);</item>
/// <item>related: related initiatives from the index, into the <see cref="SiteContext"/> pages read (<see cref="Create"/>);</item>
/// <item>search export: the static index the browser searches;</item>
/// <item>exports: the downloads, whose names and sizes /data/ shows;</item>
/// <item>routes: every page with what it shows (<see cref="SiteRoutes"/>), given the downloads;</item>
/// <item>pages: rendered in parallel;</item>
/// <item>site files: assets, /admin/, sitemap, robots, headers, given the routes.</item>
/// </list>
/// A full build runs steps 2–8 through <see cref="BuildAsync"/>, writing the downloads, the search fragments, the theme's
/// assets and /admin/ beside steps 2–3, and the rest of the search index beside step 7; only /data/ waits for the
/// downloads. A full build writes into a staging folder; watch mode keeps the generation and its routes to decide which
/// pages a change touches.
/// </summary>
public sealed class SiteGeneration : IDisposable
{
    private readonly bool _ownsSearch;

    private SiteGeneration(BuildOptions options, SiteContext site, SearchIndex search, RelatedInitiatives related, bool ownsSearch)
    {
        Options = options;
        Site = site;
        Search = search;
        RelatedFinder = related;
        _ownsSearch = ownsSearch;
        _relatedByUrl = new(() => site.Related.ToDictionary(pair => pair.Key.Url, pair => pair.Value, StringComparer.Ordinal));
    }

    public BuildOptions Options { get; }
    public SiteContext Site { get; }
    /// <summary>The index of this generation's content; a preview shares its predecessor's (see <see cref="Preview"/>).</summary>
    public SearchIndex Search { get; }
    public TimeSpan SearchIndexTime { get; private init; }
    private RelatedInitiatives RelatedFinder { get; }

    /// <summary>
    /// Each related list by its initiative's URL, which watch mode compares from one generation to the next: made once per
    /// generation (a generation is compared with the one before it and the one after), 70,000 lists at 1,788 municipalities.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Related>> RelatedByUrl => _relatedByUrl.Value;

    private readonly Lazy<Dictionary<string, IReadOnlyList<Related>>> _relatedByUrl;

    /// <summary>Step 1: loads and validates the content; null (with the validator's messages) when it is not valid.</summary>
    public static ContentSet? Load(BuildOptions options, PhaseTimer phases, out IReadOnlyList<Diagnostic> diagnostics, ContentCache? cache = null)
    {
        var themeProblems = CheckTheme(options.ThemeDirectory);
        if (themeProblems.Count > 0)
        {
            diagnostics = themeProblems;
            return null;
        }
        var loaded = ContentLoader.Load(options.ContentDirectory, cache);
        diagnostics = loaded.Diagnostics;
        if (!loaded.Succeeded) return null;
        phases.Mark("load");
        return options.IncludeDrafts ? loaded.Content! : loaded.Content!.WithoutDrafts();
    }

    /// <summary>
    /// Steps 2 and 3: indexes the content and computes every related list. Given an earlier generation with its own index
    /// and the plans changed since, only those plans are analysed again (<see cref="SearchIndex.Updated"/>) and only the
    /// lists they can change are computed again (<see cref="RelatedInitiatives.ComputeAfterEdit"/>).
    /// </summary>
    public static SiteGeneration Create(BuildOptions options, ContentSet content, PhaseTimer phases,
        (SiteGeneration Settled, IReadOnlySet<string> ChangedSlugs)? previous = null, CancellationToken cancel = default) =>
        IndexAndRelate(options, content, SearchIndex.DocumentsOf(content), ScanAssets(options), phases, previous, cancel);

    private static AssetManifest ScanAssets(BuildOptions options) => AssetManifest.Scan(Path.Combine(options.ThemeDirectory, "assets"));

    private static SiteGeneration IndexAndRelate(BuildOptions options, ContentSet content, IReadOnlyList<SearchDocument> documents, AssetManifest assets,
        PhaseTimer phases, (SiteGeneration Settled, IReadOnlySet<string> ChangedSlugs)? previous, CancellationToken cancel)
    {
        var search = previous is var (settled, changed)
            ? SearchIndex.Updated(settled.Search, content, changed, documents, cancel)
            : new SearchIndex(content, documents: documents, cancel: cancel);
        var searchTime = phases.Mark("index");
        try
        {
            var finder = new RelatedInitiatives(search);
            IReadOnlyDictionary<InitiativeEntry, IReadOnlyList<Related>> related;
            if (previous is var (before, edited))
            {
                (related, var computed) = finder.ComputeAfterEdit(before.RelatedFinder, before.Site.Related, content, edited, cancel);
                phases.Mark($"related ({computed} of {search.Documents.Count} computed)");
            }
            else
            {
                related = finder.ComputeAll(content, cancel);
                phases.Mark("related");
            }
            var site = new SiteContext(content, options.BaseUrl, assets) { Related = related };
            return new SiteGeneration(options, site, search, finder, ownsSearch: true) { Phases = phases, SearchIndexTime = searchTime };
        }
        catch
        {
            search.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Steps 2–8 into <paramref name="root"/>. The downloads, the search fragments, the theme's assets and /admin/ need the
    /// content and not the index, so they are written while the index and the related lists are computed; the pages
    /// other than /data/ do not need the downloads either, so they render while the downloads are finished.
    /// </summary>
    public static async Task<(SiteGeneration Generation, WrittenSite Written)> BuildAsync(BuildOptions options, ContentSet content, PhaseTimer phases,
        string root, IBuildProgress progress, CancellationToken cancel)
    {
        var assets = ScanAssets(options);
        var downloads = Task.Run(() => Timed(() => Downloads.Write(content, root, options.BaseUrl)), cancel);
        var themeFiles = Task.Run(() => WriteThemeFiles(options, assets, content, root), cancel);
        Task<(StaticSearchExport.Fragments, TimeSpan)>? fragments = null;
        Task<(StaticSearchExport.Written, TimeSpan)>? searchExport = null;
        SiteGeneration? generation = null;
        try
        {
            var documents = SearchIndex.DocumentsOf(content);
            fragments = Task.Run(() => Timed(() => StaticSearchExport.WriteFragments(documents, root)), cancel);
            generation = IndexAndRelate(options, content, documents, assets, phases, null, cancel);
            var (search, fragmentsTime) = await fragments;
            phases.Add("search fragments (in parallel)", fragmentsTime);
            var index = generation.Search;
            // The term shards are written by one thread while the pages render: no page shows them.
            searchExport = Task.Run(() => Timed(() => StaticSearchExport.Write(index, search)), cancel);
            return (generation, await generation.WriteAllAsync(root, downloads, searchExport, themeFiles, progress, cancel));
        }
        catch
        {
            generation?.Dispose();
            // Nothing may still write into the staging folder its owner is about to delete.
            await Task.WhenAll(new Task?[] { downloads, themeFiles, fragments, searchExport }.OfType<Task>())
                .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }
    }

    private static (T Value, TimeSpan Time) Timed<T>(Func<T> work)
    {
        var clock = Stopwatch.StartNew();
        var value = work();
        return (value, clock.Elapsed);
    }

    /// <summary>
    /// Watch mode, at once after a plan changed: the new content with this generation's search index and related
    /// lists carried over (see <see cref="RelatedInitiatives.Update"/>), so the changed pages can be written in a
    /// moment. <see cref="Create"/> then rebuilds the index, the related lists and the downloads in the background.
    /// </summary>
    public SiteGeneration Preview(ContentSet content, IReadOnlySet<string> changedSlugs) =>
        PreviewWith(content, RelatedFinder.Update(Site.Related, content, changedSlugs));

    /// <summary>
    /// Watch mode, first of all: a preview that knows only the changed plans' related lists, enough for their own pages
    /// (<see cref="SiteRoutes.OfPlan"/>), which is what the editor looks at.
    /// </summary>
    public SiteGeneration PreviewOfChanged(ContentSet content, IReadOnlySet<string> changedSlugs) =>
        PreviewWith(content, RelatedFinder.UpdateChanged(content, changedSlugs));

    private SiteGeneration PreviewWith(ContentSet content, IReadOnlyDictionary<InitiativeEntry, IReadOnlyList<Related>> related) =>
        new(Options, new SiteContext(content, Options.BaseUrl, Site.Assets) { Related = related }, Search, RelatedFinder, ownsSearch: false)
        {
            SearchIndexTime = SearchIndexTime,
        };

    /// <summary>The assets every layout links to; without them pages would point at files that do not exist.</summary>
    public static readonly IReadOnlyList<string> RequiredAssets = ["site.css", "js-flag.js", "site.js", "search.js"];

    private static IReadOnlyList<Diagnostic> CheckTheme(string themeDirectory)
    {
        var assets = Path.Combine(themeDirectory, "assets");
        if (!Directory.Exists(assets))
            return [new Diagnostic(themeDirectory, 1, 1, $"the theme folder '{themeDirectory}' has no assets/ folder. Run from the repository root or pass --theme with the folder that holds assets/site.css.")];
        return [.. RequiredAssets
            .Where(name => !File.Exists(Path.Combine(assets, name)))
            .Select(name => new Diagnostic(Path.Combine(assets, name), 1, 1, $"the theme asset '{name}' is missing; every page links to it. Restore it from the repository (git checkout -- {Path.Combine(assets, name)})."))];
    }

    /// <summary>How long each step took, for the build summary and benchmarks.</summary>
    public PhaseTimer Phases { get; private init; } = new();

    /// <summary>
    /// Step 4 in watch mode: writes the static search index into <paramref name="root"/>, which holds what
    /// <paramref name="previous"/> wrote (only new files are written); returns what it holds now.
    /// </summary>
    public StaticSearchExport.Written WriteSearchIndex(string root, StaticSearchExport.Written previous) => StaticSearchExport.Write(Search, root, previous);

    /// <summary>Deletes the index files <paramref name="previous"/> wrote that <paramref name="next"/> did not: names are content hashes, so old ones linger otherwise.</summary>
    public static void PruneSearchIndex(string root, StaticSearchExport.Written previous, StaticSearchExport.Written next)
    {
        var folder = Path.Combine(root, StaticSearchExport.Folder);
        foreach (var name in previous.Files.Where(name => !next.Files.Contains(name)))
            File.Delete(Path.Combine(folder, name));
    }

    /// <summary>Step 6: every page, given the downloads /data/ lists.</summary>
    public IReadOnlyList<PageRoute> Routes(Downloads downloads) => [.. SiteRoutes.All(Site, downloads)];

    /// <summary>Step 7: renders pages into <paramref name="root"/>, a folder nobody serves yet.</summary>
    public Task<long> RenderAsync(IReadOnlyList<PageRoute> routes, string root, IBuildProgress? progress = null, CancellationToken cancel = default) =>
        SiteBuilder.RenderAsync(routes, root, Options.Workers, progress ?? NoProgress.Instance, cancel);

    /// <summary>
    /// Steps 6–8 into <paramref name="root"/>, with the downloads, the search index and the theme's files being written
    /// beside the pages. Only /data/ shows the downloads, so it is rendered last, once they are written.
    /// </summary>
    private async Task<WrittenSite> WriteAllAsync(string root, Task<(Downloads Files, TimeSpan Time)> downloads,
        Task<(StaticSearchExport.Written Written, TimeSpan Time)> search, Task<bool> themeFiles, IBuildProgress progress, CancellationToken cancel)
    {
        var routes = Routes(Downloads.None);
        progress.Start("pages", routes.Count);
        var pageBytes = await RenderAsync([.. routes.Where(route => !SiteRoutes.ShowsDownloads(route))], root, progress, cancel);
        Phases.Mark("pages");
        var (files, downloadsTime) = await downloads;
        Phases.Mark("exports");
        Phases.Add("exports (in parallel)", downloadsTime);
        routes = [.. routes.Select(route => SiteRoutes.ShowsDownloads(route) ? SiteRoutes.Data(Site, files) : route)];
        pageBytes += await RenderAsync([.. routes.Where(SiteRoutes.ShowsDownloads)], root, progress, cancel);
        var adminReady = await themeFiles;
        WriteRouteFiles(root, routes);
        var (index, indexTime) = await search;
        Phases.Add("search export (in parallel)", indexTime);
        return new WrittenSite(routes, files, index) { PageBytes = pageBytes, AdminReady = adminReady };
    }

    /// <summary>
    /// Step 8 after a plan edit: what of it the content makes (/admin/'s model and rules, sitemap, robots and headers). The
    /// theme's assets and Decap's files are as the last full build copied them: a theme change rebuilds everything. The
    /// sitemap, robots and headers follow from the pages' paths and the folders they make, which an edit that adds or
    /// removes no page leaves as they are (the sitemap alone is 6 MB at 1,788 municipalities).
    /// </summary>
    public void WriteSiteFilesAfterPlanEdit(string root, IReadOnlyList<PageRoute> routes, IReadOnlyList<PageRoute> previousRoutes)
    {
        AdminSite.WriteContentFiles(root, CmsOptionsOf(Options), Site.Assets["site.css"], Site.Content);
        if (!SamePaths(routes, previousRoutes)) WriteRouteFiles(root, routes);
    }

    private static bool SamePaths(IReadOnlyList<PageRoute> a, IReadOnlyList<PageRoute> b)
    {
        if (a.Count != b.Count) return false;
        for (var i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i].Path, b[i].Path, StringComparison.Ordinal)) return false;
        }
        return true;
    }

    private static CmsOptions CmsOptionsOf(BuildOptions options) => options.Cms with { SiteUrl = options.BaseUrl };

    /// <summary>The part of step 8 no page is needed for: theme assets and /admin/. Returns whether Decap CMS was available.</summary>
    private static bool WriteThemeFiles(BuildOptions options, AssetManifest assets, ContentSet content, string root)
    {
        assets.CopyTo(Path.Combine(options.ThemeDirectory, "assets"), root);
        return AdminSite.Write(root, options.ThemeDirectory, options.DecapDist, CmsOptionsOf(options), assets["site.css"], content);
    }

    /// <summary>The rest of step 8: sitemap, robots and headers, once every other file is written.</summary>
    private void WriteRouteFiles(string root, IReadOnlyList<PageRoute> routes)
    {
        SiteBuilder.WriteBytes(Path.Combine(root, "sitemap.xml"), SiteBuilder.Sitemap(Site, routes));
        SiteBuilder.WriteText(Path.Combine(root, "robots.txt"), $"User-agent: *\nAllow: /\nDisallow: {SiteUrls.Admin}\nSitemap: {Site.Absolute(SiteUrls.Sitemap)}\n");
        WriteHeaders(root);
    }

    /// <summary>The headers of every top-level folder and of each download, from what <paramref name="root"/> holds (watch mode writes them again once new downloads are in).</summary>
    public void WriteHeaders(string root) =>
        SiteBuilder.WriteText(Path.Combine(root, HeaderRules.FileName), HeaderRules.Render(HeaderRules.For(root, Options.Cms.LocalBackendPort)));

    public void Dispose()
    {
        if (_ownsSearch) Search.Dispose();
    }
}

/// <summary>What writing a generation produced: its pages, its downloads and its search index files.</summary>
public sealed record WrittenSite(IReadOnlyList<PageRoute> Routes, Downloads Downloads, StaticSearchExport.Written Search)
{
    public long PageBytes { get; init; }
    public bool AdminReady { get; init; } = true;
}

public sealed class PhaseTimer
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<(string Name, TimeSpan Time)> _phases = [];

    public TimeSpan Mark(string name)
    {
        var elapsed = _clock.Elapsed;
        _phases.Add((name, elapsed));
        _clock.Restart();
        return elapsed;
    }

    /// <summary>Work that ran beside the marked steps: listed with them, not counted in their times.</summary>
    public void Add(string name, TimeSpan time) => _phases.Add((name, time));

    public override string ToString() => string.Join(", ", _phases.Select(p => $"{p.Name} {p.Time.TotalSeconds:0.00} s"));
}
