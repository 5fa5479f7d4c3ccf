using System.Globalization;
using DxCompare.Model;

namespace DxCompare.Content;

public sealed record LoadResult(ContentSet? Content, IReadOnlyList<Diagnostic> Diagnostics, SourceMap SourceMap)
{
    public bool Succeeded => Content is not null && Diagnostics.Count == 0;
}

/// <summary>
/// Loads content/ into the normalized model. Every file is read and checked even after the first
/// problem, so one run reports everything; the content is never modified.
/// </summary>
public static class ContentLoader
{
    public const string TopicsFile = "topics.yml";
    public const string MetricsFile = "metrics.yml";
    public const string PlansFolder = "plans";
    public const string PagesFolder = "pages";

    /// <param name="cache">Watch mode: plan files unchanged since the last load (same size and write time) are not parsed again.</param>
    public static LoadResult Load(string contentDirectory, ContentCache? cache = null)
    {
        // Source positions only when something is wrong: the content is then read again, every file, with them.
        var quick = Load(contentDirectory, cache, SourceMap.Off());
        return quick.Succeeded ? quick : Load(contentDirectory, null, new SourceMap());
    }

    private static LoadResult Load(string contentDirectory, ContentCache? cache, SourceMap map)
    {
        var diagnostics = new DiagnosticBag();
        var paths = new ContentPaths(contentDirectory);
        var root = paths.Root;
        if (!Directory.Exists(root))
        {
            diagnostics.Add(SourceLocation.StartOf(contentDirectory), "no-content-folder", new { folder = contentDirectory });
            return new LoadResult(null, diagnostics.Sorted(), map);
        }

        // References into a taxonomy file with a problem are not checked: its own message names the cause.
        var before = diagnostics.Items.Count;
        var topics = LoadList<TopicList>(paths, TopicsFile, diagnostics, map)?.Topics ?? [];
        UniqueIds(topics, t => t.Id, "topic", diagnostics, map);
        var topicsKnown = diagnostics.Items.Count == before;
        before = diagnostics.Items.Count;
        var metrics = LoadList<MetricList>(paths, MetricsFile, diagnostics, map)?.Metrics ?? [];
        UniqueIds(metrics, m => m.Id, "metric", diagnostics, map);
        var metricsKnown = diagnostics.Items.Count == before;
        var vocabulary = LoadList<VocabularyList>(paths, Vocabulary.File, diagnostics, map) ?? new VocabularyList();
        UniqueIds(vocabulary.StatusWords, w => w.Word, "status word", diagnostics, map, field: "word");
        UniqueIds(vocabulary.Qualifiers, w => w.Word, "qualifier", diagnostics, map, field: "word");
        UniqueIds(vocabulary.Units, w => w.Word, "unit", diagnostics, map, field: "word");

        var rules = new PlanRules(map, diagnostics,
            topicsKnown ? topics.Select(t => t.Id).ToHashSet(StringComparer.Ordinal) : null,
            metricsKnown ? metrics.GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal) : null, vocabulary);
        foreach (var metric in metrics)
        {
            foreach (var topic in metric.Topics.Where(t => !rules.HasTopic(t)))
                diagnostics.Add(map.Of(metric, "topics"), "metric-unknown-topic", new { topic, metric = metric.Id, suggestion = YamlBinder.SuggestionFor(topic, topics.Select(t => t.Id)) });
        }
        cache?.StartLoad(Stamp(Path.Combine(root, TopicsFile)) + "|" + Stamp(Path.Combine(root, MetricsFile)) + "|" + Stamp(Path.Combine(root, Vocabulary.File)));
        var plans = new List<Plan>();
        before = diagnostics.Items.Count;
        var planFiles = ContentFiles(paths, PlansFolder, "*.yml", diagnostics);
        if (planFiles.Count == 0 && diagnostics.Items.Count == before)
            diagnostics.Add(SourceLocation.StartOf(DisplayPath(Path.Combine(root, PlansFolder))), "no-plan", new { });
        // Read, parsed, bound and checked on every core, each file with messages of its own, reported in file order.
        var stamps = planFiles.Select(Stamp).ToArray();
        var reused = planFiles.Select((path, i) => cache?.Reuse(path, stamps[i])).ToArray();
        var bound = new (Plan? Plan, DiagnosticBag Diagnostics)[planFiles.Count];
        Parallel.For(0, planFiles.Count, i =>
        {
            if (reused[i] is not null) return;
            var own = new DiagnosticBag();
            var plan = Bind<Plan>(planFiles[i], DisplayPath(planFiles[i]), own, map);
            if (plan is not null) rules.Reporting(own).Check(plan, Path.GetFileNameWithoutExtension(planFiles[i]));
            bound[i] = (plan, own);
        });
        for (var i = 0; i < planFiles.Count; i++)
        {
            if (reused[i] is { } unchanged)
            {
                plans.Add(unchanged);
                continue;
            }
            var problems = diagnostics.Items.Count;
            var (plan, own) = bound[i];
            diagnostics.AddRange(own);
            if (plan is null) continue;
            plans.Add(plan);
            if (diagnostics.Items.Count == problems) cache?.Keep(planFiles[i], stamps[i], plan);
        }
        cache?.FinishLoad();
        UniqueIds(plans, p => p.Municipality.Code, "全国地方公共団体コード", diagnostics, map, p => p.Municipality, "code");
        UniqueIds(plans, p => p.Municipality.Slug, "slug", diagnostics, map, p => p.Municipality, "slug");

        var pages = ContentFiles(paths, PagesFolder, "*.md", diagnostics).Select(p => LoadPage(p, diagnostics, map)).OfType<ProseDocument>().ToList();
        RouteNames.Check(plans, pages, diagnostics, map);

        rules.CheckLinksToDrafts(plans, pages, root);
        // Built only from valid content: its lookups assume unique ids (found by the fuzz test: a duplicated topic crashed validate).
        var content = diagnostics.HasErrors ? null : new ContentSet(plans, topics, metrics, pages, vocabulary);
        return new LoadResult(content, diagnostics.Sorted(), map);
    }

    private static string Stamp(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? $"{file.Length}:{file.LastWriteTimeUtc.Ticks}" : "";
    }

    public static string DisplayPath(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }

    /// <summary>The files of plans/ or pages/ (optional folders) that are safe to read: inside content/ and within the limits.</summary>
    private static IReadOnlyList<string> ContentFiles(ContentPaths paths, string folder, string pattern, DiagnosticBag diagnostics)
    {
        var directory = Path.Combine(paths.Root, folder);
        var display = DisplayPath(directory);
        if (File.Exists(directory))
        {
            diagnostics.Add(SourceLocation.StartOf(display), "folder-is-a-file", new { folder, pattern });
            return [];
        }
        if (!Directory.Exists(directory) || !paths.Inside(directory, display, diagnostics)) return [];
        var files = Directory.EnumerateFiles(directory, pattern).Take(ContentLimits.MaxFiles + 1).Order(StringComparer.Ordinal).ToList();
        if (files.Count > ContentLimits.MaxFiles)
        {
            diagnostics.Add(SourceLocation.StartOf(display), "too-many-files", new { folder, pattern, max = ContentLimits.MaxFiles.ToString("N0", CultureInfo.InvariantCulture) });
            return [];
        }
        return [.. files.Where(file => paths.Inside(file, DisplayPath(file), diagnostics))];
    }

    private static T? LoadList<T>(ContentPaths paths, string name, DiagnosticBag diagnostics, SourceMap map) where T : class, new()
    {
        var path = Path.Combine(paths.Root, name);
        var display = DisplayPath(path);
        if (Directory.Exists(path))
        {
            diagnostics.Add(SourceLocation.StartOf(display), "file-is-a-folder", new { name });
            return null;
        }
        if (File.Exists(path) || new FileInfo(path).LinkTarget is not null)
            return paths.Inside(path, display, diagnostics) ? Bind<T>(path, display, diagnostics, map) : null;
        diagnostics.Add(SourceLocation.StartOf(display), "missing-file", new { name });
        return null;
    }

    private static T? Bind<T>(string path, string display, DiagnosticBag diagnostics, SourceMap map) where T : class, new()
    {
        var text = YamlFile.ReadUtf8(path, display, diagnostics);
        if (text is null) return null;
        var node = YamlFile.Parse(text, display, diagnostics);
        return node is null ? null : new YamlBinder(display, diagnostics, map) { Draft = IsDraft(node) }.Bind<T>(node);
    }

    /// <summary>A plan marked 'draft: true' is checked for what it contains, not for what it still lacks.</summary>
    private static bool IsDraft(YamlDotNet.RepresentationModel.YamlNode root) =>
        root is YamlDotNet.RepresentationModel.YamlMappingNode mapping
        && mapping.Children.Any(c => c.Key is YamlDotNet.RepresentationModel.YamlScalarNode { Value: "draft" } && c.Value is YamlDotNet.RepresentationModel.YamlScalarNode { Value: "true" });

    private static ProseDocument? LoadPage(string path, DiagnosticBag diagnostics, SourceMap map)
    {
        var display = DisplayPath(path);
        var text = YamlFile.ReadUtf8(path, display, diagnostics);
        if (text is null) return null;
        var normalized = text.Replace("\r\n", "\n");
        if (!normalized.StartsWith("---\n", StringComparison.Ordinal))
        {
            diagnostics.Add(SourceLocation.StartOf(display), "no-front-matter", new { });
            return null;
        }
        var end = normalized.IndexOf("\n---", 4, StringComparison.Ordinal);
        if (end < 0)
        {
            diagnostics.Add(SourceLocation.StartOf(display), "front-matter-not-closed", new { });
            return null;
        }
        // Parsed with a leading newline so that line numbers match the file (front matter starts on line 2).
        var node = YamlFile.Parse("\n" + normalized[4..end], display, diagnostics);
        if (node is null) return null;
        var bodyStart = normalized.IndexOf('\n', end + 1);
        var front = new YamlBinder(display, diagnostics, map).Bind<PageFrontMatter>(node);
        if (front is null) return null;
        var body = bodyStart < 0 ? "" : normalized[(bodyStart + 1)..];
        if (Printable.FirstUnprintable(body) is var bad and >= 0)
        {
            var line = normalized[..(bodyStart + 1 + bad)].Count(c => c == '\n') + 1;
            var column = bodyStart + 1 + bad - normalized.LastIndexOf('\n', bodyStart + bad);
            YamlBinder.AddUnprintable(diagnostics, new SourceLocation(display, line, column), body, bad, "the page text", "ページの本文");
            return null;
        }
        var page = new ProseDocument(Path.GetFileNameWithoutExtension(path), front.Title, front.Description, body, front.Order);
        map.Record(page, SourceLocation.StartOf(display), new Dictionary<string, SourceLocation>());
        return page;
    }

    private static void UniqueIds<T>(IEnumerable<T> items, Func<T, string> id, string what, DiagnosticBag diagnostics, SourceMap map,
        Func<T, object>? locate = null, string field = "id") where T : notnull
    {
        var first = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var key = id(item);
            if (string.IsNullOrEmpty(key)) continue;
            var target = locate?.Invoke(item) ?? item;
            if (first.TryGetValue(key, out var earlier))
            {
                var other = map.Of(locate?.Invoke(earlier) ?? earlier, field);
                diagnostics.Add(map.Of(target, field), "duplicate-entry", new { what, key, file = other.File, line = other.Line });
            }
            else first[key] = item;
        }
    }
}
