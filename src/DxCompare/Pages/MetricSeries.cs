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
    public static IReadOnlyList<MetricSeries> For(ContentSet content, string metricId, string? variant = null) =>
        [.. content.IndicatorsByMetric[metricId]
            .Where(i => i.Indicator.MetricVariant == variant)
            .GroupBy(i => i.Municipality.Code)
            .Select(group => Merge([.. group]))
            .OrderBy(s => s.Municipality.Code, StringComparer.Ordinal)];

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
