using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using DxCompare.Model;

namespace DxCompare.Pages;

/// <summary>
/// One municipality's values for a shared metric, merged across the indicators that carry it (Taito's
/// 評価指標 gives the baseline and final target, its 事業計画 the yearly targets).
/// </summary>
public sealed record MetricSeries(Municipality Municipality, Plan Plan, IReadOnlyList<IndicatorEntry> Sources, Indicator Merged)
{
    public IEnumerable<IndicatorValue> OfType(ValueKind type) => Merged.Values.Where(v => v.Type == type && v.Value is not null).OrderBy(v => v.Fy);

    public IndicatorValue? Baseline => OfType(ValueKind.Baseline).LastOrDefault();
    /// <summary>The last target inside the plan period; a long-term target the plan sets beyond it only when there is no other.</summary>
    public IndicatorValue? FinalTarget => OfType(ValueKind.Target).LastOrDefault(v => !v.OutsidePeriod) ?? OfType(ValueKind.Target).LastOrDefault();
    public IndicatorValue? LatestActual => OfType(ValueKind.Actual).LastOrDefault();
    public ProgressReading Progress => ProgressReading.Of(Merged);

    /// <summary>Each municipality's series for the metric, in its own unit, or for one of its variants (another unit or definition).</summary>
    /// <remarks>
    /// The list is made once per content and metric: the home page, the indicators index, each topic page and the metric's
    /// own page all ask for it. Each series is made once per plan object (a municipality has one plan; its code is unique):
    /// watch mode loads again only the plans whose files changed, so after an edit only the edited plan's series are merged
    /// again, not 1,788 of them for each metric.
    /// </remarks>
    public static IReadOnlyList<MetricSeries> For(ContentSet content, string metricId, string? variant = null) =>
        Made.GetValue(content, _ => new()).GetOrAdd((metricId, variant), key => [.. content.Plans
            .Select(plan => OfPlan(plan).GetValueOrDefault(key))
            .OfType<MetricSeries>()]);

    private static readonly ConditionalWeakTable<ContentSet, ConcurrentDictionary<(string MetricId, string? Variant), IReadOnlyList<MetricSeries>>> Made = [];

    /// <summary>A plan's series, by metric and variant.</summary>
    private static Dictionary<(string MetricId, string? Variant), MetricSeries> OfPlan(Plan plan) => MadeForPlan.GetValue(plan, p =>
        ContentSet.IndicatorsOf(p)
            .Where(i => i.Indicator.Metric is not null)
            .GroupBy(i => (i.Indicator.Metric!, i.Indicator.MetricVariant))
            .ToDictionary(group => group.Key, group => Merge([.. group])));

    private static readonly ConditionalWeakTable<Plan, Dictionary<(string MetricId, string? Variant), MetricSeries>> MadeForPlan = [];

    private static MetricSeries Merge(IReadOnlyList<IndicatorEntry> sources)
    {
        // Plan-level and pillar/policy indicators state the official baseline and target; initiative rows
        // add yearly steps. Where two state the same year and type, the higher level wins.
        var values = sources
            .OrderBy(s => s.AttachedTo)
            .SelectMany(s => s.Indicator.CurrentValues)
            .GroupBy(v => (v.Fy, v.Type))
            .Select(g => g.First())
            .OrderBy(v => v.Fy).ThenBy(v => v.Type)
            .ToList();
        var first = sources.OrderBy(s => s.AttachedTo).First();
        var scopeNotes = sources.Select(s => s.Indicator.ScopeNote).Where(n => !string.IsNullOrWhiteSpace(n)).Distinct();
        var merged = first.Indicator with { Values = values, ScopeNote = string.Join(" ", scopeNotes) is { Length: > 0 } note ? note : null };
        return new MetricSeries(first.Municipality, first.Plan, sources, merged);
    }
}
