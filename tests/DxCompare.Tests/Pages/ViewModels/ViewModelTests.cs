using DxCompare.Model;
using DxCompare.Pages;
using DxCompare.Pages.ViewModels;
using DxCompare.Tests.Support;

namespace DxCompare.Tests.Pages.ViewModels;

/// <summary>The view models pages are rendered from: pure functions of the content, tested without building a site.</summary>
public class ViewModelTests
{
    private static readonly Metric Online = Repository.Content.MetricsById["online-procedure-rate"];

    private static MetricHeadline OnlineHeadline(ContentSet content) => MetricHeadline.Of(Online, MetricSeries.For(content, Online.Id));

    [Fact]
    public void Headline_says_who_reaches_the_top_level_first_the_same_year_targets_and_each_latest_actual()
    {
        var headline = OnlineHeadline(Repository.Content);
        Assert.True(headline.IsComparison);
        Assert.Equal("100%に最初に達する目標を立てているのは江東区で、令和9年度（2027年度）です。台東区の最終目標は令和10年度（2028年度）の40%です。", headline.Answer);
        Assert.Equal("同じ令和10年度（2028年度）の目標で比べると、台東区 40%、江東区 100%です。", headline.SameYear);
        Assert.Equal(["台東区: 実績値はまだ公表されていません(基準値は令和7年度（2025年度）の20%)。", "江東区: 令和7年度（2025年度）の実績は54%で、目標 48%を達成しました。"], headline.Progress);
        Assert.Equal([null, 2027], headline.Series.Select(f => f.FirstYearAtFinal == 2028 ? null : f.FirstYearAtFinal));
    }

    [Fact]
    public void Headline_follows_the_data_when_a_plan_changes_or_a_third_municipality_joins()
    {
        // Taito now aims for 100% in 令和8年度: it reaches the top level first, and the sentence says so.
        var taito = Repository.Plan("taito");
        var faster = Retarget(taito, 2026, 100m);
        var content = new ContentSet([faster, Repository.Plan("koto")], Repository.Content.Topics, Repository.Content.Metrics, []);
        Assert.StartsWith("100%に最初に達する目標を立てているのは台東区で、令和8年度（2026年度）です。", OnlineHeadline(content).Answer);

        var minato = Retarget(taito, 2027, 100m) with { Municipality = taito.Municipality with { Code = "131032", Name = "港区", Slug = "minato" } };
        var three = new ContentSet([taito, Repository.Plan("koto"), minato], Repository.Content.Topics, Repository.Content.Metrics, []);
        Assert.StartsWith("100%に最初に達する目標を立てているのは港区と江東区で、令和9年度（2027年度）です。", OnlineHeadline(three).Answer);
    }

    [Fact]
    public void A_metric_only_one_municipality_reports_is_not_presented_as_a_comparison()
    {
        var metric = Repository.Content.MetricsById["generative-ai-usage"];
        var headline = MetricHeadline.Of(metric, MetricSeries.For(Repository.Content, metric.Id));
        Assert.False(headline.IsComparison);
        Assert.StartsWith("生成AIの利用回数を掲載しているのは台東区だけです。ほかの自治体と比べられる値はまだありません。", headline.Answer);
        Assert.Null(headline.SameYear);
    }

    [Fact]
    public void Kpi_line_reads_as_one_chain_with_equal_years_merged_and_the_actual_against_its_target()
    {
        var koto = MetricSeries.For(Repository.Content, Online.Id).Single(s => s.Municipality.Slug == "koto");
        var line = KpiLine.Of(koto.Merged);
        Assert.Equal("基準 12.1%（令和6年度） → 目標 48%（令和7年度） → 92%（令和8年度） → 100%（令和9〜11年度）", line.Chain);
        Assert.Equal("実績 54%（令和7年度）、目標 48%を達成", line.Actual);
        var status = new Indicator { Name = "x", Values = [Value(2026, "実施"), Value(2027, "推進"), Value(2028, "推進")] };
        Assert.Equal("目標 実施（令和8年度） → 推進（令和9〜10年度）", KpiLine.ChainOf(status));
        Assert.Equal("平成30〜令和元年度", KpiLine.Years(2018, 2019));
    }

    [Fact]
    public void Initiative_summary_is_the_first_sentence_or_the_published_bullets_clipped_to_two_lines()
    {
        Assert.Equal("法律相談等の一部事業で実施しているオンライン相談を他の相談業務にも拡大する", InitiativeSummary.Of(Repository.Initiative("taito", 2)));
        Assert.Equal("わかりやすいホームページの公開／SNS等を活用した効果的な情報発信／情報収集によるサービス向上", InitiativeSummary.Of(Repository.Initiative("koto", 2)));
        var clipped = InitiativeSummary.Of(Repository.Initiative("koto", 1));
        Assert.Equal(InitiativeSummary.MaxLength, clipped.Length);
        Assert.EndsWith("…", clipped);
    }

    [Fact]
    public void Chart_axis_has_every_fiscal_year_and_sources_are_dated_in_wareki()
    {
        var series = MetricSeries.For(Repository.Content, Online.Id).Select(ChartSeries.Of).ToList();
        Assert.Equal([2024, 2025, 2026, 2027, 2028, 2029], SvgChart.Years(series));
        Assert.Equal("令和8年4月", PublishedDate.Wareki("2026-04"));
        Assert.Equal("令和元年5月1日", PublishedDate.Wareki("2019-05-01"));
        var koto = Repository.Plan("koto");
        Assert.Equal("江東区「江東区DX推進計画」（令和7年3月） 3ページ", SourceCitation.Of(koto, 3).Text);
        Assert.Equal("江東区「DX推進計画の進捗状況」（令和8年4月）", SourceCitation.Of(koto, Editions.Of(koto, "progress-2026")).Text);
    }

    [Fact]
    public void A_chart_end_label_too_wide_for_its_margin_is_written_on_two_lines()
    {
        Assert.Equal(["江東区 350人"], SvgChart.EndLabelLines("江東区", "350人", ChartLayout.Wide));
        Assert.Equal(["江東区", "350人（累計）"], SvgChart.EndLabelLines("江東区", "350人（累計）", ChartLayout.Narrow));
        Assert.Equal(["江東区 100%"], SvgChart.EndLabelLines("江東区", "100%", ChartLayout.Narrow));
        Assert.Equal(["100%"], SvgChart.EndLabelLines("", "100%", ChartLayout.Narrow));
        // Longer than the margin may grow to: broken again, and nothing lost.
        var lines = SvgChart.EndLabelLines("北海道上川郡東神楽町", "1,234,567人・団体（延べ）", ChartLayout.Narrow);
        Assert.True(lines.Count > 2, string.Join("|", lines));
        Assert.Equal("北海道上川郡東神楽町1,234,567人・団体（延べ）", string.Concat(lines));
    }

    private static IndicatorValue Value(int fy, string status) => new() { Fy = fy, Type = ValueKind.Target, Status = status };

    /// <summary>The plan with its online-procedure targets set to <paramref name="value"/> from <paramref name="fy"/> on.</summary>
    private static Plan Retarget(Plan plan, int fy, decimal value)
    {
        Indicator Change(Indicator indicator) => indicator.Metric != "online-procedure-rate" ? indicator : indicator with
        {
            Values = [.. indicator.Values.Select(v => v.Type == ValueKind.Target && v.Fy >= fy ? v with { Value = value } : v)],
        };
        return plan with
        {
            Pillars = [.. plan.Pillars.Select(p => p with
            {
                Policies = [.. p.Policies.Select(policy => policy with
                {
                    Indicators = [.. policy.Indicators.Select(Change)],
                    Initiatives = [.. policy.Initiatives.Select(i => i with { Indicators = [.. i.Indicators.Select(Change)] })],
                })],
            })],
        };
    }
}
