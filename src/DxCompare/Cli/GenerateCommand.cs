using System.CommandLine;
using DxCompare.Bench;
using DxCompare.Content;

namespace DxCompare.Cli;

public static class GenerateCommand
{
    public static Command Create()
    {
        var municipalities = new Option<int>("--municipalities") { Description = "How many municipalities", DefaultValueFactory = _ => 100 };
        var initiatives = new Option<int?>("--initiatives") { Description = "Initiatives in all (default 39 per municipality, about 70,000 for 1,788)" };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed writes the same files", DefaultValueFactory = _ => 1 };
        var output = CommonOptions.OutputFolder("Folder to write the content set to");
        var content = CommonOptions.Content();
        var command = new Command("generate", "Write a deterministic synthetic content set drawn from the real plans, for scale benchmarks")
        {
            municipalities, initiatives, seed, output, content,
        };
        command.SetAction(parse =>
        {
            var source = ContentLoader.Load(parse.GetValue(content)!);
            if (!source.Succeeded) return ValidateCommand.Report(source, Console.Out, Console.Error);
            var n = parse.GetValue(municipalities);
            if (n is < 1 or > 10_000)
            {
                Console.Error.WriteLine("--municipalities must be between 1 and 10000.");
                return 2;
            }
            var request = new CorpusRequest(n, parse.GetValue(initiatives) ?? 39 * n, parse.GetValue(seed));
            var directory = parse.GetValue(output)!;
            SyntheticCorpus.Write(source.Content!, parse.GetValue(content)!, request, directory);
            Console.WriteLine($"wrote {request.Municipalities} plans with {request.Initiatives} initiatives to {directory} (seed {request.Seed})");
            return 0;
        });
        return command;
    }
}
