using DxCompare.Tests.Support;

namespace DxCompare.Tests.RealPlans;

/// <summary>The new freedoms do not open holes: each mistake gets a located message that says what to write.</summary>
public class RealPlanValidationTests
{
    private static string Fixture(string file) => File.ReadAllText(Path.Combine(RealPlanSites.FixtureDirectory, "plans", file));

    /// <summary>The fixture plan <paramref name="file"/> with edits, loaded alone (plus any extra files); its problems.</summary>
    private static IReadOnlyList<string> ProblemsWith(string file, params (string Find, string Replace)[] edits) => ProblemsWith(file, edits, []);

    private static IReadOnlyList<string> ProblemsWith(string file, (string Find, string Replace)[] edits, (string Path, string Text)[] extra)
    {
        var text = Fixture(file);
        foreach (var (find, replace) in edits)
        {
            Assert.Contains(find, text);
            text = text.Replace(find, replace);
        }
        using var content = new TempContent();
        content.Write($"plans/{file}", text);
        foreach (var (path, body) in extra) content.Write(path, body);
        return content.Problems();
    }

    [Theory]
    [InlineData("seirei.yml")]
    [InlineData("graded.yml")]
    [InlineData("draft-ku.yml")]
    public void The_fixture_plans_are_valid(string file) => Assert.Empty(ProblemsWith(file));

    [Fact]
    public void An_unknown_status_word_says_how_to_add_it_without_guessing_a_meaning() => Assert.Equal(
        ["plans/seirei.yml:67:54: unknown status word '策定中'. Add it to content/vocabulary.yml under 'status_words' as '- {word: 策定中, class: …}' with the shared class it compares as, one of planning (検討・準備), trial (試行), implementation (実施・導入), operation (運用・推進・継続), expansion (拡充), completed (完了), none (記載なし). Keep the word as the plan prints it."],
        ProblemsWith("seirei.yml", ("status: 制定", "status: 策定中")));

    [Fact]
    public void An_unknown_qualifier_or_unit_is_located_too()
    {
        Assert.StartsWith("plans/graded.yml:68:61: unknown qualifier 'めど'. Add it to content/vocabulary.yml under 'qualifiers' as '- {word: めど, class: …}'",
            Assert.Single(ProblemsWith("graded.yml", ("qualifier: 目途", "qualifier: めど"))));
        Assert.StartsWith("plans/graded.yml:71:15: unknown unit '分間'. Add it to content/vocabulary.yml under 'units' as '- {word: 分間, class: …}'",
            Assert.Single(ProblemsWith("graded.yml", ("unit: 分", "unit: 分間"))));
    }

    [Fact]
    public void A_grade_outside_the_editions_legend_is_refused() => Assert.Equal(
        ["plans/seirei.yml:53:97: evaluation '概ね達成' of 'オンライン化した手続の割合' for 2023 is not in the legend of 'progress-2024' (試験政令市DX戦略 進捗状況, 2024-06) (達成, 未達成). Use a grade from that legend, or add '概ね達成' to its 'evaluation_legend' with its meaning."],
        ProblemsWith("seirei.yml", ("evaluation: 達成", "evaluation: 概ね達成")));

    [Fact]
    public void A_figure_citing_an_edition_that_does_not_exist_is_refused() => Assert.Equal(
        ["plans/seirei.yml:53:61: 'source' names edition 'progress-2023', but the plan lists no such edition in 'sources'. Did you mean 'progress-2024'? Use one of strategy-2022, progress-2024, or add the document under 'sources' with that 'id'."],
        ProblemsWith("seirei.yml", ("source: progress-2024", "source: progress-2023")));

    [Fact]
    public void Two_editions_claiming_the_same_document_are_refused() => Assert.Equal(
        ["plans/seirei.yml:24:5: editions 'strategy-2022' (line 19) and 'progress-2024' claim the same document (「試験政令市DX戦略」（2022-03）). List each document once; a later report or revision is a new edition with its own title or date."],
        ProblemsWith("seirei.yml", ("title: 試験政令市DX戦略 進捗状況\n    publisher: 試験政令市\n    published: 2024-06", "title: 試験政令市DX戦略\n    publisher: 試験政令市\n    published: 2022-03")));

    [Fact]
    public void A_draft_that_other_content_links_to_is_refused() => Assert.Equal(
        ["plans/draft-ku.yml:7:8: the plan is marked 'draft: true', but pages/guide.md links to /draft-ku/; drafts are not published, so that link would break. Remove the link, or remove 'draft' once the plan is complete."],
        ProblemsWith("draft-ku.yml", [], [("pages/guide.md", "---\ntitle: 案内\ndescription: 案内\n---\n[試験区](/draft-ku/)\n")]));

    [Fact]
    public void Placeholders_cannot_reach_a_published_plan()
    {
        Assert.Equal(
            ["plans/seirei.yml:75:16: 'title' still holds the placeholder '【テーマ2の名称】'. Replace it with the plan's own words, or mark the plan 'draft: true' while it is being entered (drafts are not published)."],
            ProblemsWith("seirei.yml", ("title: 窓口の改革", "title: 【テーマ2の名称】")));
        var published = ProblemsWith("draft-ku.yml", ("draft: true\n", ""));
        Assert.Contains("plans/draft-ku.yml:10:11: 'text' still holds the placeholder '【基本理念・目指す姿】'. Replace it with the plan's own words, or mark the plan 'draft: true' while it is being entered (drafts are not published).", published);
        Assert.Contains("plans/draft-ku.yml:2:1: missing required field 'published' (策定・公表) in document. Add 'published:' with a date written YYYY-MM or YYYY-MM-DD (令和8年3月 → 2026-03).", published);
        Assert.Contains("plans/draft-ku.yml:18:5: 柱1 has no initiatives. Add 'initiatives:' (or 'policies:' with initiatives) under it.", published);
    }

    [Fact]
    public void A_draft_is_still_checked_for_what_it_contains() => Assert.Equal(
        ["plans/draft-ku.yml:13:10: 'start' (開始年度(西暦)) must be a Gregorian fiscal year, found 和暦 '令和8年度'. Write 2026 (令和8年度 → 2026)."],
        ProblemsWith("draft-ku.yml", ("start: 2026", "start: 令和8年度")));

    [Fact]
    public void Years_outside_the_period_need_the_plans_word_and_typos_are_still_caught()
    {
        Assert.Equal(
            ["plans/seirei.yml:55:22: 'fy' 2030 (令和12年度) is outside the plan period 2022–2025 (令和4〜7年度（2022〜2025年度）). Use a fiscal year inside the period, or widen 'period'; if the plan itself gives this value outside its period (a long-term target, a pre-plan actual), add 'outside_period: true'."],
            ProblemsWith("seirei.yml", (", outside_period: true", "")));
        Assert.Equal(
            ["plans/seirei.yml:55:22: 'fy' 2090 (令和72年度) of 'オンライン化した手続の割合' is 65 years from the plan period 2022–2025; a plan's values lie within 30 years of it. Check the year (和暦 → 西暦: 令和N年度 = 2018 + N)."],
            ProblemsWith("seirei.yml", ("fy: 2030", "fy: 2090")));
        Assert.Equal(
            ["plans/seirei.yml:55:70: 'outside_period' is set on 'オンライン化した手続の割合' for 2024, but 2024 (令和6年度) is inside the plan period 2022–2025. Remove 'outside_period', or correct the year."],
            ProblemsWith("seirei.yml", ("fy: 2030", "fy: 2024")));
    }

    [Fact]
    public void Numbers_reused_under_another_parent_need_an_id_and_ids_must_be_unique()
    {
        Assert.Equal(
            ["plans/seirei.yml:76:21: 重点方針1 テーマ2 アクションNo 1.2.1 has the same id '1' as 重点方針1 テーマ1 アクションNo 1.1.1 (line 57): its number is reused under another parent. Give each アクション an 'id' unique within the plan for its URL, e.g. 'id: 1-2-1'."],
            ProblemsWith("seirei.yml", ("            id: 1-1-1\n", ""), ("            id: 1-2-1\n", "")));
        Assert.Equal(
            ["plans/seirei.yml:79:17: duplicate アクション id '1-1-1' (already used by 重点方針1 テーマ1 アクションNo 1.1.1 at line 59). Each id must be unique within the plan."],
            ProblemsWith("seirei.yml", ("id: 1-2-1", "id: 1-1-1")));
    }

    [Fact]
    public void A_metric_variant_must_exist_and_match_the_unit()
    {
        Assert.Equal(
            ["plans/graded.yml:55:25: metric 'online-procedure-rate' has no variant 'number'. Use one of count, or add it under 'variants' of 'online-procedure-rate' in content/metrics.yml."],
            ProblemsWith("graded.yml", ("metric_variant: count", "metric_variant: number")));
        Assert.Equal(
            ["plans/graded.yml:55:15: indicator 'オンライン申請できる手続の数' is in '手続' but metric 'online-procedure-rate' is measured in '%'. Comparable indicators must share a unit: name the variant it reports ('metric_variant:'; add one in content/metrics.yml if none is in '手続'), convert the values, or remove 'metric'."],
            ProblemsWith("graded.yml", ("        metric_variant: count\n", "")));
    }
}
