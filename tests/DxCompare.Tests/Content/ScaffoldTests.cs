using DxCompare.Content;
using DxCompare.Tests.Support;

namespace DxCompare.Tests.Content;

public class ScaffoldTests
{
    private static readonly ScaffoldRequest Minato = new("131032", "港区", "minato", ["目標", "施策", "取組"], 2026, 2028);

    [Theory]
    [InlineData("目標,施策,取組")]
    [InlineData("視点,取組")]
    public void Skeleton_passes_validation_with_the_plans_own_levels(string levels)
    {
        using var content = new TempContent();
        var request = Minato with { Levels = levels.Split(',') };
        Assert.Empty(PlanScaffold.Check(request, content.Directory));
        content.Write("plans/minato.yml", PlanScaffold.Render(request));
        Assert.Empty(content.Problems());
        var plan = content.Load().Content!.Plans.Single();
        Assert.Equal(("港区", "東京都", "131032"), (plan.Municipality.Name, plan.Municipality.Prefecture, plan.Municipality.Code));
        Assert.Equal(levels.Split(',')[0], plan.Labels.Pillar);
        Assert.Equal(levels.Split(',').Length == 3, plan.Pillars[0].Policies.Count == 1);
        // A skeleton is a draft: it passes while its 【】 placeholders are there, and the public site leaves it out.
        Assert.True(plan.Draft);
        Assert.Empty(content.Load().Content!.WithoutDrafts().Plans);
    }

    [Fact]
    public void Skeleton_placeholders_cannot_be_published()
    {
        using var content = new TempContent();
        content.Write("plans/minato.yml", PlanScaffold.Render(Minato).Replace("draft: true", "draft: false"));
        var problems = content.Problems();
        Assert.Contains("plans/minato.yml:14:11: 'text' still holds the placeholder '【基本理念・目指す姿】'. Replace it with the plan's own words, or mark the plan 'draft: true' while it is being entered (drafts are not published).", problems);
        Assert.All(problems, p => Assert.Contains("placeholder", p));
    }

    [Fact]
    public void Refuses_to_overwrite_an_existing_plan()
    {
        using var content = new TempContent(copyRealContent: true);
        var problems = PlanScaffold.Check(Minato with { Slug = "koto", Code = "131083", Name = "江東区" }, content.Directory);
        Assert.Single(problems);
        Assert.EndsWith("plans/koto.yml already exists; it was left unchanged. Edit it, or choose another --slug.", problems[0]);
    }

    [Fact]
    public void Rejects_a_bad_code_with_the_check_digit_message()
    {
        using var content = new TempContent();
        Assert.Equal(
            ["--code 131031 has a wrong check digit: the 6th digit of a 全国地方公共団体コード starting 13103 must be 2 (131032). Check the code against the official list."],
            PlanScaffold.Check(Minato with { Code = "131031" }, content.Directory));
    }
}
