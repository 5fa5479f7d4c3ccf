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
/// <item>content: <see cref="ContentLoader"/> loads and validates (<see cref="Prepare"/>);</item>
/// <item>index: a Lucene index of every initiative (<see cref="Create"/>);</item>
/// <item>related: related initiatives from the index, into the <see cref="SiteContext"/> pages read (<see cref="Create"/>);</item>
/// <item>search export: the static index the browser searches;</item>
/// <item>exports: the downloads, whose names and sizes /data/ shows;</item>
/// <item>routes: every page with what it shows (<see cref="SiteRoutes"/>), given the downloads;</item>
/// <item>pages: rendered in parallel;</item>
/// <item>site files: assets, /admin/, sitemap, robots, headers, given the routes.</item>
/// </list>
/// Steps 4–8 are <see cref="WriteAllAsync"/>. A full build writes into a staging folder; watch mode keeps the
/// generation and its routes to decide which pages a change touches.
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
    }

    public BuildOptions Options { get; }
    public SiteContext Site { get; }
    /// <summary>The index of this generation's content; a preview shares its predecessor's (see <see cref="Preview"/>).</summary>
    public SearchIndex Search { get; }
    public TimeSpan SearchIndexTime { get; private init; }
    private RelatedInitiatives RelatedFinder { get; }

    private string AssetsDirectory => Path.Combine(Options.ThemeDirectory, "assets");

    /// <summary>Step 1: loads and validates the content; null (with the validator's messages) when it is not valid.</summary>
    public static SiteGeneration? Prepare(BuildOptions options, out IReadOnlyList<Diagnostic> diagnostics, ContentCache? cache = null)
    {
        var phases = new PhaseTimer();
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
        return Create(options, options.IncludeDrafts ? loaded.Content! : loaded.Content!.WithoutDrafts(), phases);
    }

    /// <summary>Steps 2 and 3: indexes the content and computes every related list.</summary>
    public static SiteGeneration Create(BuildOptions options, ContentSet content, PhaseTimer phases, CancellationToken cancel = default)
    {
        var search = new SearchIndex(content, cancel: cancel);
        var searchTime = phases.Mark("index");
        try
        {
            var finder = new RelatedInitiatives(search);
            var site = new SiteContext(content, options.BaseUrl, AssetManifest.Scan(Path.Combine(options.ThemeDirectory, "assets")))
            {
                Related = finder.ComputeAll(content, cancel),
            };
            phases.Mark("related");
            return new SiteGeneration(options, site, search, finder, ownsSearch: true) { Phases = phases, SearchIndexTime = searchTime };
        }
        catch
        {
            search.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Watch mode, at once after a plan changed: the new content with this generation's search index and related
    /// lists carried over (see <see cref="RelatedInitiatives.Update"/>), so the changed pages can be written in a
    /// moment. <see cref="Create"/> then rebuilds the index, the related lists and the downloads in the background.
    /// </summary>
    public SiteGeneration Preview(ContentSet content, IReadOnlySet<string> changedSlugs)
    {
        var phases = new PhaseTimer();
        var site = new SiteContext(content, Options.BaseUrl, Site.Assets) { Related = RelatedFinder.Update(Site.Related, content, changedSlugs) };
        phases.Mark("related");
        return new SiteGeneration(Options, site, Search, RelatedFinder, ownsSearch: false) { Phases = phases, SearchIndexTime = SearchIndexTime };
    }

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

    /// <summary>Step 4: writes the static search index into <paramref name="root"/>; returns the files written (relative to the index folder) and their bytes.</summary>
    public (IReadOnlySet<string> Files, long Bytes) WriteSearchIndex(string root)
    {
        var written = StaticSearchExport.Write(Search, root);
        return (written.Files, written.Bytes);
    }

    /// <summary>Deletes index files of earlier generations from a served folder: names are content hashes, so old ones linger otherwise.</summary>
    public static void PruneSearchIndex(string root, IReadOnlySet<string> keep)
    {
        var folder = Path.Combine(root, StaticSearchExport.Folder);
        if (!Directory.Exists(folder)) return;
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToList())
        {
            if (!keep.Contains(Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/'))) File.Delete(file);
        }
    }

    /// <summary>Step 5: the open-data downloads.</summary>
    public Downloads WriteDownloads(string root) => Downloads.Write(Site.Content, root, Site.BaseUrl);

    /// <summary>Step 6: every page, given the downloads /data/ lists.</summary>
    public IReadOnlyList<PageRoute> Routes(Downloads downloads) => [.. SiteRoutes.All(Site, downloads)];

    /// <summary>Step 7: renders pages into <paramref name="root"/>, a folder nobody serves yet.</summary>
    public Task<long> RenderAsync(IReadOnlyList<PageRoute> routes, string root, IBuildProgress? progress = null, CancellationToken cancel = default) =>
        SiteBuilder.RenderAsync(routes, root, Options.Workers, progress ?? NoProgress.Instance, cancel);

    /// <summary>Steps 4–8 into <paramref name="root"/>.</summary>
    public async Task<WrittenSite> WriteAllAsync(string root, IBuildProgress progress, CancellationToken cancel)
    {
        var search = WriteSearchIndex(root);
        Phases.Mark("search export");
        var downloads = WriteDownloads(root);
        Phases.Mark("exports");
        var routes = Routes(downloads);
        progress.Start("pages", routes.Count);
        var pageBytes = await RenderAsync(routes, root, progress, cancel);
        Phases.Mark("pages");
        var adminReady = WriteSiteFiles(root, routes);
        return new WrittenSite(routes, downloads, search.Files) { PageBytes = pageBytes, SearchBytes = search.Bytes, AdminReady = adminReady };
    }

    /// <summary>Step 8: theme assets, /admin/, sitemap, robots and headers. Returns whether Decap CMS was available.</summary>
    public bool WriteSiteFiles(string root, IReadOnlyList<PageRoute> routes)
    {
        Site.Assets.CopyTo(AssetsDirectory, root);
        var adminReady = AdminSite.Write(root, Options.ThemeDirectory, Options.DecapDist, Options.Cms with { SiteUrl = Options.BaseUrl }, Site.Assets["site.css"], Site.Content);
        SiteBuilder.WriteText(Path.Combine(root, "sitemap.xml"), SiteBuilder.Sitemap(Site, routes));
        SiteBuilder.WriteText(Path.Combine(root, "robots.txt"), $"User-agent: *\nAllow: /\nDisallow: {SiteUrls.Admin}\nSitemap: {Site.Absolute(SiteUrls.Sitemap)}\n");
        SiteBuilder.WriteText(Path.Combine(root, HeaderRules.FileName), HeaderRules.Render(HeaderRules.For(root, Options.Cms.LocalBackendPort)));
        return adminReady;
    }

    public void Dispose()
    {
        if (_ownsSearch) Search.Dispose();
    }
}

/// <summary>What writing a generation produced: its pages, its downloads and its search index files.</summary>
public sealed record WrittenSite(IReadOnlyList<PageRoute> Routes, Downloads Downloads, IReadOnlySet<string> SearchFiles)
{
    public long PageBytes { get; init; }
    public long SearchBytes { get; init; }
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

    public override string ToString() => string.Join(", ", _phases.Select(p => $"{p.Name} {p.Time.TotalSeconds:0.00} s"));
}
