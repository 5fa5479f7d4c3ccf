using System.Globalization;

namespace DxCompare.Model;

/// <summary>How indicator values read to people: 40%, 5,500人, 0.33回/月, 5.0%未満, 約40%, 推進.</summary>
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

    /// <summary>Qualifiers of these classes are written before the number (約40%); the others after it.</summary>
    public static bool IsPrefix(QualifierClass qualifierClass) => qualifierClass == QualifierClass.Approximately;

    /// <summary>The qualifier that applies to a value: its own, or the indicator's; "—" on a value cancels the indicator's.</summary>
    public static (string? Word, QualifierClass? Class) QualifierOf(IndicatorValue value, Indicator indicator) =>
        value.Qualifier is { } own ? (own, value.QualifierClass) : (indicator.Qualifier, indicator.QualifierClass);

    public static string Format(IndicatorValue value, Indicator indicator)
    {
        if (value.Value is not { } number) return value.Status ?? Vocabulary.None;
        var (qualifier, qualifierClass) = QualifierOf(value, indicator);
        var text = FormatNumber(number) + (indicator.Unit ?? "");
        return qualifierClass switch
        {
            null when qualifier is null => text,
            QualifierClass.None => text,
            QualifierClass.Cumulative => $"{text}（{qualifier}）",
            QualifierClass.EveryYear => $"{qualifier}{text}",
            QualifierClass.Approximately => $"{qualifier}{text}",
            QualifierClass.Aim => $"{text}を{qualifier}",
            _ => text + qualifier,
        };
    }

    /// <summary>令和8年度, or 令和8年 for a calendar-year indicator, or the period as printed for a span.</summary>
    public static string YearLabel(IndicatorValue value, Indicator indicator)
    {
        if (!string.IsNullOrEmpty(value.PeriodText)) return value.PeriodText;
        var calendar = indicator.YearBasis == YearBasis.Calendar;
        string One(int year) => calendar ? FiscalYear.Wareki(year).Replace("年度", "年", StringComparison.Ordinal) : FiscalYear.Wareki(year);
        return value.Until is { } until && until != value.Fy
            ? (calendar ? $"{One(value.Fy)}〜{One(until)}" : FiscalYear.PeriodLabel(value.Fy, until))
            : One(value.Fy);
    }
}
