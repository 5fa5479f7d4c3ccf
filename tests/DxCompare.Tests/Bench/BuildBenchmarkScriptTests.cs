using System.Diagnostics;
using DxCompare.Tests.Support;

namespace DxCompare.Tests.Bench;

/// <summary>
/// bench/build.sh stays runnable: at N = 2 (the real content) it publishes the generator as the README runs it, builds
/// with it and with Hugo, and measures a watch-mode edit. Only that it runs and reports is tested, never its timings.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public class BuildBenchmarkScriptTests
{
    [Fact]
    public async Task The_build_benchmark_runs_at_the_smallest_size_and_prints_its_table()
    {
        var start = new ProcessStartInfo("bash", ["bench/build.sh", "2"])
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, output + await error);
        Assert.Matches(@"\n\| 2 \| 60 \| 102 \| [0-9.]+ \|", output);
        Assert.Contains("rebuilt", output, StringComparison.Ordinal);
        Assert.Contains("edit to settled", output, StringComparison.Ordinal);
    }
}
