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
        // A fresh clone publishes the generator natively first: 2.5 minutes on a quiet machine, over 5 beside the other
        // tests on a slow one; the bound only stops a hung script.
        var (code, output, errors) = await ShellScript.RunAsync("bench/build.sh", ["2"], TimeSpan.FromMinutes(25));
        Assert.True(code == 0, output + errors);
        Assert.Matches(@"\n\| 2 \| 60 \| 102 \| [0-9.]+ \|", output);
        Assert.Contains("rebuilt", output, StringComparison.Ordinal);
        Assert.Contains("edit to settled", output, StringComparison.Ordinal);
        // Five edits one after another, each timed, and their medians.
        Assert.Matches(@"\nedit 5: rebuilt \d+ of \d+ pages", output);
        Assert.Matches(@"\nmedians of 5 edits: the edited plan's own pages live after \d+ ms \(ratio [0-9.]+ ?%\); edit to settled [0-9.]+ s", output);
    }
}
