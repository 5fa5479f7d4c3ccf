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
    private SiteGeneration(BuildOptions options, SiteContext site, SearchIndex search, TimeSpan searchTime, IReadOnlyDictionary<string, string> dataSizes)
    {
        Options = options;
        Site = site;
        Search = search;
        SearchIndexTime = searchTime;
        DataSizes = dataSizes;
        Routes = [.. SiteRoutes.All(site, dataSizes)];
    }

    public BuildOptions Options { get; }
    public SiteContext Site { get; }
    public SearchIndex Search { get; }
    public TimeSpan SearchIndexTime { get; }
    public IReadOnlyDictionary<string, string> DataSizes { get; }
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
        // Sizes of the downloads are shown on /data/; they are measured on an in-memory export.
        var sizes = new Dictionary<string, string>
        {
            [OpenDataExport.InitiativesCsv] = Measure(w => OpenDataExport.WriteInitiatives(site.Content, w)),
            [OpenDataExport.IndicatorsCsv] = Measure(w => OpenDataExport.WriteIndicators(site.Content, w)),
            [OpenDataExport.PlansJson] = Measure(w => w.Write(OpenDataExport.ToJson(site.Content))),
            [OpenDataExport.SchemaJson] = Measure(w => w.Write(Schema.SchemaGenerator.ToJson(typeof(Model.Plan), Schema.SchemaGenerator.ContentSchemas[0].Title))),
        };
        phases.Mark("sizes");
        return new SiteGeneration(options, site, search, searchTime, sizes) { Phases = phases };
    }

    /// <summary>How long each step took, for the build summary and benchmarks.</summary>
    public PhaseTimer Phases { get; private init; } = new();

    private static string Measure(Action<TextWriter> write)
    {
        var writer = new StringWriter();
        write(writer);
        return ((long)System.Text.Encoding.UTF8.GetByteCount(writer.ToString())).Bytes().Humanize("0.#");
    }

    /// <summary>Writes the static search index (replacing an older one) and returns its size in bytes.</summary>
    public long WriteSearchIndex(string root)
    {
        var folder = Path.Combine(root, StaticSearchExport.Folder);
        var before = Directory.Exists(folder) ? Directory.GetFiles(folder).ToHashSet() : [];
        var bytes = StaticSearchExport.Write(Search, root);
        var manifest = File.ReadAllText(Path.Combine(folder, "manifest.json"));
        foreach (var stale in before.Where(f => !manifest.Contains(Path.GetFileName(f), StringComparison.Ordinal) && !f.EndsWith("manifest.json", StringComparison.Ordinal)))
            File.Delete(stale);
        return bytes;
    }

    public Task<long> RenderAsync(IReadOnlyList<PageRoute> routes, string root, IBuildProgress? progress = null, CancellationToken cancel = default) =>
        SiteBuilder.RenderAsync(routes, root, Options.Workers, progress ?? NoProgress.Instance, cancel);

    /// <summary>Exports, theme assets, /admin/, sitemap, robots and headers. Returns whether Decap CMS was available.</summary>
    public bool WriteSiteFiles(string root)
    {
        OpenDataExport.WriteAll(Site.Content, Path.Combine(root, "data"));
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
