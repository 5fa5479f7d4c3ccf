using DxCompare.Tests.Support;

namespace DxCompare.Tests.Cli;

/// <summary>
/// scripts/dxcompare.sh, which every README command goes through. Publishing itself is exercised by
/// BuildBenchmarkScriptTests (bench/build.sh publishes through it); here, what a user who mistypes the choice sees.
/// </summary>
public class RunScriptTests
{
    [Fact]
    public async Task An_unknown_publish_choice_is_refused_naming_the_ones_that_exist()
    {
        var (code, output, errors) = await ShellScript.RunAsync("scripts/dxcompare.sh", ["--version"], TimeSpan.FromMinutes(1),
            new Dictionary<string, string> { ["DXCOMPARE_PUBLISH"] = "aot" });
        Assert.Equal(2, code);
        Assert.Equal("DXCOMPARE_PUBLISH must be native or readytorun, not 'aot'\n", errors);
        Assert.Equal("", output);
    }
}
