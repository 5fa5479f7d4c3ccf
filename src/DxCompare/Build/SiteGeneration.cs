using System.Diagnostics;
using DxCompare.Cms;
using DxCompare.Content;
using DxCompare.Exports;
using DxCompare.Model;
using DxCompare.Build;
using DxCompare.Search;
using Humanizer;

using DxCompare.Pages;

namespace DxCompare.Build;

/// <summary>
/// One generation of the site: validated content, everything derived from it (search index, related
/// initiatives, exports) and the routes. A full build writes all of it to a staging folder; watch mode
/// keeps the previous generation to decide which pages a change touches.
/// </summary>
public sealed class SiteGeneration : IDisposable
{
    private readonly Dictionary<string, string> _dataSizes = new(StringComparer.Ordinal);

    private readonly bool _ownsSearch;

    private SiteGeneration(BuildOptions options, SiteContext site, SearchIndex search, RelatedInitiatives related, bool ownsSearch)
    {
        Options = options;
        Site = site;
        Search = search;
        RelatedFinder = related;
        _ownsSearch = ownsSearch;
        // /data/ shows the sizes of the downloads, filled in by WriteExports before any page is rendered.
        Routes = [.. SiteRoutes.All(site, _dataSizes)];
    }

    public BuildOptions Options { get; }
    public SiteContext Site { get; }
    /// <summary>The index of this generation's content; a preview shares its predecessor's (see <see cref="Preview"/>).</summary>
    public SearchIndex Search { get; }
    public TimeSpan SearchIndexTime { get; private init; }
    private RelatedInitiatives RelatedFinder { get; }

    public IReadOnlyList<PageRoute> Routes { get; }

    private string AssetsDirectory => Path.Combine(Options.ThemeDirectory, "assets");

    /// <summary>Loads and validates the content; null (with the validator's messages) when it is not valid.</summary>
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
        return Create(options, loaded.Content!, phases);
    }

    /// <summary>Indexes the content and computes every related list.</summary>
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
        var preview = new SiteGeneration(Options, site, Search, RelatedFinder, ownsSearch: false) { Phases = phases, SearchIndexTime = SearchIndexTime };
        foreach (var (file, size) in _dataSizes) preview._dataSizes[file] = size;
        return preview;
    }

    /// <summary>The assets every layout links to; without them pages would point at files that do not exist.</summary>
    public static readonly IReadOnlyList<string> RequiredAssets = ["site.css", "site.js", "search.js"];

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

    /// <summary>Writes the static search index (replacing an older one) and returns its size in bytes.</summary>
    public long WriteSearchIndex(string root)
    {
        var folder = Path.Combine(root, StaticSearchExport.Folder);
        var written = StaticSearchExport.Write(Search, root);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToList())
        {
            if (!written.Files.Contains(Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/'))) File.Delete(file);
        }
        return written.Bytes;
    }

    /// <summary>Writes the open-data downloads and records their sizes for the /data/ page.</summary>
    public void WriteExports(string root)
    {
        var folder = Path.Combine(root, "data");
        foreach (var file in OpenDataExport.WriteAll(Site.Content, folder, Site.BaseUrl))
            _dataSizes[file] = new FileInfo(Path.Combine(folder, file)).Length.Bytes().Humanize("0.#");
    }

    /// <summary>
    /// Renders pages into <paramref name="root"/>. Into a staging folder files are written directly; into
    /// the served folder (<paramref name="inPlace"/>, watch mode) each one is replaced atomically.
    /// </summary>
    public Task<long> RenderAsync(IReadOnlyList<PageRoute> routes, string root, bool inPlace, IBuildProgress? progress = null, CancellationToken cancel = default)
    {
        if (_dataSizes.Count == 0) throw new InvalidOperationException("WriteExports comes before rendering: the /data/ page shows their sizes.");
        return SiteBuilder.RenderAsync(routes, root, Options.Workers, inPlace, progress ?? NoProgress.Instance, cancel);
    }

    /// <summary>Everything, in the order it depends on: search index, downloads (their sizes are on /data/), pages, site files.</summary>
    public async Task<(long PageBytes, long SearchBytes, bool AdminReady)> WriteAllAsync(string root, bool inPlace, IBuildProgress progress, CancellationToken cancel)
    {
        var searchBytes = WriteSearchIndex(root);
        Phases.Mark("search export");
        WriteExports(root);
        Phases.Mark("exports");
        progress.Start("pages", Routes.Count);
        var pageBytes = await RenderAsync(Routes, root, inPlace, progress, cancel);
        Phases.Mark("pages");
        var adminReady = WriteSiteFiles(root);
        return (pageBytes, searchBytes, adminReady);
    }

    /// <summary>Theme assets, /admin/, sitemap, robots and headers. Returns whether Decap CMS was available.</summary>
    public bool WriteSiteFiles(string root)
    {
        Site.Assets.CopyTo(AssetsDirectory, root);
        var adminReady = AdminSite.Write(root, Options.ThemeDirectory, Options.DecapDist, Options.Cms with { SiteUrl = Options.BaseUrl }, Site.Assets["site.css"]);
        SiteBuilder.WriteText(Path.Combine(root, "sitemap.xml"), SiteBuilder.Sitemap(Site, Routes));
        SiteBuilder.WriteText(Path.Combine(root, "robots.txt"), $"User-agent: *\nAllow: /\nDisallow: /admin/\nSitemap: {Site.Absolute("/sitemap.xml")}\n");
        SiteBuilder.WriteText(Path.Combine(root, HeaderRules.FileName), HeaderRules.Render(HeaderRules.For(root)));
        return adminReady;
    }

    public void Dispose()
    {
        if (_ownsSearch) Search.Dispose();
    }
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
