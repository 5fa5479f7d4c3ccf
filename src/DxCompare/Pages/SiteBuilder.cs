using System.Diagnostics;
using System.Text;
using System.Xml.Linq;
using DxCompare.Content;
using DxCompare.Exports;
using DxCompare.Output;
using DxCompare.Search;
using Humanizer;

namespace DxCompare.Pages;

public sealed record BuildOptions(string ContentDirectory, string ThemeDirectory, string OutputDirectory, string BaseUrl)
{
    public const string DefaultBaseUrl = "https://dxcompare.netlify.app";
    public int Workers { get; init; } = Environment.ProcessorCount;
}

public sealed record BuildReport(IReadOnlyList<Diagnostic> Diagnostics, int PagesWritten, long BytesWritten, TimeSpan Elapsed)
{
    public long SearchIndexBytes { get; init; }
    public TimeSpan SearchIndexTime { get; init; }

    public bool Succeeded => Diagnostics.Count == 0;
    public double PagesPerSecond => PagesWritten / Math.Max(Elapsed.TotalSeconds, 0.001);

    public string Summary() =>
        $"{"page".ToQuantity(PagesWritten)} written ({BytesWritten.Bytes().Humanize("0.#")}) in {Elapsed.TotalSeconds:0.00} s, {PagesPerSecond:0} pages/s; " +
        $"search index {SearchIndexBytes.Bytes().Humanize("0.#")} in {SearchIndexTime.TotalSeconds:0.00} s";
}

/// <summary>Reports build steps; the CLI shows them as a progress bar on a terminal and stays quiet in CI.</summary>
public interface IBuildProgress
{
    void Start(string step, int total);
    void Advance(int count = 1);
}

public sealed class NoProgress : IBuildProgress
{
    public static readonly NoProgress Instance = new();
    public void Start(string step, int total) { }
    public void Advance(int count = 1) { }
}

/// <summary>
/// The build pipeline: load and validate content → render pages in parallel → copy theme assets →
/// write exports, sitemap and robots → swap the staged folder in. Any failure leaves the previous site.
/// </summary>
public static class SiteBuilder
{
    private static readonly UTF8Encoding Utf8NoBom = new(false);

    public static async Task<BuildReport> BuildAsync(BuildOptions options, IBuildProgress? progress = null, CancellationToken cancel = default)
    {
        progress ??= NoProgress.Instance;
        var clock = Stopwatch.StartNew();
        var loaded = ContentLoader.Load(options.ContentDirectory);
        if (!loaded.Succeeded) return new BuildReport(loaded.Diagnostics, 0, 0, clock.Elapsed);

        var assetsDirectory = Path.Combine(options.ThemeDirectory, "assets");
        var searchClock = Stopwatch.StartNew();
        using var search = new SearchIndex(loaded.Content!);
        var site = new SiteContext(loaded.Content!, options.BaseUrl, AssetManifest.Scan(assetsDirectory))
        {
            Related = RelatedInitiatives.Compute(search, loaded.Content!),
        };
        using var output = new StagedOutput(options.OutputDirectory);
        var searchBytes = StaticSearchExport.Write(search, output.Staging);
        var searchTime = searchClock.Elapsed;

        var dataDirectory = Path.Combine(output.Staging, "data");
        var sizes = OpenDataExport.WriteAll(site.Content, dataDirectory)
            .ToDictionary(f => f, f => new FileInfo(Path.Combine(dataDirectory, f)).Length.Bytes().Humanize("0.#"));

        var routes = SiteRoutes.All(site, sizes).ToList();
        progress.Start("pages", routes.Count);
        long bytes = 0;
        await Parallel.ForEachAsync(Partition(routes, options.Workers), new ParallelOptions { MaxDegreeOfParallelism = options.Workers, CancellationToken = cancel },
            async (batch, token) =>
            {
                await using var renderer = new PageRenderer();
                foreach (var route in batch)
                {
                    var html = await renderer.RenderAsync(route);
                    var encoded = Utf8NoBom.GetBytes(html);
                    await File.WriteAllBytesAsync(output.PathOf(route.OutputFile), encoded, token);
                    Interlocked.Add(ref bytes, encoded.Length);
                    progress.Advance();
                }
            });

        site.Assets.CopyTo(assetsDirectory, output.PathOf);
        File.WriteAllText(output.PathOf("sitemap.xml"), Sitemap(site, routes), Utf8NoBom);
        File.WriteAllText(output.PathOf("robots.txt"), $"User-agent: *\nAllow: /\nDisallow: /admin/\nSitemap: {site.Absolute("/sitemap.xml")}\n", Utf8NoBom);
        output.Commit();
        return new BuildReport([], routes.Count, bytes, clock.Elapsed) { SearchIndexBytes = searchBytes, SearchIndexTime = searchTime };
    }

    /// <summary>Round-robin batches, so that workers get a similar mix of heavy and light pages.</summary>
    private static IEnumerable<IReadOnlyList<PageRoute>> Partition(IReadOnlyList<PageRoute> routes, int workers)
    {
        var count = Math.Max(1, Math.Min(workers, routes.Count));
        return Enumerable.Range(0, count).Select(w => (IReadOnlyList<PageRoute>)[.. routes.Where((_, i) => i % count == w)]);
    }

    private static string Sitemap(SiteContext site, IEnumerable<PageRoute> routes)
    {
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement(ns + "urlset", routes.Where(r => r.Path.EndsWith('/')).Select(r => new XElement(ns + "url", new XElement(ns + "loc", site.Absolute(r.Path))))));
        return document.Declaration + "\n" + document.Root + "\n";
    }
}
