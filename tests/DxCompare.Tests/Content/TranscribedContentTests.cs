using DxCompare.Model;
using DxCompare.Tests.Support;

namespace DxCompare.Tests.Content;

/// <summary>The content says what the published plans say (checked by hand against ../shared/seeds).</summary>
public class TranscribedContentTests
{
    private static Indicator IndicatorNamed(string slug, string name, string? segment = null) =>
        Repository.Content.Indicators.Single(i => i.Municipality.Slug == slug && i.Indicator.Name == name && i.Indicator.Segment == segment).Indicator;

    private static string Series(Indicator indicator) =>
        string.Join(" ", indicator.Values.Select(v => $"{v.Fy}:{v.Type.ToString().ToLowerInvariant()}={Indicators.Format(v, indicator)}"));

    [Fact]
    public void Taito_has_3_goals_19_policies_and_38_initiatives_numbered_across_the_plan()
    {
        var taito = Repository.Plan("taito");
        Assert.Equal(3, taito.Pillars.Count);
        Assert.Equal(19, taito.Pillars.Sum(p => p.Policies.Count));
        Assert.Equal(Enumerable.Range(1, 38), ContentSetNumbers("taito"));
        Assert.Equal(("目標", "施策", "取組"), (taito.Labels.Pillar, taito.Labels.Policy, taito.Labels.Initiative));
        Assert.Equal((2026, 2028), (taito.Period.Start, taito.Period.End));
        Assert.Equal("131067", taito.Municipality.Code);
    }

    [Fact]
    public void Koto_has_3_viewpoints_and_22_initiatives_without_a_policy_level()
    {
        var koto = Repository.Plan("koto");
        Assert.Equal(3, koto.Pillars.Count);
        Assert.All(koto.Pillars, p => Assert.Empty(p.Policies));
        Assert.Equal(Enumerable.Range(1, 22), ContentSetNumbers("koto"));
        Assert.Equal(("視点", "取組"), (koto.Labels.Pillar, koto.Labels.Initiative));
        Assert.Equal((2025, 2029), (koto.Period.Start, koto.Period.End));
        Assert.Equal("Smart KOTO ～デジタルの力で未来に繋ぐ～", koto.Vision);
        Assert.Equal(["区民にやさしい", "職員が働きやすい", "DX基盤の整備"], koto.Pillars.Select(p => p.Title));
    }

    private static IEnumerable<int> ContentSetNumbers(string slug) =>
        Repository.Content.Initiatives.Where(e => e.Municipality.Slug == slug).Select(e => e.Initiative.Number);

    [Fact]
    public void Taito_online_procedure_rate_runs_from_20_percent_to_40_percent()
    {
        var evaluation = Repository.Content.Indicators.Single(i =>
            i.Municipality.Slug == "taito" && i.Indicator.Kind == IndicatorKind.評価指標 && i.Indicator.Name == "行政手続きのオンライン手続き比率");
        Assert.Equal((AttachedTo.Policy, 1), (evaluation.AttachedTo, evaluation.AttachedNumber));
        Assert.Equal("2025:baseline=20% 2028:target=40%", Series(evaluation.Indicator));
        var schedule = Repository.Initiative("taito", 1).Indicators.Single();
        Assert.Equal(IndicatorKind.事業計画, schedule.Kind);
        Assert.Equal("online-procedure-rate", schedule.Metric);
        Assert.Equal("2026:target=27% 2027:target=34% 2028:target=40%", Series(schedule));
    }

    [Theory]
    [InlineData(2, "オンライン相談対象事業の拡充", "2026:target=推進 2027:target=推進 2028:target=推進")]
    [InlineData(3, "コンビニ交付サービスの拡充・利用促進", "2026:target=実施 2027:target=推進 2028:target=推進")]
    [InlineData(5, "スマートフォン講座・相談会の実施", "2026:target=285回 2027:target=285回 2028:target=285回")]
    [InlineData(6, "台東区公式ホームページのリニューアル", "2026:target=検討 2027:target=実施 2028:target=—")]
    [InlineData(7, "防災ポータルサイトの導入", "2026:target=導入 2027:target=運用 2028:target=運用")]
    [InlineData(9, "出生届のオンライン化", "2026:target=実施 2027:target=— 2028:target=—")]
    [InlineData(14, "障害者支援アプリのダウンロード者数", "2026:target=1,000人 2027:target=1,200人 2028:target=1,400人")]
    [InlineData(23, "RPAによる業務削減時間数", "2026:target=1,000時間 2027:target=1,000時間 2028:target=1,000時間")]
    public void Taito_schedules_are_transcribed_per_fiscal_year(int number, string row, string expected)
    {
        var indicator = Repository.Initiative("taito", number).Indicators.Single(i => i.Name == row);
        Assert.Equal(IndicatorKind.事業計画, indicator.Kind);
        Assert.Equal(expected, Series(indicator));
    }

    [Theory]
    [InlineData("区役所1階 住民異動窓口の平均待ち時間", null, "2025:baseline=41分 2028:target=30分")]
    [InlineData("証明書のコンビニ交付割合", null, "2025:baseline=35% 2028:target=55%")]
    [InlineData("スマートフォン講座参加者数(累計)", null, "2025:baseline=2,870名（累計） 2028:target=4,500名（累計）")]
    [InlineData("災害時の情報発信の強化及び通信手段の確保", null, "2025:baseline=— 2028:target=運用")]
    [InlineData("障害者支援アプリの利用者で使いやすさに満足している人の割合", null, "2025:baseline=— 2028:target=80%")]
    [InlineData("年間業務削減時間数", null, "2025:baseline=9,500時間 2028:target=18,400時間")]
    [InlineData("生成AIの利用回数(月平均)", null, "2025:baseline=6,000回 2028:target=10,000回")]
    [InlineData("テレワークを実施したことのある職員の割合", null, "2025:baseline=16.9% 2028:target=30%")]
    [InlineData("情報システムの標準化", null, "2025:baseline=構築/運用 2028:target=運用")]
    [InlineData("DX推進サポーターによるBPR等の実施数", null, "2025:baseline=— 2028:target=90件（累計）")]
    public void Taito_evaluation_indicators_have_their_baseline_and_target(string name, string? segment, string expected)
    {
        var indicator = Repository.Content.Indicators
            .First(i => i.Municipality.Slug == "taito" && i.Indicator.Kind == IndicatorKind.評価指標 && i.Indicator.Name == name && i.Indicator.Segment == segment).Indicator;
        Assert.Equal(expected, Series(indicator));
    }

    [Fact]
    public void Taito_school_indicators_keep_their_segments_qualifiers_and_footnotes()
    {
        var pupils = Repository.Content.Indicators.Where(i => i.Municipality.Slug == "taito" && i.Indicator.Segment is "小学生" or "中学生").ToList();
        Assert.Equal(4, pupils.Count);
        var teachers = Repository.Content.Indicators.Single(i => i.Indicator.Name.StartsWith("教材研究・指導の準備", StringComparison.Ordinal)).Indicator;
        Assert.Equal("2025:baseline=8.9% 2028:target=5.0%未満", Series(teachers));
        Assert.Equal(Direction.Lower, teachers.Direction);
        Assert.Contains("※学校における教育の情報化の実態等に関する調査による", teachers.Note);
        var cloud = Repository.Content.Indicators.Single(i => i.Indicator.Name.StartsWith("学校におけるクラウドサービス活用状況", StringComparison.Ordinal)).Indicator;
        Assert.Equal("2025:baseline=10.4点 2028:target=20.0点以上", Series(cloud));
    }

    [Fact]
    public void Taito_initiatives_keep_departments_and_new_flags()
    {
        var smartCounter = Repository.Initiative("taito", 4);
        Assert.True(smartCounter.IsNew);
        Assert.Equal(["情報政策課", "戸籍住民サービス課"], smartCounter.Departments);
        Assert.False(Repository.Initiative("taito", 1).IsNew);
        Assert.Equal(["広報課"], Repository.Initiative("taito", 6).Departments);
        Assert.Equal(["危機・災害対策課"], Repository.Initiative("taito", 8).Departments);
        var newOnes = Repository.Content.Initiatives.Where(e => e.Municipality.Slug == "taito" && e.Initiative.IsNew).Select(e => e.Initiative.Number);
        Assert.Equal([4, 6, 7, 8, 9, 10, 11, 12, 17, 19, 20, 37], newOnes);
    }

    [Fact]
    public void Koto_online_application_rate_has_baseline_targets_actual_and_scope_note()
    {
        var rate = IndicatorNamed("koto", "オンラインで申請できる手続の割合");
        Assert.Equal(IndicatorKind.指標, rate.Kind);
        Assert.Equal("online-procedure-rate", rate.Metric);
        Assert.Equal("※法令等においてオンライン申請を不可としている手続を除く", rate.ScopeNote);
        Assert.Equal(
            "2024:baseline=12.1% 2025:target=48% 2025:actual=54% 2026:target=92% 2027:target=100% 2028:target=100% 2029:target=100%",
            Series(rate with { Values = [.. rate.Values.OrderBy(v => v.Fy).ThenBy(v => v.Type == ValueKind.Actual)] }));
    }

    [Fact]
    public void Koto_certification_indicator_is_cumulative_with_yearly_targets()
    {
        var passed = IndicatorNamed("koto", "情報処理技術者試験の合格者数");
        Assert.Equal("累計", passed.Qualifier);
        var values = passed.Values.ToDictionary(v => (v.Fy, v.Type), v => v.Value);
        Assert.Equal(69m, values[(2024, ValueKind.Baseline)]);
        Assert.Equal(112m, values[(2025, ValueKind.Actual)]);
        Assert.Equal(70m, values[(2025, ValueKind.Target)]);
        Assert.Equal([140m, 210m, 280m, 350m], Enumerable.Range(2026, 4).Select(fy => values[(fy, ValueKind.Target)]!.Value));
        Assert.Contains("※各年度の目標値は計画期間中の累計", passed.ScopeNote);
    }

    [Fact]
    public void Koto_telework_indicators_keep_units_and_footnotes()
    {
        var terminals = IndicatorNamed("koto", "テレワーク可能な庁内LAN端末の配備数");
        Assert.Equal("台", terminals.Unit);
        Assert.Contains(terminals.Values, v => v is { Fy: 2024, Type: ValueKind.Baseline, Value: 358m });
        Assert.Contains("※1 在宅勤務(自宅)やモバイル勤務(出張先)で利用できる業務パソコン", terminals.Note);
        var sessions = IndicatorNamed("koto", "職員1人あたりの在宅勤務型テレワーク実施回数");
        Assert.Equal("回/月", sessions.Unit);
        Assert.Contains(sessions.Values, v => v is { Fy: 2024, Type: ValueKind.Baseline, Value: 0.33m });
        Assert.Contains(sessions.Values, v => v is { Fy: 2025, Value: 0.25m });
    }

    [Fact]
    public void Koto_activities_keep_notes_and_relisted_marks()
    {
        var counter = Repository.Initiative("koto", 1);
        var results = counter.Activities.Single(a => a is { Fy: 2025, Type: ActivityType.Result });
        Assert.Equal("行政手続のオンライン化に向けたBPRの推進", results.Items[0].Text);
        Assert.Equal("※R9年度まで実施予定", results.Items[0].Note);
        Assert.Equal(4, results.Items.Count);
        var plan = counter.Activities.Single(a => a.Type == ActivityType.Plan);
        Assert.Equal((2026, 2029), (plan.Fy, plan.Until));
        Assert.Equal("区民館・こどもプラザ・男女共同参画推進センターにおける施設予約システムの導入", plan.Items.Single().Text);

        var divide = Repository.Initiative("koto", 4).Activities.Single(a => a.Type == ActivityType.Result);
        Assert.True(divide.Items.Single(i => i.Text == "ホームページアクセシビリティチェック等の実施").Relisted);
        Assert.False(divide.Items.Single(i => i.Text == "マイナンバーカード申請支援").Relisted);

        var office = Repository.Initiative("koto", 7).Activities.Single(a => a.Type == ActivityType.Plan);
        Assert.Contains("※令和9年度は窓口・基幹系部署を実施予定", office.Note);
    }

    [Fact]
    public void Every_topic_is_used_and_most_are_used_by_both_wards()
    {
        var content = Repository.Content;
        var unused = content.Topics.Where(t => !content.InitiativesByTopic[t.Id].Any()).Select(t => t.Id);
        Assert.Empty(unused);
        var shared = content.Topics.Count(t => content.InitiativesByTopic[t.Id].Select(e => e.Municipality.Slug).Distinct().Count() == 2);
        Assert.True(shared * 2 > content.Topics.Count, $"only {shared} of {content.Topics.Count} topics are used by both wards");
    }
}
