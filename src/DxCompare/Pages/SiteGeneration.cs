using System.Diagnostics;
using DxCompare.Cms;
using DxCompare.Content;
using DxCompare.Exports;
using DxCompare.Output;
using DxCompare.Search;
using Humanizer;

namespace DxCompare.Pages;

/// <summary>
/// One generation of the site: validated content, everything derived from it (search index, related
/// initiatives, exports) and the routes. A full build writes all of it to a staging folder; watch mode
/// keeps the previous generation to decide which pages a change touches.
/// </summary>
public sealed class SiteGeneration : IDisposable
{
    private readonly Dictionary<string, string> _dataSizes = new(StringComparer.Ordinal);

    private SiteGeneration(BuildOptions options, SiteContext site, SearchIndex search, TimeSpan searchTime)
    {
        Options = options;
        Site = site;
        Search = search;
        SearchIndexTime = searchTime;
        // /data/ shows the sizes of the downloads, filled in by WriteExports before any page is rendered.
        Routes = [.. SiteRoutes.All(site, _dataSizes)];
    }

    public BuildOptions Options { get; }
    public SiteContext Site { get; }
    public SearchIndex Search { get; }
    public TimeSpan SearchIndexTime { get; }
    public IReadOnlyList<PageRoute> Routes { get; }

    private string AssetsDirectory => Path.Combine(Options.ThemeDirectory, "assets");

    /// <summary>Loads and validates the content; null (with the validator's messages) when it is not valid.</summary>
    public static SiteGeneration? Prepare(BuildOptions options, out IReadOnlyList<Diagnostic> diagnostics)
    {
        var phases = new PhaseTimer();
        var loaded = ContentLoader.Load(options.ContentDirectory);
        diagnostics = loaded.Diagnostics;
        if (!loaded.Succeeded) return null;
        phases.Mark("load");
        var search = new SearchIndex(loaded.Content!);
        var searchTime = phases.Mark("index");
        var site = new SiteContext(loaded.Content!, options.BaseUrl, AssetManifest.Scan(Path.Combine(options.ThemeDirectory, "assets")))
        {
            Related = RelatedInitiatives.Compute(search, loaded.Content!),
        };
        phases.Mark("related");
        return new SiteGeneration(options, site, search, searchTime) { Phases = phases };
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
        foreach (var file in OpenDataExport.WriteAll(Site.Content, folder))
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

    public void Dispose() => Search.Dispose();
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
