using DxCompare.Model;

namespace DxCompare.Pages;

public enum ProgressStatus
{
    [Label("実績なし")] NoActual,
    [Label("目標を達成")] OnTrack,
    [Label("目標に届かず")] Behind,
}

/// <summary>Latest actual against the target set for the same fiscal year.</summary>
public sealed record ProgressReading(ProgressStatus Status, IndicatorValue? Actual, IndicatorValue? Target)
{
    public string Label => Status.Label();

    public static ProgressReading Of(Indicator indicator)
    {
        var actual = indicator.CurrentValues.Where(v => v.Type == ValueKind.Actual && v.Value is not null).MaxBy(v => v.Fy);
        if (actual is null) return new(ProgressStatus.NoActual, null, null);
        var target = indicator.CurrentValues.FirstOrDefault(v => v.Type == ValueKind.Target && v.Fy == actual.Fy && v.Value is not null);
        if (target is null) return new(ProgressStatus.NoActual, actual, null);
        var met = indicator.Direction == Direction.Lower ? actual.Value <= target.Value : actual.Value >= target.Value;
        return new(met ? ProgressStatus.OnTrack : ProgressStatus.Behind, actual, target);
    }
}
