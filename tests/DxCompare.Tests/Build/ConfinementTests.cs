using DxCompare.Build;
using DxCompare.Model;
using DxCompare.Tests.Support;

namespace DxCompare.Tests.Build;

/// <summary>Issue 15: whatever the content holds, `build` fails with validate's messages and writes nothing outside its output folder.</summary>
[Trait(Speed.Trait, Speed.Slow)]
[Collection(BuiltSiteCollection.Name)]
public class ConfinementTests(BuiltSite site)
{
    [Theory]
    [MemberData(nameof(BadContent.Cases), MemberType = typeof(BadContent))]
    public async Task Build_fails_like_validate_and_writes_nothing_outside_the_output(string name)
    {
        using var content = new TempContent(copyRealContent: true);
        BadContent.Named(name).Apply(content);
        var before = Entries(content.Sandbox);
        var output = Path.Combine(content.Sandbox, "site", "output");

        var report = await SiteBuilder.BuildAsync(new BuildOptions(content.Directory, Path.Combine(Repository.Root, "theme"), output, BuildOptions.DefaultBaseUrl));

        Assert.False(report.Succeeded);
        Assert.Equal(content.Problems(), report.Diagnostics.Select(d => d.ToString().Replace(DxCompare.Content.ContentLoader.DisplayPath(content.Directory) + "/", "")));
        Assert.Equal(before, Entries(content.Sandbox).Where(e => !e.StartsWith("site", StringComparison.Ordinal)));
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void The_reserved_names_are_exactly_what_the_generator_writes_at_the_top_level()
    {
        var slugs = Repository.Content.Plans.Select(p => p.Municipality.Slug).Concat(Repository.Content.Pages.Select(p => p.Slug));
        var written = Directory.EnumerateFileSystemEntries(site.Output).Select(Path.GetFileName).Except(slugs).Order(StringComparer.Ordinal);
        Assert.Equal(SiteUrls.Reserved.Keys.Order(StringComparer.Ordinal), written);
    }

    [Fact]
    public void A_path_outside_the_output_is_refused_where_files_are_written()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StagedOutput.Inside("/tmp/site/output", "../index.html"));
        Assert.Equal("refusing to write '../index.html': it is not inside the output folder /tmp/site/output.", error.Message);
        Assert.Equal("/tmp/site/output/koto/index.html", StagedOutput.Inside("/tmp/site/output", "koto/index.html"));
    }

    private static List<string> Entries(string folder) =>
        [.. Directory.EnumerateFileSystemEntries(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(path => Path.GetRelativePath(folder, path)).Order(StringComparer.Ordinal)];
}
