using DxCompare.Build;
using DxCompare.Tests.Support;

namespace DxCompare.Tests.Build;

[Trait(Speed.Trait, Speed.Slow)]
public class BuildSafetyTests
{
    private static BuildOptions Options(TempContent content, string output) =>
        new(content.Directory, Path.Combine(Repository.Root, "theme"), output, BuildOptions.DefaultBaseUrl);

    [Fact]
    public async Task Invalid_content_fails_the_build_and_leaves_the_previous_site_intact()
    {
        using var content = new TempContent(copyRealContent: true);
        var output = Path.Combine(content.Directory, "..", Path.GetFileName(content.Directory) + "-out");
        try
        {
            var first = await SiteBuilder.BuildAsync(Options(content, output));
            Assert.True(first.Succeeded);
            var before = File.ReadAllText(Path.Combine(output, "taito", "index.html"));

            var plan = Path.Combine(content.Directory, "plans", "taito.yml");
            File.WriteAllText(plan, File.ReadAllText(plan).Replace("code: \"131067\"", "code: \"131068\""));
            var second = await SiteBuilder.BuildAsync(Options(content, output));

            Assert.False(second.Succeeded);
            Assert.Contains(second.Diagnostics, d => d.ToString().EndsWith("must be 7 (131067). Check the code against the official list.", StringComparison.Ordinal));
            Assert.Equal(before, File.ReadAllText(Path.Combine(output, "taito", "index.html")));
            Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(Path.GetFullPath(output))!, $".{Path.GetFileName(output)}.staging-*"));
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }

    /// <summary>As a full disk would: the output's folder cannot be made (its parent is a file). `build` and `serve --watch` say so and where.</summary>
    [Fact]
    public async Task An_output_that_cannot_be_written_fails_the_build_with_a_message_naming_it()
    {
        using var content = new TempContent(copyRealContent: true);
        var blocker = Path.Combine(content.Sandbox, "not-a-folder");
        File.WriteAllText(blocker, "");
        var output = Path.Combine(blocker, "site");

        using var watch = new IncrementalBuilder(Options(content, output));
        foreach (var report in new[] { await SiteBuilder.BuildAsync(Options(content, output)), await watch.StartAsync() })
        {
            Assert.False(report.Succeeded);
            var problem = Assert.Single(report.Diagnostics);
            Assert.StartsWith(output, problem.ToString(), StringComparison.Ordinal);
            Assert.Contains("the site could not be written (", problem.Message);
            Assert.EndsWith("Free space on that disk or choose a folder you can write to (--out), then build again.", problem.Message);
        }
    }

    [Fact]
    public async Task Content_is_escaped_and_markdown_html_is_refused()
    {
        using var content = new TempContent(copyRealContent: true);
        var plan = Path.Combine(content.Directory, "plans", "koto.yml");
        File.WriteAllText(plan, File.ReadAllText(plan)
            .Replace("title: 窓口改革の推進", "title: \"窓口改革<script>alert(1)</script>\"")
            .Replace("summary: |\n", "summary: |\n  <img src=x onerror=alert(2)> [link](javascript:alert(3))\n"));
        var output = Path.Combine(content.Directory, "out");
        var report = await SiteBuilder.BuildAsync(Options(content, output));
        Assert.True(report.Succeeded, string.Join("\n", report.Diagnostics));

        var initiative = File.ReadAllText(Path.Combine(output, "koto", "initiatives", "1", "index.html"));
        Assert.DoesNotContain("<script>alert(1)</script>", initiative);
        Assert.Contains("窓口改革&lt;script&gt;alert(1)&lt;/script&gt;", initiative);
        var planPage = File.ReadAllText(Path.Combine(output, "koto", "index.html"));
        Assert.DoesNotContain("<img src=\"x\"", planPage);
        Assert.DoesNotContain("onerror=alert(2)>", planPage.Replace("&lt;img src=x onerror=alert(2)&gt;", ""));
        Assert.DoesNotContain("href=\"javascript:", planPage);
    }

    [Fact]
    public async Task A_missing_theme_folder_is_reported_and_nothing_is_written()
    {
        using var content = new TempContent(copyRealContent: true);
        var output = Path.Combine(content.Directory, "out");
        var report = await SiteBuilder.BuildAsync(new BuildOptions(content.Directory, Path.Combine(content.Directory, "no-theme"), output, BuildOptions.DefaultBaseUrl));

        Assert.False(report.Succeeded);
        var problem = Assert.Single(report.Diagnostics).ToString();
        Assert.EndsWith("no-theme' has no assets/ folder. Run from the repository root or pass --theme with the folder that holds assets/site.css.", problem);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task A_rebuild_keeps_one_replaced_site_aside_and_deletes_older_ones()
    {
        using var content = new TempContent(copyRealContent: true);
        var output = Path.Combine(content.Directory, "site");
        string[] SetAside() => Directory.GetDirectories(content.Directory, ".site.previous-*");

        for (var build = 1; build <= 3; build++)
            Assert.True((await SiteBuilder.BuildAsync(Options(content, output))).Succeeded);

        var previous = Assert.Single(SetAside());
        Assert.True(File.Exists(Path.Combine(previous, "koto", "index.html")));
        Assert.True(File.Exists(Path.Combine(output, "koto", "index.html")));
        Assert.Empty(Directory.GetDirectories(content.Directory, ".site.staging-*"));
    }
}
