using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DxCompare.Content;
using DxCompare.Model;

namespace DxCompare.Sheets;

/// <summary>Ids and labels of the shared taxonomies, so cells show 「オンライン手続」 where YAML has online-procedures.</summary>
public sealed class ReferenceLabels(IEnumerable<(string Id, string Label)> topics, IEnumerable<(string Id, string Label)> metrics)
{
    private readonly Dictionary<ReferenceKind, List<(string Id, string Label)>> _items = new()
    {
        [ReferenceKind.Topic] = [.. topics],
        [ReferenceKind.Metric] = [.. metrics],
    };

    public static ReferenceLabels Of(ContentSet content) =>
        new(content.Topics.Select(t => (t.Id, t.Label)), content.Metrics.Select(m => (m.Id, m.Label)));

    public IReadOnlyList<string> Labels(ReferenceKind kind) => [.. _items[kind].Select(i => i.Label)];

    public string LabelOf(ReferenceKind kind, string id) => _items[kind].FirstOrDefault(i => i.Id == id).Label ?? id;

    /// <summary>The id for a label or an id typed in a cell; null when it names nothing.</summary>
    public string? IdOf(ReferenceKind kind, string text) =>
        _items[kind].FirstOrDefault(i => i.Label == text || i.Id == text).Id;
}

/// <summary>
/// Cells written and read as a plan prints them: fiscal years as 令和7年度（2025年度） (R7, 令和7年度 and 2025 all read
/// as 2025), values as 「5,500人」「5.0%未満」「推進」, booleans as ○, enum values by their Japanese labels.
/// Full-width digits and letters are read as their ASCII forms.
/// </summary>
public static partial class CellText
{
    public const string Yes = "○";

    public static string Normalize(string text) => text.Normalize(NormalizationForm.FormKC).Trim();

    // ---- writing ----

    public static string Year(int fy) => FiscalYear.Label(fy);

    public static string Enum(FieldSpec field, object value) => EnumLabels.Of(field.ElementType, value.ToString()!);

    public static string List(IReadOnlyList<string> items) =>
        string.Join(items.Any(i => i.Contains('、', StringComparison.Ordinal)) ? "\n" : "、", items);

    // ---- reading ----

    /// <summary>2025 from 2025, R7, 令和7年度, 令和7年度（2025年度）, ２０２５. Null when the text is no fiscal year.</summary>
    public static int? ReadYear(string text, out string? problem)
    {
        problem = null;
        var normalized = Normalize(text).Replace("\n", "", StringComparison.Ordinal);
        var match = YearPattern().Match(normalized);
        if (!match.Success) return null;
        var wareki = match.Groups["wareki"].Value.Trim();
        int? gregorian = match.Groups["year"].Success ? int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture) : null;
        int? fromWareki = null;
        if (wareki.Length > 0)
        {
            if (!FiscalYear.TryParseWareki(wareki, out var fy)) return null;
            fromWareki = fy;
        }
        if (fromWareki is { } w && gregorian is { } g && w != g)
        {
            problem = $"{wareki} は{w}年度で、{g}年度ではありません。どちらかに揃えてください(例: {FiscalYear.Label(w)})。";
            return null;
        }
        return gregorian ?? fromWareki;
    }

    [GeneratedRegex(@"^(?<wareki>(明治|大正|昭和|平成|令和|[MTSHRmtshr])\s*(元|\d{1,2})\s*(年度|年)?)?\s*(\(?\s*(?<year>\d{4})\s*(年度|年)?\s*\)?)?$")]
    private static partial Regex YearPattern();

    /// <summary>true for ○ ◯ 〇 ✓ はい TRUE 1 新規 再掲; false for an empty cell, × いいえ FALSE 0.</summary>
    public static bool? ReadBoolean(string text) => Normalize(text).ToUpperInvariant() switch
    {
        "○" or "◯" or "〇" or "✓" or "✔" or "はい" or "TRUE" or "1" or "YES" => true,
        "" or "×" or "✕" or "いいえ" or "FALSE" or "0" or "NO" or "-" => false,
        _ => null,
    };

    /// <summary>The YAML name of the enum value whose Japanese label (or YAML name) the cell holds.</summary>
    public static string? ReadEnum(FieldSpec field, string text)
    {
        var normalized = Normalize(text);
        foreach (var name in System.Enum.GetNames(field.ElementType))
        {
            var yaml = ModelCatalog.YamlName(name);
            if (normalized == yaml || normalized == Normalize(EnumLabels.Of(field.ElementType, name))) return yaml;
        }
        return null;
    }

    public static IReadOnlyList<string> ReadList(string text) =>
        [.. text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split(text.Contains('\n', StringComparison.Ordinal) ? ['\n'] : ['、', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>A whole number typed with full-width digits or thousands separators: ２０ → 20.</summary>
    public static string PlainNumber(string text) => Normalize(text).Replace(",", "", StringComparison.Ordinal);

    /// <summary>
    /// Reads a value cell as printed, for the indicator it belongs to: the number (with the precision typed),
    /// or the status word, and the qualifier when it differs from the indicator's. Tries each reading through
    /// <see cref="Indicators.Format"/>, so reading is the exact inverse of how pages print values.
    /// </summary>
    public static PrintedValue? ReadValue(string text, Indicator indicator, SheetVocabulary vocabulary)
    {
        var typed = Normalize(text);
        if (typed.Length == 0) return null;
        var number = NumberPattern().Match(typed);
        if (!number.Success) return new PrintedValue(null, typed, null);
        var digits = number.Value.Replace(",", "", StringComparison.Ordinal);
        if (!decimal.TryParse(digits, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            return new PrintedValue(null, null, null) { Unreadable = true };
        var target = Comparable(typed);
        foreach (var qualifier in new string?[] { null }.Concat(vocabulary.Qualifiers))
        {
            var candidate = new IndicatorValue { Value = value, Qualifier = qualifier, QualifierClass = vocabulary.QualifierClassOf(qualifier) };
            var printed = Comparable(Indicators.Format(candidate, indicator));
            var bare = Comparable(Indicators.Format(candidate, indicator with { Unit = null }));
            if (target == printed || target == bare) return new PrintedValue(value, null, qualifier);
        }
        return new PrintedValue(value, null, null) { Unreadable = true };
    }

    private static string Comparable(string text) => Normalize(text).Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);

    [GeneratedRegex(@"-?\d[\d,]*(\.\d+)?")]
    private static partial Regex NumberPattern();
}

/// <summary>A value cell read: a number (and its qualifier when not the indicator's), or a status word.</summary>
public sealed record PrintedValue(decimal? Number, string? Status, string? Qualifier)
{
    /// <summary>The cell holds digits but does not read as a value of its indicator (wrong unit or qualifier).</summary>
    public bool Unreadable { get; init; }
}
