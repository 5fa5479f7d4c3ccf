using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using DxCompare.Model;

namespace DxCompare.Pages.ViewModels;

/// <summary>What one municipality's series says: its final target, the first year a target reaches that level, its latest actual.</summary>
public sealed record SeriesFacts(MetricSeries Series, IndicatorValue? FinalTarget, int? FirstYearAtFinal, KpiLine Line)
{
    public string Name => Series.Municipality.Name;

    /// <summary>Made once per series, which is made once per plan object (<see cref="MetricSeries.For"/>).</summary>
    public static SeriesFacts Of(MetricSeries series) => Made.GetValue(series, Make);

    private static readonly ConditionalWeakTable<MetricSeries, SeriesFacts> Made = [];

    private static SeriesFacts Make(MetricSeries series)
    {
        var final = series.FinalTarget;
        var first = final is null ? null
            : series.OfType(ValueKind.Target).FirstOrDefault(v => v.Value == final.Value)?.Fy;
        return new(series, final, first, KpiLine.Of(series.Merged));
    }
}

/// <summary>
/// The answer a metric's comparison gives, in sentences computed from the data: who aims for the highest level and
/// reaches it first, the targets of one fiscal year side by side, and each municipality's latest actual against its target.
/// </summary>
public sealed record MetricHeadline(Metric Metric, IReadOnlyList<SeriesFacts> Series, string Answer, string? SameYear, IReadOnlyList<string> Progress)
{
    /// <summary>The caveat, per municipality, from each linked indicator's definition and scope note.</summary>
    public IReadOnlyList<string> Caveats { get; } = ComparabilityNotes.Of(Metric, Series.Select(s => s.Series));

    /// <summary>A comparison needs two municipalities that report the metric.</summary>
    public bool IsComparison => Series.Count >= 2;

    /// <summary>The metric's headline for <paramref name="content"/>, made once: the home page, the topic pages and the metric's own page show it.</summary>
    public static MetricHeadline For(ContentSet content, Metric metric) =>
        Made.GetValue(content, _ => new(StringComparer.Ordinal)).GetOrAdd(metric.Id, _ => Of(metric, MetricSeries.For(content, metric.Id)));

    private static readonly ConditionalWeakTable<ContentSet, ConcurrentDictionary<string, MetricHeadline>> Made = [];

    public static MetricHeadline Of(Metric metric, IReadOnlyList<MetricSeries> series)
    {
        var facts = series.Select(SeriesFacts.Of).ToList();
        return new(metric, facts, AnswerOf(metric, facts), SameYearOf(facts), [.. facts.Select(ProgressSentence)]);
    }

    private static string AnswerOf(Metric metric, IReadOnlyList<SeriesFacts> facts)
    {
        if (facts.Count == 0) return $"{metric.Label}を掲載している自治体はまだありません。";
        if (facts.Count == 1)
            return $"{metric.Label}を掲載しているのは{facts[0].Name}だけです。ほかの自治体と比べられる値はまだありません。{FinalSentence(facts[0])}";
        var withTargets = facts.Where(f => f.FinalTarget is not null).ToList();
        if (withTargets.Count == 0) return $"{string.Join("、", facts.Select(f => f.Name))}はこの指標の目標値を数値で示していません。";
        var lower = metric.Direction == Direction.Lower;
        var best = lower ? withTargets.Min(f => f.FinalTarget!.Value!.Value) : withTargets.Max(f => f.FinalTarget!.Value!.Value);
        var reaching = withTargets
            .Select(f => (Facts: f, Year: f.Series.OfType(ValueKind.Target).FirstOrDefault(v => lower ? v.Value <= best : v.Value >= best)?.Fy))
            .Where(x => x.Year is not null)
            .ToList();
        var year = reaching.Min(x => x.Year!.Value);
        var leaders = reaching.Where(x => x.Year == year).Select(x => x.Facts).ToList();
        var level = Indicators.Format(leaders[0].FinalTarget!, leaders[0].Series.Merged);
        var sentence = $"{level}に最初に達する目標を立てているのは{string.Join("と", leaders.Select(f => f.Name))}で、{FiscalYear.Label(year)}です。";
        return sentence + string.Concat(withTargets.Except(leaders).Select(FinalSentence))
            + string.Concat(facts.Where(f => f.FinalTarget is null).Select(f => $"{f.Name}は目標値を数値で示していません。"));
    }

    private static string FinalSentence(SeriesFacts f) => f.FinalTarget is { } t
        ? $"{f.Name}の最終目標は{FiscalYear.Label(t.Fy)}の{Indicators.Format(t, f.Series.Merged)}です。"
        : "";

    /// <summary>The latest fiscal year for which every municipality set a numeric target: 令和10年度の目標は 台東区 40%、江東区 100%。</summary>
    private static string? SameYearOf(IReadOnlyList<SeriesFacts> facts)
    {
        if (facts.Count < 2) return null;
        var common = facts.Select(f => f.Series.OfType(ValueKind.Target).Select(v => v.Fy).ToHashSet())
            .Aggregate((a, b) => [.. a.Intersect(b)]);
        if (common.Count == 0) return null;
        var fy = common.Max();
        return $"同じ{FiscalYear.Label(fy)}の目標で比べると、" + string.Join("、", facts.Select(f =>
            $"{f.Name} {Indicators.Format(f.Series.OfType(ValueKind.Target).First(v => v.Fy == fy), f.Series.Merged)}")) + "です。";
    }

    private static string ProgressSentence(SeriesFacts f)
    {
        var s = f.Series;
        if (s.Progress is { Status: not ProgressStatus.NoActual } p)
            return $"{f.Name}: {FiscalYear.Label(p.Actual!.Fy)}の実績は{Indicators.Format(p.Actual, s.Merged)}で、目標 {Indicators.Format(p.Target!, s.Merged)}{(p.Status == ProgressStatus.OnTrack ? "を達成しました" : "に届きませんでした")}。";
        if (s.LatestActual is { } actual) return $"{f.Name}: {FiscalYear.Label(actual.Fy)}の実績は{Indicators.Format(actual, s.Merged)}です(同じ年度の目標値はありません)。";
        return s.Baseline is { } b
            ? $"{f.Name}: 実績値はまだ公表されていません(基準値は{FiscalYear.Label(b.Fy)}の{Indicators.Format(b, s.Merged)})。"
            : $"{f.Name}: 実績値はまだ公表されていません。";
    }
}
