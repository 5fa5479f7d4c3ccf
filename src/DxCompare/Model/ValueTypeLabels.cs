namespace DxCompare.Model;

/// <summary>The Japanese words for <see cref="ValueType"/>, once for the whole site.</summary>
public static class ValueTypeLabels
{
    /// <summary>基準値, 目標値, 実績値.</summary>
    public static string Label(this ValueType type) => type switch
    {
        ValueType.Baseline => "基準値",
        ValueType.Target => "目標値",
        _ => "実績値",
    };

    /// <summary>基準, 目標, 実績: the prefix of a value in a one-line KPI chain.</summary>
    public static string ShortLabel(this ValueType type) => type.Label()[..2];
}
