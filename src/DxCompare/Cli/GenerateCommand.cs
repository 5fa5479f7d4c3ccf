using System.CommandLine;

namespace DxCompare.Cli;

public static class GenerateCommand
{
    public static Command Create()
    {
        var command = new Command("generate", "Write a deterministic synthetic content set for scale benchmarks (see docs/benchmarks.md)");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("bench generate is not available yet.");
            return 2;
        });
        return command;
    }
}
