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
        return bench;
    }

    private static Command Quality()
    {
        var content = CommonOptions.Content();
        var judged = new Option<string>("--judged") { Description = "Judged queries (YAML)", DefaultValueFactory = _ => "tests/DxCompare.Tests/Search/judged-queries.yml" };
        var command = new Command("quality", "Recall@5, nDCG@10 and P@5 of every analyzer variant on the judged queries") { content, judged };
        command.SetAction(parse =>
        {
            var loaded = ContentLoader.Load(parse.GetValue(content)!);
            if (!loaded.Succeeded) return ValidateCommand.Report(loaded, Console.Out, Console.Error);
            var queries = Evaluation.LoadJudgedQueries(parse.GetValue(judged)!);
            Console.WriteLine($"{queries.Count} judged queries, {loaded.Content!.Initiatives.Count} initiatives");
            Console.WriteLine("| variant | recall@5 | nDCG@10 | P@5 | shipped |");
            Console.WriteLine("| --- | --- | --- | --- | --- |");
            foreach (var variant in AnalyzerOptions.Variants)
            {
                var report = Evaluation.Measure(loaded.Content, variant, queries);
                Console.WriteLine($"| {variant.Name} | {report.RecallAt5:0.000} | {report.NdcgAt10:0.000} | {report.PrecisionAt5:0.000} | {(variant == AnalyzerOptions.Shipped ? "yes" : "")} |");
            }
            return 0;
        });
        return command;
    }
}
