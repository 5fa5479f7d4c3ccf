using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using DxCompare.Model;
using YamlDotNet.RepresentationModel;

namespace DxCompare.Content;

/// <summary>
/// Turns a YAML node tree into model records, guided by <see cref="ModelCatalog"/>. Unlike a plain
/// deserializer it keeps going after a problem, so one run reports every error with its position,
/// and it accepts what Decap CMS writes: keys in any order and "" for a cleared optional field.
/// </summary>
public sealed partial class YamlBinder(string file, DiagnosticBag diagnostics, SourceMap sourceMap)
{
    /// <summary>The file is a draft plan: required fields may still be missing.</summary>
    public bool Draft { get; init; }

    public T? Bind<T>(YamlNode root) where T : class, new() => BindObject(root, typeof(T), new("document", "ファイル")) as T;

    /// <summary>What is being read, for messages: "an item of 'policies' (施策)" and 「施策」の項目.</summary>
    private readonly record struct Subject(string En, string Ja)
    {
        public static Subject Of(FieldSpec field) => new($"'{field.Name}' ({field.Label})", $"「{field.Label}」");

        public static Subject ItemOf(FieldSpec field) => new($"an item of '{field.Name}' ({field.Label})", $"「{field.Label}」の項目");
    }

    private SourceLocation At(YamlNode node) => new(file, (int)node.Start.Line, (int)node.Start.Column);

    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = AotSafety.OwnTypesKept)]
    private object? BindObject(YamlNode node, Type type, Subject what)
    {
        if (node is not YamlMappingNode mapping)
        {
            var expected = string.Join(", ", ModelCatalog.FieldsOf(type).Where(f => f.Required).Select(f => f.Name));
            diagnostics.Add(At(node), "not-a-mapping", new { what = what.En, whatJa = what.Ja, found = Describe(node), foundJa = DescribeJa(node), expected });
            return null;
        }

        var fields = ModelCatalog.FieldsOf(type);
        var positions = ModelCatalog.FieldPositions(type);
        var instance = Activator.CreateInstance(type)!;
        var seen = new bool[fields.Count];
        // Positions only when they are kept: most loads are of valid content and never ask (see SourceMap.Off).
        var located = sourceMap.Records ? new Dictionary<string, SourceLocation>(StringComparer.Ordinal) : null;
        var rejected = sourceMap.Records ? new HashSet<string>(StringComparer.Ordinal) : null;

        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!positions.TryGetValue(key, out var position))
            {
                var names = fields.Select(f => f.Name).ToList();
                diagnostics.Add(At(keyNode), "unknown-field", new { key = Printable.Shown(key), suggestion = Suggest(key, names), allowed = string.Join(", ", names) });
                continue;
            }
            var field = fields[position];
            seen[position] = true;
            if (located is not null) located[key] = At(valueNode);
            if (IsBlank(valueNode))
            {
                if (field.Required && !Draft) diagnostics.Add(At(valueNode), "required-empty", new { field = key, label = field.Label, howTo = HowToFill(field) });
                continue;
            }
            var value = BindField(valueNode, field);
            if (value is not null) field.Property.SetValue(instance, value);
            else rejected?.Add(key);
        }

        for (var i = 0; i < fields.Count; i++)
        {
            var missing = fields[i];
            if (missing.Required && !Draft && !seen[i])
                diagnostics.Add(At(node), "missing-field", new { field = missing.Name, label = missing.Label, what = what.En, whatJa = what.Ja, howTo = HowToFill(missing) });
        }

        if (located is not null) sourceMap.Record(instance, At(node), located, rejected);
        return instance;
    }

    private object? BindField(YamlNode node, FieldSpec field) => field.Shape switch
    {
        FieldShape.Object => BindObject(node, field.ElementType, Subject.Of(field)),
        FieldShape.ObjectList => BindList(node, field, item => BindObject(item, field.ElementType, Subject.ItemOf(field))),
        FieldShape.TextList => BindList(node, field, item => BindScalar(item, field, FieldShape.Text)),
        _ => BindScalar(node, field, field.Shape),
    };

    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Lists hold records or strings: List<> of any reference type runs one compiled body.")]
    private object? BindList(YamlNode node, FieldSpec field, Func<YamlNode, object?> bindItem)
    {
        if (node is not YamlSequenceNode sequence)
        {
            diagnostics.Add(At(node), "not-a-list", new { field = field.Name, label = field.Label, found = Describe(node), foundJa = DescribeJa(node) });
            return null;
        }
        if (sequence.Children.Count > ContentLimits.MaxListItems)
        {
            diagnostics.Add(At(node), "too-many-items", new { field = field.Name, label = field.Label, count = sequence.Children.Count.ToString("N0", CultureInfo.InvariantCulture), max = ContentLimits.MaxListItems.ToString("N0", CultureInfo.InvariantCulture) });
            return null;
        }
        var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(field.ElementType))!;
        foreach (var item in sequence.Children)
        {
            if (IsBlank(item)) continue;
            var value = bindItem(item);
            if (value is not null) list.Add(value);
        }
        return list;
    }

    private object? BindScalar(YamlNode node, FieldSpec field, FieldShape shape)
    {
        if (node is not YamlScalarNode scalar)
        {
            diagnostics.Add(At(node), "not-a-single-value", new { field = field.Name, label = field.Label, found = Describe(node), foundJa = DescribeJa(node) });
            return null;
        }
        var text = scalar.Value ?? "";
        var at = At(node);
        // First, for every kind of value: such characters break pages and downloads, and string.Normalize throws on them.
        if (Printable.FirstUnprintable(text) is var bad and >= 0)
        {
            AddUnprintable(diagnostics, at, text, bad, Subject.Of(field).En, Subject.Of(field).Ja);
            return null;
        }
        switch (shape)
        {
            case FieldShape.Text:
                return CheckText(text, at, field);
            case FieldShape.Integer:
                if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)) return CheckRange(integer, at, field);
                AddNotAnInteger(at, text, field);
                return null;
            case FieldShape.Number:
                if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)) return CheckNumber(number, text, at, field);
                AddNotANumber(at, text, field);
                return null;
            case FieldShape.Boolean:
                if (text is "true" or "false") return text == "true";
                diagnostics.Add(at, "not-boolean", new { field = field.Name, label = field.Label, found = Printable.Shown(text) });
                return null;
            case FieldShape.Enum:
                var names = ModelCatalog.EnumNames(field.ElementType);
                var index = names.ToList().IndexOf(text);
                if (index >= 0) return ModelCatalog.EnumValue(field.ElementType, index);
                diagnostics.Add(at, "not-in-list", new { field = field.Name, label = field.Label, allowed = string.Join(", ", names), found = Printable.Shown(text), suggestion = Suggest(text, names) });
                return null;
            default:
                throw new InvalidOperationException($"unexpected shape {shape}");
        }
    }

    private string? CheckText(string text, SourceLocation at, FieldSpec field)
    {
        if (field.Pattern is { } pattern && !pattern.Matches(text))
        {
            var halfWidth = text.Normalize(System.Text.NormalizationForm.FormKC);
            if (halfWidth != text && pattern.Matches(halfWidth))
                diagnostics.Add(at, "full-width", new { field = field.Name, label = field.Label, found = Printable.Shown(text), written = halfWidth });
            else
                diagnostics.Add(at, "pattern", new { field = field.Name, label = field.Label, expected = pattern.Expected, expectedJa = pattern.ExpectedJa, found = Printable.Shown(text) });
            return null;
        }
        return text;
    }

    /// <summary>A control character (from a PDF copy, a terminal, a binary file) that no page or download may carry.</summary>
    internal static void AddUnprintable(DiagnosticBag diagnostics, SourceLocation at, string text, int index, string what, string whatJa)
    {
        var before = text[..index];
        var context = before[(before.LastIndexOf('\n') + 1)..];
        var shown = Printable.Shown(context[Math.Max(0, context.Length - 20)..]);
        var (where, whereJa) = context.Length > 0 ? ($" after '{shown}'", $"「{shown}」の後に")
            : before.Length > 0 ? (" at the start of a line", "行の先頭に") : (" at the start", "先頭に");
        var control = char.IsControl(text[index]);
        diagnostics.Add(at, "unprintable", new
        {
            what,
            whatJa,
            where,
            whereJa,
            kind = control ? "control character" : "character",
            kindJa = control ? "制御文字" : "文字",
            code = Printable.CodePointAt(text, index).ToString("X4", CultureInfo.InvariantCulture),
        });
    }

    private decimal? CheckNumber(decimal number, string text, SourceLocation at, FieldSpec field)
    {
        if (Math.Abs(number) > ContentLimits.MaxNumber)
        {
            diagnostics.Add(at, "number-too-large", new { field = field.Name, label = field.Label, text, max = ContentLimits.MaxNumber.ToString("N0", CultureInfo.InvariantCulture) });
            return null;
        }
        if (number.Scale > ContentLimits.MaxDecimals)
        {
            diagnostics.Add(at, "too-many-decimals", new { field = field.Name, label = field.Label, scale = number.Scale, text, max = ContentLimits.MaxDecimals });
            return null;
        }
        return number;
    }

    private int? CheckRange(int value, SourceLocation at, FieldSpec field)
    {
        if (field.FiscalYear is not null && value is < FiscalYear.Earliest or > FiscalYear.Latest)
        {
            diagnostics.Add(at, "not-a-fiscal-year", new { field = field.Name, label = field.Label, found = value, shown = value });
            return null;
        }
        if (field.Range is { } range && (value < range.Min || value > range.Max))
        {
            diagnostics.Add(at, "out-of-range", new { field = field.Name, label = field.Label, min = range.Min, max = range.Max, found = value });
            return null;
        }
        return value;
    }

    private void AddNotAnInteger(SourceLocation at, string text, FieldSpec field)
    {
        var halfWidth = text.Normalize(System.Text.NormalizationForm.FormKC).Trim();
        var found = Printable.Shown(text);
        if (halfWidth != text && int.TryParse(halfWidth, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var plain))
            diagnostics.Add(at, "full-width-digits", new { field = field.Name, label = field.Label, found, written = plain });
        else if (field.FiscalYear is not null && FiscalYear.TryParseWareki(text, out var fy))
            diagnostics.Add(at, "wareki-year", new { field = field.Name, label = field.Label, found = text, fy });
        else if (field.FiscalYear is not null)
            diagnostics.Add(at, "not-a-fiscal-year", new { field = field.Name, label = field.Label, found = $"'{found}'", shown = found });
        else
            diagnostics.Add(at, "not-an-integer", new { field = field.Name, label = field.Label, found });
    }

    private void AddNotANumber(SourceLocation at, string text, FieldSpec field)
    {
        var found = Printable.Shown(text);
        var normalized = text.Normalize(System.Text.NormalizationForm.FormKC).Trim();
        var digits = LeadingNumber().Match(normalized);
        if (digits.Success && digits.Value.Length > 0)
        {
            var plain = digits.Value.Replace(",", "");
            var rest = normalized[digits.Value.Length..].Trim();
            if (rest.Length > 0) diagnostics.Add(at, "number-with-unit", new { field = field.Name, label = field.Label, found, written = plain, unit = Printable.Shown(rest) });
            else diagnostics.Add(at, "plain-number", new { field = field.Name, label = field.Label, found, written = plain });
        }
        // A short word without digits is a status word printed instead of a number (推進, 制定, —).
        else if (text.Length is > 0 and <= 12 && !text.Any(char.IsDigit) && !text.Any(char.IsWhiteSpace))
            diagnostics.Add(at, "status-word-as-number", new { field = field.Name, label = field.Label, found, word = text });
        else
            diagnostics.Add(at, "not-a-number", new { field = field.Name, label = field.Label, found });
    }

    [GeneratedRegex(@"^-?[\d,]+(\.\d+)?")]
    private static partial Regex LeadingNumber();

    private static string HowToFill(FieldSpec field) =>
        field.Shape switch
        {
            FieldShape.Object or FieldShape.ObjectList => $"Add '{field.Name}:' with its fields.",
            _ when field.FiscalYear is not null => $"Add '{field.Name}: 2026' (a Gregorian fiscal year).",
            _ when field.Pattern is { } p => $"Add '{field.Name}:' with {p.Expected}.",
            _ => $"Add '{field.Name}: …'.",
        };

    private static string Suggest(string text, IEnumerable<string> candidates)
    {
        var best = candidates
            .Select(c => (c, distance: Levenshtein(text, c)))
            .Where(x => x.distance <= Math.Max(2, x.c.Length / 3))
            .OrderBy(x => x.distance)
            .FirstOrDefault();
        return best.c is null ? "" : $" Did you mean '{best.c}'?";
    }

    internal static int Levenshtein(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            previous = current;
        }
        return previous[b.Length];
    }

    internal static string SuggestionFor(string text, IEnumerable<string> candidates) => Suggest(text, candidates);

    private static bool IsBlank(YamlNode node) =>
        node is YamlScalarNode { Value: null or "" or "~" or "null" } scalar && scalar.Style is not YamlDotNet.Core.ScalarStyle.DoubleQuoted and not YamlDotNet.Core.ScalarStyle.SingleQuoted
        || node is YamlScalarNode { Value: "" };

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode s => $"the value '{Printable.Shown(s.Value ?? "")}'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => node.NodeType.ToString(),
    };

    private static string DescribeJa(YamlNode node) => node switch
    {
        YamlScalarNode s => $"値「{Printable.Shown(s.Value ?? "")}」",
        YamlSequenceNode => "リスト",
        YamlMappingNode => "項目のまとまり",
        _ => node.NodeType.ToString(),
    };
}
