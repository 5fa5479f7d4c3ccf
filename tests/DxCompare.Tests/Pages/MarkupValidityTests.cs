using System.Diagnostics;
using System.Text.Json;
using DxCompare.Tests.Support;

namespace DxCompare.Tests.Pages;

/// <summary>The Nu Html Checker (vnu-jar from npm, on the machine's Java) over every generated page: no errors.</summary>
[Trait(Speed.Trait, Speed.Slow)]
[Collection(BuiltSiteCollection.Name)]
public class MarkupValidityTests(BuiltSite site)
{
    private static readonly string Jar = Path.Combine(Repository.Root, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    [Fact]
    public async Task Every_page_passes_the_nu_html_checker()
    {
        Assert.True(File.Exists(Jar), $"{Jar} is missing: run npm ci");
        var pages = site.HtmlFiles().ToList();
        var start = new ProcessStartInfo("java") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-jar", Jar, "--format", "json", "--errors-only" }.Concat(pages)) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var report = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await stdout;
        var messages = JsonDocument.Parse(report).RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("type").GetString() == "error")
            .Select(m => $"{Path.GetRelativePath(site.Output, new Uri(m.GetProperty("url").GetString()!).LocalPath)}: {m.GetProperty("message").GetString()}")
            .ToList();
        Assert.True(pages.Count > 100, $"only {pages.Count} pages checked");
        Assert.True(messages.Count == 0, $"{messages.Count} errors over {pages.Count} pages:\n" + string.Join("\n", messages.Take(40)));
    }
}
