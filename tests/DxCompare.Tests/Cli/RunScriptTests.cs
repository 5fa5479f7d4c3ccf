using System.Diagnostics;
using DxCompare.Tests.Support;

namespace DxCompare.Tests.Cli;

/// <summary>
/// scripts/dxcompare.sh, which every README command goes through. Publishing itself is exercised by
/// BuildBenchmarkScriptTests (bench/build.sh publishes through it); here, what a user who mistypes the choice sees.
/// </summary>
public class RunScriptTests
{
    [Fact]
    public async Task An_unknown_publish_choice_is_named_with_the_ones_that_exist_and_nothing_is_published()
    {
        var start = new ProcessStartInfo("bash", ["scripts/dxcompare.sh", "--version"])
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["DXCOMPARE_PUBLISH"] = "aot" },
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(2, process.ExitCode);
        Assert.Equal("DXCOMPARE_PUBLISH must be native or readytorun, not 'aot'\n", error);
        Assert.Equal("", await output);
    }
}
