using System.Globalization;

namespace DxCompare.Model;

/// <summary>Publication dates (YYYY-MM or YYYY-MM-DD, as stored) read in 和暦: 2026-04 → 令和8年4月.</summary>
public static class PublishedDate
{
    public static string Wareki(string? published)
    {
        if (string.IsNullOrEmpty(published)) return "";
        var parts = published.Split('-');
        if (parts.Length < 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var year) || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var month))
            return published;
        var day = parts.Length > 2 && int.TryParse(parts[2], CultureInfo.InvariantCulture, out var d) ? d : 0;
        var date = new DateTime(year, month, Math.Max(day, 1));
        return date.ToString(day > 0 ? "ggy年M月d日" : "ggy年M月", FiscalYear.JapaneseEraCulture);
    }
}
