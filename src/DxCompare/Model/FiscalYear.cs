using System.Globalization;
using System.Text.RegularExpressions;

namespace DxCompare.Model;

/// <summary>
/// Gregorian fiscal years (April–March) and their 和暦 labels, via .NET's JapaneseCalendar rather than a
/// hand-made era table, so a future era needs no code change.
/// </summary>
public static partial class FiscalYear
{
    /// <summary>The years a fiscal-year field accepts: anything outside is a typo, not a plan's horizon.</summary>
    public const int Earliest = 1900, Latest = 2200;

    /// <summary>ja-JP with the Japanese calendar: dates format with their era (ggy年).</summary>
    internal static readonly CultureInfo JapaneseEraCulture = CreateJapaneseEraCulture();

    private static CultureInfo CreateJapaneseEraCulture()
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo("ja-JP").Clone();
        culture.DateTimeFormat.Calendar = new JapaneseCalendar();
        return culture;
    }

    private static JapaneseCalendar Calendar => (JapaneseCalendar)JapaneseEraCulture.DateTimeFormat.Calendar;

    /// <summary>令和8年度 for 2026. Year one is written 元 (令和元年度).</summary>
    /// <remarks>
    /// A fiscal year is labelled by the era in force on its April 1, except when an era began during the
    /// fiscal year's first months: FY2019 began on 2019-04-01 (平成31年) but government and municipal
    /// documents call it 令和元年度, so the era that began on 2019-05-01 names it.
    /// </remarks>
    public static string Wareki(int fy)
    {
        var start = new DateTime(fy, 4, 1);
        var firstMay = new DateTime(fy, 5, 1);
        var labelDate = Calendar.GetEra(firstMay) != Calendar.GetEra(start) ? firstMay : start;
        return labelDate.ToString("ggy年度", JapaneseEraCulture);
    }

    /// <summary>令和8年度（2026年度）</summary>
    public static string Label(int fy) => $"{Wareki(fy)}（{fy}年度）";

    /// <summary>R8 (2026): a compact label for table headers and chart axes.</summary>
    public static string Short(int fy) => $"{Wareki(fy).Replace("年度", "")}";

    /// <summary>令和8〜10年度（2026〜2028年度）</summary>
    public static string PeriodLabel(int start, int end)
    {
        var first = Wareki(start).Replace("年度", "");
        var last = Wareki(end).Replace("年度", "");
        var sameEra = first[..2] == last[..2];
        return $"{first}〜{(sameEra ? last[2..] : last)}年度（{start}〜{end}年度）";
    }

    /// <summary>
    /// Reads 和暦 typed where a Gregorian year belongs: 令和10年度, 令和元年, R10, H31年度, 平成３１年度.
    /// </summary>
    public static bool TryParseWareki(string text, out int fy)
    {
        fy = 0;
        var normalized = text.Normalize(System.Text.NormalizationForm.FormKC).Trim();
        var match = WarekiPattern().Match(normalized);
        if (!match.Success) return false;
        var eraName = EraLetters.TryGetValue(match.Groups["era"].Value.ToUpperInvariant(), out var named) ? named : match.Groups["era"].Value;
        var era = JapaneseEraCulture.DateTimeFormat.GetEra(eraName);
        if (era < 0) return false;
        var yearOfEra = match.Groups["year"].Value == "元" ? 1 : int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        try
        {
            // Fiscal year N of an era starts in April of its Gregorian year; 令和元年度 is 2019.
            fy = Calendar.ToDateTime(yearOfEra, 12, 1, 0, 0, 0, 0, era).Year;
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    /// <summary>The letters that stand for an era (R8 = 令和8年度); the CMS's year fields read the same.</summary>
    public static readonly IReadOnlyDictionary<string, string> EraLetters = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["R"] = "令和",
        ["H"] = "平成",
        ["S"] = "昭和",
        ["T"] = "大正",
        ["M"] = "明治",
    };

    /// <summary>和暦 as typed (after NFKC): an era or its letter, a year (元 or digits), 年度 or 年. Also used by the CMS (JavaScript reads the same syntax).</summary>
    public const string WarekiInput = @"^(?<era>明治|大正|昭和|平成|令和|[MTSHRmtshr])\s*(?<year>元|\d{1,2})\s*(年度|年)?$";

    [GeneratedRegex(WarekiInput)]
    private static partial Regex WarekiPattern();
}
