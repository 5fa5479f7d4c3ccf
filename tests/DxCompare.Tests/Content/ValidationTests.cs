using System.Text;
using DxCompare.Tests.Support;

namespace DxCompare.Tests.Content;

/// <summary>One bad-input fixture per rule; each asserts the exact file:line:column: message an editor sees.</summary>
public class ValidationTests
{
    // Line numbers below refer to this template (line 1 is "municipality:").
    private const string ValidPlan = """
        municipality:
          code: "131032"
          name: 港区
          prefecture: 東京都
          slug: minato
        title: 港区DX推進計画
        statements: [{label: 基本理念, text: テスト}]
        period:
          start: 2026
          end: 2028
        published: 2026-03
        labels:
          pillar: 目標
          initiative: 取組
        pillars:
          - number: 1
            title: 便利な区役所
            initiatives:
              - number: 1
                title: オンライン申請
                topics: [online-procedures]
                indicators:
                  - name: オンライン申請率
                    kind: 事業計画
                    metric: online-procedure-rate
                    unit: "%"
                    values:
                      - {fy: 2026, type: target, value: 30}
                      - {fy: 2027, type: target, status: 推進}
        """;

    private static IReadOnlyList<string> ProblemsWith(string find, string replace)
    {
        Assert.Contains(find, ValidPlan);
        using var content = new TempContent();
        content.Write("plans/minato.yml", ValidPlan.Replace(find, replace));
        return content.Problems();
    }

    [Fact]
    public void The_template_itself_is_valid()
    {
        using var content = new TempContent();
        content.Write("plans/minato.yml", ValidPlan);
        Assert.Empty(content.Problems());
    }

    [Fact]
    public void Wrong_type_names_the_field_and_what_to_write()
    {
        Assert.Equal(
            ["plans/minato.yml:16:13: 'number' (番号) must be a whole number, found 'one'."],
            ProblemsWith("  - number: 1\n    title: 便利な区役所", "  - number: one\n    title: 便利な区役所"));
    }

    [Fact]
    public void Missing_required_field_says_which_and_how_to_add_it()
    {
        Assert.Equal(
            ["plans/minato.yml:1:1: missing required field 'title' (計画名) in document. Add 'title: …'."],
            ProblemsWith("title: 港区DX推進計画\n", ""));
    }

    [Fact]
    public void Unknown_field_suggests_the_nearest_name()
    {
        var problems = ProblemsWith("    title: 便利な区役所", "    titel: 便利な区役所");
        Assert.Equal(2, problems.Count);
        Assert.Equal("plans/minato.yml:16:5: missing required field 'title' (名称) in an item of 'pillars' (柱(目標・視点)). Add 'title: …'.", problems[0]);
        Assert.StartsWith("plans/minato.yml:17:5: unknown field 'titel'. Did you mean 'title'? Allowed here: number, label, id, title, lead,", problems[1]);
    }

    [Fact]
    public void Unknown_topic_id_suggests_the_nearest_topic()
    {
        Assert.Equal(
            ["plans/minato.yml:21:17: unknown topic id 'online-procedure' in 取組1. Did you mean 'online-procedures'? Use an id from content/topics.yml or add the topic there."],
            ProblemsWith("topics: [online-procedures]", "topics: [online-procedure]"));
    }

    [Fact]
    public void Unknown_metric_id_is_reported_on_the_metric_line()
    {
        Assert.Equal(
            ["plans/minato.yml:25:21: unknown metric id 'online-rate' on indicator 'オンライン申請率'. Use an id from content/metrics.yml, add the metric there, or remove 'metric'."],
            ProblemsWith("metric: online-procedure-rate", "metric: online-rate"));
    }

    [Fact]
    public void Duplicate_initiative_number_points_at_the_first_use()
    {
        var second = "\n      - number: 1\n        title: 二つ目\n        topics: [cashless]";
        Assert.Equal(
            ["plans/minato.yml:30:17: duplicate 取組 number 1 in 目標1 (already used at line 19). Number each 取組 as the plan does; numbers must be unique within their parent."],
            ProblemsWith("status: 推進}", "status: 推進}" + second));
    }

    [Fact]
    public void Fiscal_year_outside_the_plan_period_shows_both_calendars()
    {
        Assert.Equal(
            ["plans/minato.yml:29:22: 'fy' 2030 (令和12年度) is outside the plan period 2026–2028 (令和8〜10年度（2026〜2028年度）). Use a fiscal year inside the period, or widen 'period'; if the plan itself gives this value outside its period (a long-term target, a pre-plan actual), add 'outside_period: true'."],
            ProblemsWith("{fy: 2027, type: target, status: 推進}", "{fy: 2030, type: target, status: 推進}"));
    }

    [Fact]
    public void Percent_outside_0_to_100_is_refused()
    {
        Assert.Equal(
            ["plans/minato.yml:28:49: 130% is outside 0–100 for 'オンライン申請率'. A percentage must be between 0 and 100; check the value or the unit."],
            ProblemsWith("value: 30}", "value: 130}"));
    }

    [Fact]
    public void Bad_check_digit_gives_the_correct_digit()
    {
        Assert.Equal(
            ["plans/minato.yml:2:9: 'code' 131031 has a wrong check digit: the 6th digit of a 全国地方公共団体コード starting 13103 must be 2 (131032). Check the code against the official list."],
            ProblemsWith("code: \"131032\"", "code: \"131031\""));
    }

    [Fact]
    public void Wareki_in_a_year_field_suggests_the_conversion()
    {
        Assert.Equal(
            ["plans/minato.yml:10:8: 'end' (終了年度(西暦)) must be a Gregorian fiscal year, found 和暦 '令和10年度'. Write 2028 (令和10年度 → 2028)."],
            ProblemsWith("  end: 2028", "  end: 令和10年度"));
    }

    [Fact]
    public void Number_with_unit_and_separator_says_how_to_write_it()
    {
        Assert.Equal(
            ["plans/minato.yml:28:49: 'value' (数値) must be a plain number, found '5,500人'. Write 5500 and put the unit '人' in 'unit'."],
            ProblemsWith("value: 30}", "value: \"5,500人\"}"));
    }

    [Fact]
    public void Non_utf8_file_is_located_and_explained()
    {
        using var content = new TempContent();
        var shiftJis = new byte[] { 0x8D, 0x60, 0x8B, 0xE6 }; // 港区 in Shift_JIS
        var bytes = Encoding.UTF8.GetBytes("municipality:\n  name: ").Concat(shiftJis).Concat(Encoding.UTF8.GetBytes("\n")).ToArray();
        content.Write("plans/minato.yml", bytes);
        Assert.Equal(
            ["plans/minato.yml:2:9: the file is not valid UTF-8 (it may be Shift_JIS or another legacy encoding). Save it as UTF-8, e.g. `iconv -f SHIFT_JIS -t UTF-8`, or re-save it as UTF-8 in your editor."],
            content.Problems());
    }

    [Fact]
    public void A_file_that_is_not_yaml_is_reported_where_parsing_failed()
    {
        using var content = new TempContent();
        content.Write("plans/minato.yml", "municipality:\n  code: \"131032\n  name: [港区\n");
        var problem = Assert.Single(content.Problems());
        Assert.StartsWith("plans/minato.yml:", problem);
        Assert.Contains(": this is not valid YAML: ", problem);
        Assert.EndsWith("Check indentation (spaces, not tabs), that every key ends with ': ', and quote text that starts with a special character (* & ! % @ ※).", problem);
    }

    [Fact]
    public void Plain_text_instead_of_a_mapping_is_reported()
    {
        using var content = new TempContent();
        content.Write("plans/minato.yml", "これはYAMLの計画ではありません\n");
        var problem = Assert.Single(content.Problems());
        Assert.StartsWith("plans/minato.yml:1:1: document must be a mapping of fields (key: value), found the value 'これはYAMLの計画ではありません'.", problem);
    }

    [Fact]
    public void What_the_cms_writes_is_accepted_empty_strings_and_any_key_order()
    {
        var reordered = """
            pillars:
              - title: 便利な区役所
                number: 1
                lead: ""
                page: ""
                initiatives:
                  - title: オンライン申請
                    number: 1
                    content: ""
                    target_state_fy: ""
                    indicators:
                      - values:
                          - {value: 30, type: target, fy: 2026, note: "", qualifier: ""}
                        unit: "%"
                        name: オンライン申請率
                        kind: 事業計画
                        direction: ""
            labels: {initiative: 取組, pillar: 目標, policy: ""}
            published: 2026-03
            period: {end: 2028, start: 2026}
            statements: [{label: 基本理念, text: テスト}]
            title: 港区DX推進計画
            municipality: {slug: minato, prefecture: 東京都, name: 港区, code: "131032", website: ""}
            """;
        using var content = new TempContent();
        content.Write("plans/minato.yml", reordered);
        Assert.Empty(content.Problems());
    }

    [Fact]
    public void Every_problem_of_a_run_is_reported_not_just_the_first()
    {
        var problems = ProblemsWith("code: \"131032\"", "code: \"131031\"")
            .Concat(ProblemsWith("value: 30}", "value: 130}"));
        Assert.Equal(2, problems.Count());
        using var content = new TempContent();
        content.Write("plans/minato.yml", ValidPlan.Replace("code: \"131032\"", "code: \"131031\"").Replace("value: 30}", "value: 130}").Replace("  end: 2028", "  end: 令和10年度"));
        Assert.Equal(3, content.Problems().Count);
    }

    [Fact]
    public void Validation_never_modifies_content()
    {
        using var content = new TempContent();
        var path = content.Write("plans/minato.yml", ValidPlan.Replace("value: 30}", "value: 130}"));
        var before = File.ReadAllBytes(path);
        var stamp = File.GetLastWriteTimeUtc(path);
        content.Load();
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));
    }
}
