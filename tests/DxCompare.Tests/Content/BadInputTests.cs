using System.Diagnostics;
using DxCompare.Tests.Support;

namespace DxCompare.Tests.Content;

/// <summary>Issue 15: each bad-input fixture gives exactly its own message, located, in bounded time, and never shows a file outside content/.</summary>
[Trait(Speed.Trait, Speed.Slow)]
public class BadInputTests
{
    [Theory]
    [MemberData(nameof(BadContent.Cases), MemberType = typeof(BadContent))]
    public void Validate_gives_one_located_message_per_defect(string name)
    {
        var fixture = BadContent.Named(name);
        using var content = new TempContent(copyRealContent: true);
        fixture.Apply(content);
        var clock = Stopwatch.StartNew();
        var problems = content.Problems();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"validate took {clock.Elapsed}");
        Assert.Equal(fixture.Expected, problems);
        Assert.DoesNotContain(problems, p => p.Contains("dxcompare-secret", StringComparison.Ordinal));
    }

    /// <summary>Issue 13: editors read the same problems in Japanese (`validate --lang ja`, the watch overlay).</summary>
    [Theory]
    [MemberData(nameof(BadContent.Cases), MemberType = typeof(BadContent))]
    public void Every_problem_has_its_japanese_message_with_every_argument_filled(string name)
    {
        using var content = new TempContent(copyRealContent: true);
        BadContent.Named(name).Apply(content);
        var diagnostics = content.Load().Diagnostics;
        Assert.NotEmpty(diagnostics);
        foreach (var d in diagnostics)
        {
            Assert.True(d.Rule is not null, $"not from the message catalog: {d}");
            Assert.NotEqual(d.Message, d.Japanese);
            Assert.Matches(@"[\p{IsHiragana}\p{IsKatakana}]", d.Japanese);
            Assert.DoesNotMatch(@"\{[a-zA-Z]+\}", d.Japanese);
        }
    }

    [Fact]
    public void A_symlink_that_stays_inside_content_is_followed()
    {
        using var content = new TempContent(copyRealContent: true);
        Directory.CreateDirectory(Path.Combine(content.Directory, "shared"));
        File.Move(Path.Combine(content.Directory, "plans", "koto.yml"), Path.Combine(content.Directory, "shared", "koto.yml"));
        content.Link("plans/koto.yml", Path.Combine("..", "shared", "koto.yml"));
        Assert.Empty(content.Problems());
    }

    [Fact]
    public void The_new_command_refuses_a_slug_the_site_uses_itself()
    {
        using var content = new TempContent();
        var problems = DxCompare.Content.PlanScaffold.Check(new("131032", "港区", "assets", ["目標", "取組"], 2026, 2028), content.Directory);
        Assert.Equal(["--slug 'assets' is taken by the site's own /assets/ (theme assets); choose another, e.g. assets-city."], problems);
    }
}
