using DxCompare.Model;

namespace DxCompare.Pages.ViewModels;

/// <summary>
/// The caveat beside a comparison, generated from each linked indicator's own definition and scope note, so it
/// stays true however many municipalities link to the metric: 「江東区「オンラインで申請できる手続の割合」（%）:
/// ※法令等においてオンライン申請を不可としている手続を除く」. The metric's own note, when it has one, applies to all.
/// </summary>
public static class ComparabilityNotes
{
    public static IReadOnlyList<string> Of(Metric metric, IEnumerable<MetricSeries> series)
    {
        var notes = new List<string>();
        if (!string.IsNullOrWhiteSpace(metric.Comparability)) notes.Add(metric.Comparability);
        foreach (var s in series)
        {
            foreach (var indicator in s.Sources.Select(e => e.Indicator).DistinctBy(i => (i.Name, i.Segment, i.Definition, i.ScopeNote)))
                notes.Add(Line(s.Municipality, metric, indicator));
        }
        return notes;
    }

    /// <summary>台東区「スマートフォン講座参加者数(累計)」（名、累計）: 定義 … 対象範囲 …</summary>
    public static string Line(Municipality municipality, Metric metric, Indicator indicator)
    {
        var how = new List<string> { indicator.Unit ?? metric.UnitOf(indicator.MetricVariant) };
        if (metric.VariantOf(indicator.MetricVariant) is { } variant) how.Insert(0, variant.Label);
        if (indicator.Qualifier is { } q && indicator.QualifierClass != QualifierClass.None) how.Add(q);
        if (indicator.YearBasis == YearBasis.Calendar) how.Add(YearBasis.Calendar.Label() + "ごと");
        var details = new[] { indicator.Definition, indicator.ScopeNote }.Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        return $"{municipality.Name}「{Indicators.DisplayName(indicator)}」（{string.Join("、", how)}）" + (details.Count > 0 ? ": " + string.Join(" ", details) : "");
    }
}
