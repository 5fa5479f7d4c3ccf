using DxCompare.Model;

namespace DxCompare.Pages.ViewModels;

/// <summary>
/// One figure as a table cell shows it: the value as printed, then what the reader needs beside it: the evaluation
/// with the legend's meaning (評価 B: 概ね順調), that it lies outside the plan period (計画期間後), and for a revised
/// target what it was and in which edition (当初 90%（江東区DX推進計画、令和7年3月）から改定).
/// </summary>
public sealed record ValueCell(string Text, IReadOnlyList<string> Remarks)
{
    public static ValueCell Of(Plan plan, Indicator indicator, IndicatorValue value)
    {
        var remarks = new List<string>();
        if (Evaluation(plan, value) is { } evaluation) remarks.Add(evaluation);
        if (OutsidePeriod(plan, value) is { } outside) remarks.Add(outside);
        foreach (var earlier in indicator.Values.Where(v => v.RevisedBy == value))
        {
            var edition = Editions.Of(plan, earlier.Source);
            remarks.Add($"当初 {Indicators.Format(earlier, indicator)}（{edition?.Title ?? plan.Title}、{PublishedDate.Wareki(edition?.Published ?? plan.Published)}）から改定");
        }
        if (value.Source is not null && Editions.Of(plan, value.Source) is { } source && source != Editions.Default(plan) && value.Type == ValueKind.Target)
            remarks.Add($"{source.Title}（{PublishedDate.Wareki(source.Published)}）による");
        if (!string.IsNullOrEmpty(value.Note)) remarks.Add(value.Note);
        return new(Indicators.Format(value, indicator), remarks);
    }

    /// <summary>評価 A（目標を達成）: the grade as published, with its meaning from the legend of the edition that graded it.</summary>
    public static string? Evaluation(Plan plan, IndicatorValue value)
    {
        if (value.Evaluation is not { } grade) return null;
        var meaning = Editions.Of(plan, value.Source)?.EvaluationLegend.FirstOrDefault(g => g.Grade == grade)?.Meaning;
        return meaning is null ? $"評価 {grade}" : $"評価 {grade}（{meaning}）";
    }

    /// <summary>計画期間前 / 計画期間後: a value the plan itself gives outside its period (a long-term target, a pre-plan actual).</summary>
    public static string? OutsidePeriod(Plan plan, IndicatorValue value) =>
        !value.OutsidePeriod ? null : value.Fy > plan.Period.End ? "計画期間後の目標" : "計画期間前の値";
}
