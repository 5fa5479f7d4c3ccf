using DxCompare.Model;

namespace DxCompare.Pages.ViewModels;

/// <summary>
/// An indicator read in one line: 「基準 20%（令和7年度）→ 目標 27%（令和8年度）→ 34%（令和9年度）→ 40%（令和10年度）」,
/// years with the same target merged (100%（令和9〜11年度）), and the latest actual against its target beside it.
/// </summary>
public sealed record KpiLine(string Name, string Chain, string? Actual, ProgressReading Progress)
{
    public static KpiLine Of(Indicator indicator)
    {
        var progress = ProgressReading.Of(indicator);
        return new(Indicators.DisplayName(indicator), ChainOf(indicator), ActualText(indicator, progress), progress);
    }

    public static string ChainOf(Indicator indicator)
    {
        var runs = new List<(ValueKind Type, string Text, int From, int To, string? Years)>();
        foreach (var value in indicator.CurrentValues.Where(v => v.Type != ValueKind.Actual).OrderBy(v => v.Fy).ThenBy(v => v.Type))
        {
            var text = Indicators.Format(value, indicator);
            // Spans, calendar years and values outside the plan period keep their own label and are never merged.
            var own = value.PeriodText is not null || value.Until is not null || indicator.YearBasis == YearBasis.Calendar || value.OutsidePeriod
                ? Indicators.YearLabel(value, indicator) + (value.OutsidePeriod ? "・計画期間外" : "") : null;
            if (own is null && runs.Count > 0 && runs[^1] is var last && last.Years is null && last.Type == value.Type && last.Text == text && last.To + 1 == value.Fy)
                runs[^1] = last with { To = value.Fy };
            else
                runs.Add((value.Type, text, value.Fy, value.Fy, own));
        }
        return string.Join(" → ", runs.Select((run, i) =>
            (i == 0 || runs[i - 1].Type != run.Type ? run.Type.ShortLabel() + " " : "") + $"{run.Text}（{run.Years ?? Years(run.From, run.To)}）"));
    }

    /// <summary>令和9年度, or 令和9〜11年度 for a run of years.</summary>
    public static string Years(int from, int to)
    {
        if (from == to) return FiscalYear.Wareki(from);
        var first = FiscalYear.Wareki(from).Replace("年度", "", StringComparison.Ordinal);
        var last = FiscalYear.Wareki(to).Replace("年度", "", StringComparison.Ordinal);
        return $"{first}〜{(first[..2] == last[..2] ? last[2..] : last)}年度";
    }

    /// <summary>目標 48%を達成 / 目標 48%に届かず.</summary>
    public static string TargetVerdict(ProgressReading progress, Indicator indicator) =>
        $"目標 {Indicators.Format(progress.Target!, indicator)}{(progress.Status == ProgressStatus.OnTrack ? "を達成" : "に届かず")}";

    private static string? ActualText(Indicator indicator, ProgressReading progress)
    {
        var actual = indicator.CurrentValues.Where(v => v.Type == ValueKind.Actual).MaxBy(v => v.Fy);
        if (actual is null) return null;
        var text = $"{ValueKind.Actual.ShortLabel()} {Indicators.Format(actual, indicator)}（{Indicators.YearLabel(actual, indicator)}{(actual.Evaluation is { } grade ? $"、評価 {grade}" : "")}）";
        return progress.Target is { } target ? $"{text}、{TargetVerdict(progress, indicator)}" : text;
    }
}
