using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Xml;
using DxCompare.Cms;
using DxCompare.Content;
using DxCompare.Model;
using DxCompare.Output;
using DxCompare.Pages;
using Humanizer;

namespace DxCompare.Build;

public sealed record BuildOptions(string ContentDirectory, string ThemeDirectory, string OutputDirectory, string BaseUrl)
{
    public const string DefaultBaseUrl = "https://dxcompare.netlify.app";
    public int Workers { get; init; } = Environment.ProcessorCount;
    public string DecapDist { get; init; } = AdminSite.DefaultDecapDist;
    public CmsOptions Cms { get; init; } = new();

    /// <summary>`serve` shows plans marked draft (作成中); the public build leaves them out.</summary>
    public bool IncludeDrafts { get; init; }
}

public sealed record BuildReport(IReadOnlyList<Diagnostic> Diagnostics, int PagesWritten, long BytesWritten, TimeSpan Elapsed)
{
    public long SearchIndexBytes { get; init; }
    public TimeSpan SearchIndexTime { get; init; }
    public bool AdminReady { get; init; } = true;
    public string Phases { get; init; } = "";

    public bool Succeeded => Diagnostics.Count == 0;
    public double PagesPerSecond => PagesWritten / Math.Max(Elapsed.TotalSeconds, 0.001);

    // One English word needs no inflection rules: Humanizer's ToQuantity compiles its 83 pluralisation regexes on
    // first use, 58 ms of a 0.5 s build of the real content.
    public string Summary() =>
        string.Create(CultureInfo.InvariantCulture, $"{PagesWritten} {(PagesWritten == 1 ? "page" : "pages")} written ({BytesWritten.Bytes().ToString("0.#", CultureInfo.InvariantCulture)}) in {Elapsed.TotalSeconds:0.00} s, {PagesPerSecond:0} pages/s; " +
        $"search index {SearchIndexBytes.Bytes().ToString("0.#", CultureInfo.InvariantCulture)} in {SearchIndexTime.TotalSeconds:0.00} s");
}

/// <summary>Reports build steps; the CLI shows them as a progress bar on a terminal and stays quiet in CI.</summary>
public interface IBuildProgress
{
    void Start(string stepName, int total);
    void Advance(int count = 1);
}

public sealed class NoProgress : IBuildProgress
{
    public static readonly NoProgress Instance = new();
    public void Start(string stepName, int total) { }
    public void Advance(int count = 1) { }
}

/// <summary>
/// A full build: the steps of <see cref="SiteGeneration"/> into a staging folder that is swapped in only when
/// all of them succeeded, so any failure leaves the previous site; and the parallel page writer both builds use.
/// </summary>
public static class SiteBuilder
{
    private static readonly UTF8Encoding Utf8NoBom = new(false);

    public static async Task<BuildReport> BuildAsync(BuildOptions options, IBuildProgress? progress = null, CancellationToken cancel = default)
    {
        var (report, built) = await LoadAndWriteAsync(options, progress ?? NoProgress.Instance, null, cancel);
        built?.Generation.Dispose();
        return report;
    }

    /// <summary>
    /// Step 1, then steps 2–8 into a staging folder that is swapped in (`build`, and watch mode's first build, which keeps
    /// the generation): the report, and what was built unless the content had problems or the output could not be written.
    /// </summary>
    internal static async Task<(BuildReport Report, (SiteGeneration Generation, WrittenSite Written)? Built)> LoadAndWriteAsync(BuildOptions options,
        IBuildProgress progress, ContentCache? cache, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var phases = new PhaseTimer();
        var content = SiteGeneration.Load(options, phases, out var diagnostics, cache);
        if (content is null) return (new BuildReport(diagnostics, 0, 0, clock.Elapsed), null);
        try
        {
            var (generation, written) = await WriteAsync(options, content, phases, progress, cancel);
            return (Report(generation, written, clock), (generation, written));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return (Unwritable(options, error, clock), null);
        }
    }

    /// <summary>A full disk or a folder that cannot be written: the staging folder is gone and nothing was swapped in.</summary>
    private static BuildReport Unwritable(BuildOptions options, Exception error, Stopwatch clock) =>
        new([new Diagnostic(Path.GetFullPath(options.OutputDirectory), 1, 1,
            $"the site could not be written ({error.Message}). Free space on that disk or choose a folder you can write to (--out), then build again.")],
            0, 0, clock.Elapsed);

    /// <summary>Steps 2–8 into a staging folder that is swapped in; returns the generation (watch mode keeps it) and what was written.</summary>
    internal static async Task<(SiteGeneration Generation, WrittenSite Written)> WriteAsync(BuildOptions options, ContentSet content, PhaseTimer phases,
        IBuildProgress progress, CancellationToken cancel)
    {
        using var output = new StagedOutput(options.OutputDirectory);
        var (generation, written) = await SiteGeneration.BuildAsync(options, content, phases, output.Staging, progress, cancel);
        try
        {
            output.Commit();
        }
        catch
        {
            generation.Dispose();
            throw;
        }
        phases.Mark("files");
        return (generation, written);
    }

    internal static BuildReport Report(SiteGeneration generation, WrittenSite written, Stopwatch clock) =>
        new([], written.Routes.Count, written.PageBytes, clock.Elapsed)
        {
            SearchIndexBytes = written.Search.Bytes,
            SearchIndexTime = generation.SearchIndexTime,
            AdminReady = written.AdminReady,
            Phases = generation.Phases.ToString(),
        };

    /// <summary>Writes rendered pages in parallel into a folder nobody serves yet, one renderer per worker; returns the bytes written.</summary>
    internal static async Task<long> RenderAsync(IReadOnlyList<PageRoute> routes, string root, int workers, IBuildProgress progress, CancellationToken cancel)
    {
        long bytes = 0;
        // Each worker takes the next page when it is done with one: with fixed shares, a worker that shared its core
        // with the search export could still have pages left while the other sat idle.
        var next = -1;
        await Parallel.ForEachAsync(Enumerable.Range(0, Math.Max(1, Math.Min(workers, routes.Count))),
            new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancel },
            async (_, token) =>
            {
                await using var renderer = new PageRenderer();
                // Rendered into memory and written with one call: a FileStream per page cost more in
                // seeks, length queries and locks than the rendering itself (dotnet-trace, N = 500).
                using var page = new MemoryStream(256 * 1024);
                await using var writer = new StreamWriter(page, Utf8NoBom, bufferSize: 64 * 1024, leaveOpen: true);
                for (var index = Interlocked.Increment(ref next); index < routes.Count; index = Interlocked.Increment(ref next))
                {
                    token.ThrowIfCancellationRequested();
                    var route = routes[index];
                    page.SetLength(0);
                    await renderer.RenderAsync(route, writer);
                    await writer.FlushAsync(token);
                    var html = page.GetBuffer().AsSpan(0, (int)page.Length);
                    WriteFile(StagedOutput.Inside(root, route.OutputFile), html);
                    Interlocked.Add(ref bytes, html.Length);
                    progress.Advance();
                }
            });
        return bytes;
    }

    /// <summary>Writes a new file (in a staging folder nobody reads yet).</summary>
    private static void WriteFile(string path, ReadOnlySpan<byte> data)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        OutputFiles.Write(path, data);
    }

    /// <summary>Write to a temporary name, then rename: a reader (or the live server) never sees half a file.</summary>
    private static void ReplaceFile(string path, ReadOnlySpan<byte> data)
    {
        var temporary = path + ".tmp-" + Environment.CurrentManagedThreadId;
        WriteFile(temporary, data);
        File.Move(temporary, path, overwrite: true);
    }

    internal static void WriteText(string path, string text) => ReplaceFile(path, Utf8NoBom.GetBytes(text));

    internal static void WriteBytes(string path, byte[] data) => ReplaceFile(path, data);

    /// <summary>sitemap.xml: every page's absolute URL (not /404.html), written as it is made rather than as a tree of 71,560 elements.</summary>
    internal static byte[] Sitemap(SiteContext site, IEnumerable<PageRoute> routes)
    {
        const string ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = Utf8NoBom, Indent = true, IndentChars = "  ", NewLineChars = "\n" }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", ns);
            foreach (var route in routes.Where(r => r.Path.EndsWith('/')))
            {
                xml.WriteStartElement("url", ns);
                xml.WriteElementString("loc", ns, site.Absolute(route.Path));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
