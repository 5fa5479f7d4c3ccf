using System.Globalization;

namespace DxCompare.Model;

/// <summary>How indicator values read to people: 40%, 5,500人, 0.33回/月, 5.0%未満, 推進.</summary>
public static class Indicators
{
    public static string DisplayName(Indicator indicator) =>
        string.IsNullOrEmpty(indicator.Segment) ? indicator.Name : $"{indicator.Name}（{indicator.Segment}）";

    /// <summary>Keeps the precision the plan printed: 5.0 stays 5.0, 5500 becomes 5,500.</summary>
    public static string FormatNumber(decimal value)
    {
        var scale = value.Scale;
        return value.ToString(scale == 0 ? "#,0" : "#,0." + new string('0', scale), CultureInfo.InvariantCulture);
    }

    public static string Format(IndicatorValue value, Indicator indicator)
    {
        if (value.Value is not { } number) return value.Status ?? Vocabulary.None;
        var qualifier = value.Qualifier ?? indicator.Qualifier;
        var text = FormatNumber(number) + (indicator.Unit ?? "");
        return qualifier switch
        {
            "未満" or "以上" => text + qualifier,
            "累計" => $"{text}（累計）",
            "毎年度" => $"毎年度{text}",
            _ => text,
        };
    }
}
