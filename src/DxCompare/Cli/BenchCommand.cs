using System.CommandLine;
using DxCompare.Content;
using DxCompare.Search;

namespace DxCompare.Cli;

/// <summary>Benchmarks and measurements (figures recorded in docs/search.md and docs/benchmarks.md).</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Benchmarks: search quality per analyzer variant, synthetic content for scale tests");
        bench.Subcommands.Add(Quality());
        bench.Subcommands.Add(GenerateCommand.Create());
        bench.Subcommands.Add(Hugo());
        bench.Subcommands.Add(Incremental());
        return bench;
    }

    private static Command Hugo()
    {
        var content = CommonOptions.Content();
        var output = CommonOptions.OutputFolder("Folder for the Hugo site");
        var theme = new Option<string>("--hugo-theme") { Description = "The equivalent Hugo theme", DefaultValueFactory = _ => "bench/hugo-theme/dxcompare" };
        var command = new Command("hugo", "Export the content as a Hugo site with the same pages, for the side-by-side build benchmark") { content, output, theme };
        command.SetAction(parse =>
        {
            var loaded = ContentLoader.Load(parse.GetValue(content)!);
            if (!loaded.Succeeded) return ValidateCommand.Report(loaded, Console.Out, Console.Error);
            var pages = Bench.HugoExport.Write(loaded.Content!, parse.GetValue(output)!, parse.GetValue(theme)!);
            Console.WriteLine($"wrote {pages} Hugo content files to {parse.GetValue(output)}");
            return 0;
        });
        return command;
    }

    private static Command Incremental()
    {
        var content = CommonOptions.Content();
        var output = CommonOptions.OutputFolder("Output folder (rebuilt)");
        var theme = BuildCommand.ThemeOption();
        var edits = new Option<int>("--edits")
        {
            Description = "How many edits of the title to time one after another, each once the one before has settled (one edit's time varies from run to run; the medians are printed)",
            DefaultValueFactory = _ => 5,
        };
        edits.Validators.Add(result =>
        {
            if (result.GetValue(edits) is < 1 or > 100) result.AddError("--edits takes a number from 1 to 100.");
        });
        var command = new Command("incremental", "Full build, then watch-mode rebuilds after editing one plan's title; prints the times of each and their medians") { content, output, theme, edits };
        command.SetAction(async (parse, cancel) =>
        {
            var options = new Build.BuildOptions(parse.GetValue(content)!, parse.GetValue(theme)!, parse.GetValue(output)!, Build.BuildOptions.DefaultBaseUrl);
            using var builder = new Build.IncrementalBuilder(options);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var full = await builder.StartAsync(cancel);
            var fullTime = clock.Elapsed;
            if (!full.Succeeded) return ValidateCommand.Report(new LoadResult(null, full.Diagnostics, new SourceMap()), Console.Out, Console.Error);
            // The first save comes once watch mode is idle, as a person's does after opening the site.
            await builder.Idle;
            var plan = Directory.EnumerateFiles(Path.Combine(options.ContentDirectory, ContentLoader.PlansFolder), "*.yml").Order(StringComparer.Ordinal).First();
            var original = await File.ReadAllTextAsync(plan, cancel);
            var title = System.Text.RegularExpressions.Regex.Match(original, "\"title\": \"([^\"]+)\"|\ntitle: (.+)\n");
            var titleText = title.Groups[1].Success ? title.Groups[1].Value : title.Groups[2].Value;
            var editCount = parse.GetValue(edits);
            Console.WriteLine($"full build {fullTime.TotalSeconds:0.00} s ({full.PagesWritten} pages); then {editCount} edits of {Path.GetFileName(plan)}'s title, each once the one before has settled");
            var (live, settledAfter) = (new List<TimeSpan>(), new List<TimeSpan>());
            try
            {
                for (var i = 1; i <= editCount; i++)
                {
                    await File.WriteAllTextAsync(plan, original.Replace(title.Value, title.Value.Replace(titleText, $"{titleText}(改訂{i})")), cancel);
                    var collections = GcCounts();
                    var paused = GC.GetTotalPauseDuration();
                    var allocated = GC.GetTotalAllocatedBytes();
                    var lastCollections = LastCollections();
                    var edit = System.Diagnostics.Stopwatch.StartNew();
                    var result = await builder.RebuildAsync([plan], cancel);
                    Console.WriteLine($"edit {i}: {result.Summary()}; ratio {result.Elapsed.TotalSeconds / fullTime.TotalSeconds:P1}");
                    Console.WriteLine($"  phases: {result.Phases}");
                    if (result.EditedPlanLive is { } ownLive)
                    {
                        live.Add(ownLive);
                        Console.WriteLine($"  the edited plan's own pages were live after {ownLive.TotalMilliseconds:0} ms, ratio {ownLive.TotalSeconds / fullTime.TotalSeconds:P1}");
                    }
                    if (result.Settling is { } settling)
                    {
                        var settled = await settling;
                        settledAfter.Add(edit.Elapsed);
                        Console.WriteLine($"  then in the background: {settled.Summary()}; edit to settled {edit.Elapsed.TotalSeconds:0.00} s, ratio {edit.Elapsed.TotalSeconds / fullTime.TotalSeconds:P1}");
                        Console.WriteLine($"  phases: {settled.Phases}");
                    }
                    var after = GcCounts();
                    Console.WriteLine($"  garbage collections from the edit until settled: gen0 {after[0] - collections[0]}, gen1 {after[1] - collections[1]}, gen2 {after[2] - collections[2]}; paused {(GC.GetTotalPauseDuration() - paused).TotalSeconds:0.00} s; allocated {(GC.GetTotalAllocatedBytes() - allocated) / 1048576} MB");
                    foreach (var line in NewCollections(lastCollections)) Console.WriteLine($"    {line}");
                    // The next save comes once watch mode is idle again, as a person's usually does (seconds later).
                    var pausedBeforeIdle = GC.GetTotalPauseDuration();
                    await builder.Idle;
                    Console.WriteLine($"  then, while idle, the replaced generation was collected: paused {(GC.GetTotalPauseDuration() - pausedBeforeIdle).TotalSeconds:0.00} s");
                }
            }
            finally
            {
                await File.WriteAllTextAsync(plan, original, cancel);
            }
            if (live.Count > 0 && settledAfter.Count > 0)
            {
                var (ownMedian, settledMedian) = (Median(live), Median(settledAfter));
                Console.WriteLine($"medians of {settledAfter.Count} edits: the edited plan's own pages live after {ownMedian.TotalMilliseconds:0} ms (ratio {ownMedian.TotalSeconds / fullTime.TotalSeconds:P1}); "
                    + $"edit to settled {settledMedian.TotalSeconds:0.00} s (ratio {settledMedian.TotalSeconds / fullTime.TotalSeconds:P1}; every edit: {string.Join("/", settledAfter.Order().Select(t => t.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))} s)");
            }
            return 0;
        });
        return command;
    }

    private static TimeSpan Median(List<TimeSpan> times) => times.Order().ElementAt(times.Count / 2);

    private static int[] GcCounts() => [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];

    private static readonly GCKind[] CollectionKinds = [GCKind.Ephemeral, GCKind.FullBlocking, GCKind.Background];

    private static long[] LastCollections() => [.. CollectionKinds.Select(kind => GC.GetGCMemoryInfo(kind).Index)];

    /// <summary>The last collection of each kind that ran since <paramref name="before"/>: what an edit's pause was spent on.</summary>
    private static IEnumerable<string> NewCollections(long[] before)
    {
        for (var k = 0; k < CollectionKinds.Length; k++)
        {
            var info = GC.GetGCMemoryInfo(CollectionKinds[k]);
            if (info.Index == before[k]) continue;
            yield return string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"last {CollectionKinds[k]} collection (gen{info.Generation}{(info.Compacted ? ", compacting" : "")}): paused {info.PauseDurations[0].TotalMilliseconds:0}+{info.PauseDurations[1].TotalMilliseconds:0} ms, promoted {info.PromotedBytes / 1048576} MB, heap {info.HeapSizeBytes / 1048576} MB");
        }
    }

    private static Command Quality()
    {
        var content = CommonOptions.Content();
        var judged = new Option<string[]>("--judged")
        {
            Description = "Judged query sets (YAML); both sets by default",
            DefaultValueFactory = _ => ["tests/DxCompare.Tests/Search/judged-queries.yml", "tests/DxCompare.Tests/Search/everyday-queries.yml"],
            AllowMultipleArgumentsPerToken = true,
        };
        var verbose = new Option<bool>("--verbose") { Description = "Also list, per set, the queries of the shipped variant below nDCG@10 1 with their top 5" };
        var command = new Command("quality", "Recall@5, nDCG@10, P@5, MRR and zero-result rate of every analyzer variant on the judged query sets") { content, judged, verbose };
        command.SetAction(parse =>
        {
            var loaded = ContentLoader.Load(parse.GetValue(content)!);
            if (!loaded.Succeeded) return ValidateCommand.Report(loaded, Console.Out, Console.Error);
            foreach (var path in parse.GetValue(judged)!)
            {
                var queries = Evaluation.LoadJudgedQueries(path);
                Console.WriteLine($"\n{Path.GetFileName(path)}: {queries.Count} judged queries ({queries.Count(q => q.ShouldFindNothing)} should find nothing), {loaded.Content!.Initiatives.Count} initiatives");
                Console.WriteLine(QualityReport.Header.Replace("| variant |", "| variant (shipped last) |"));
                foreach (var variant in AnalyzerOptions.Variants)
                {
                    var report = Evaluation.Measure(loaded.Content, variant, queries);
                    Console.WriteLine(report.Row(variant.Name));
                    if (variant != AnalyzerOptions.Shipped || !parse.GetValue(verbose)) continue;
                    foreach (var q in report.PerQuery.Where(q => q.Query.ShouldFindNothing ? q.Total > 2 : q.Ndcg < 0.999))
                        Console.WriteLine($"    {q.Query.Query}: nDCG {q.Ndcg:0.00} total {q.Total} top {string.Join(" ", q.Top10.Take(5).Select(k => $"{k}({q.Query.Grade(k)})"))}");
                }
            }
            return 0;
        });
        return command;
    }
}
