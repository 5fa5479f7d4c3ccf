using DxCompare.Model;
using DxCompare.Pages;
using DxCompare.Pages.ViewModels;
using DxCompare.Tests.Support;

namespace DxCompare.Tests.RealPlans;

/// <summary>The plain C# behind the figures of the fixture plans: cells, KPI lines, citations and caveats.</summary>
public class RealPlanViewModelTests
{
    private static readonly Lazy<ContentSet> Fixtures = new(() =>
    {
        using var content = new TempContent();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RealPlanSites.FixtureDirectory, "plans")))
            File.Copy(file, Path.Combine(content.Directory, "plans", Path.GetFileName(file)));
        var loaded = content.Load();
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        return loaded.Content!;
    });

    private static (Plan Plan, Indicator Indicator) Indicator(string slug, string name)
    {
        var entry = Fixtures.Value.Indicators.Single(i => i.Municipality.Slug == slug && i.Indicator.Name == name);
        return (entry.Plan, entry.Indicator);
    }

    [Fact]
    public void A_revised_target_is_the_one_in_force_and_its_cell_says_what_it_was()
    {
        var (plan, count) = Indicator("graded", "オンライン申請できる手続の数");
        var targets2024 = count.Values.Where(v => v is { Fy: 2024, Type: ValueKind.Target }).ToList();
        Assert.Same(targets2024[1], targets2024[0].RevisedBy);
        Assert.Equal([250m], count.CurrentValues.Where(v => v is { Fy: 2024, Type: ValueKind.Target }).Select(v => v.Value!.Value));
        var cell = ValueCell.Of(plan, count, targets2024[1]);
        Assert.Equal("250手続", cell.Text);
        Assert.Equal(["当初 200手続（試験市DX推進計画、令和6年1月）から改定", "KPI進捗状況（令和5年度）（令和6年7月）による"], cell.Remarks);
        Assert.Equal(ProgressStatus.Behind, ProgressReading.Of(count).Status);
    }

    [Fact]
    public void An_evaluation_reads_with_its_editions_legend()
    {
        var (plan, count) = Indicator("graded", "オンライン申請できる手続の数");
        var actual = count.Values.Single(v => v is { Fy: 2023, Type: ValueKind.Actual });
        Assert.Equal("評価 A（目標を上回った）", ValueCell.Evaluation(plan, actual));
        Assert.Equal("評価 A（目標を上回った）", ValueCell.Of(plan, count, actual).Remarks.Single());
    }

    [Fact]
    public void Citations_name_each_edition_with_what_it_gives()
    {
        var (plan, count) = Indicator("graded", "オンライン申請できる手続の数");
        Assert.Equal(
            ["基準値・現況（令和4年度）、目標値（令和5〜7年度）: 試験市「試験市DX推進計画」（令和6年1月）",
             "目標値（令和6年度）、実績値（令和5年度）: 試験市「KPI進捗状況（令和5年度）」（令和6年7月）",
             "実績値（令和6年度）: 試験市「KPI進捗状況（令和6年度）」（令和7年7月）"],
            SourceCitation.ForIndicator(plan, count).Select(c => $"{c.What}: {c.Source.Text}"));
    }

    [Fact]
    public void Long_term_targets_spans_and_calendar_years_keep_their_own_labels_in_a_kpi_line()
    {
        Assert.Equal("基準 30%（令和3年度） → 目標 60%（令和5年度） → 80%（令和7年度） → 100%（令和12年度・計画期間外）",
            KpiLine.ChainOf(Indicator("seirei", "オンライン化した手続の割合").Indicator));
        Assert.Equal("基準 40分（令和5年） → 目標 約30分（令和6年）", KpiLine.ChainOf(Indicator("graded", "窓口の平均待ち時間").Indicator));
        Assert.Equal("基準 1,200件（R3年5月〜R5年3月） → 目標 3,000件（令和7年度）", KpiLine.ChainOf(Indicator("graded", "電子契約の件数").Indicator));
    }

    [Fact]
    public void The_caveat_is_one_line_per_linked_indicator_from_its_own_definition()
    {
        var metric = Fixtures.Value.MetricsById["online-procedure-rate"];
        var (_, count) = Indicator("graded", "オンライン申請できる手続の数");
        var graded = Fixtures.Value.Plans.Single(p => p.Municipality.Slug == "graded").Municipality;
        Assert.Equal("試験市「オンライン申請できる手続の数」（オンライン化した手続きの数、手続）: 市の手続のうち、オンラインで申請できるものの数。",
            ComparabilityNotes.Line(graded, metric, count));
        var notes = ComparabilityNotes.Of(metric, MetricSeries.For(Fixtures.Value, metric.Id));
        Assert.Equal([metric.Comparability!, "試験政令市「オンライン化した手続の割合」（%）: 市の手続全体に占める、オンラインで申請できる手続の割合。"], notes);
    }
}
