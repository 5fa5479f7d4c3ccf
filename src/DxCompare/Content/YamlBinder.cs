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

    public T? Bind<T>(YamlNode root) where T : class, new() => BindObject(root, typeof(T), "document") as T;

    private SourceLocation At(YamlNode node) => new(file, (int)node.Start.Line, (int)node.Start.Column);

    private object? BindObject(YamlNode node, Type type, string what)
    {
        if (node is not YamlMappingNode mapping)
        {
            var expected = string.Join(", ", ModelCatalog.FieldsOf(type).Where(f => f.Required).Select(f => f.Name));
            diagnostics.Add(At(node), $"{what} must be a mapping of fields (key: value), found {Describe(node)}. Expected fields such as: {expected}.");
            return null;
        }

        var fields = ModelCatalog.FieldsOf(type);
        var instance = Activator.CreateInstance(type)!;
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var rejected = new HashSet<string>(StringComparer.Ordinal);

        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var field = fields.FirstOrDefault(f => f.Name == key);
            if (field is null)
            {
                diagnostics.Add(At(keyNode), UnknownField(key, type, fields));
                continue;
            }
            seen[key] = At(valueNode);
            if (IsBlank(valueNode))
            {
                if (field.Required && !Draft) diagnostics.Add(At(valueNode), $"'{key}' ({field.Label}) is required but empty. {HowToFill(field)}");
                continue;
            }
            var value = BindField(valueNode, field);
            if (value is not null) field.Property.SetValue(instance, value);
            else rejected.Add(key);
        }

        foreach (var missing in fields.Where(f => f.Required && !Draft && !seen.ContainsKey(f.Name)))
        {
            diagnostics.Add(At(node), $"missing required field '{missing.Name}' ({missing.Label}) in {what}. {HowToFill(missing)}");
        }

        sourceMap.Record(instance, At(node), seen, rejected);
        return instance;
    }

    private object? BindField(YamlNode node, FieldSpec field) => field.Shape switch
    {
        FieldShape.Object => BindObject(node, field.ElementType, $"'{field.Name}' ({field.Label})"),
        FieldShape.ObjectList => BindList(node, field, item => BindObject(item, field.ElementType, $"an item of '{field.Name}' ({field.Label})")),
        FieldShape.TextList => BindList(node, field, item => BindScalar(item, field, FieldShape.Text)),
        _ => BindScalar(node, field, field.Shape),
    };

    private object? BindList(YamlNode node, FieldSpec field, Func<YamlNode, object?> bindItem)
    {
        if (node is not YamlSequenceNode sequence)
        {
            diagnostics.Add(At(node), $"'{field.Name}' ({field.Label}) must be a list (items starting with '- '), found {Describe(node)}.");
            return null;
        }
        if (sequence.Children.Count > ContentLimits.MaxListItems)
        {
            diagnostics.Add(At(node), $"'{field.Name}' ({field.Label}) has {sequence.Children.Count:N0} items; a list may have at most {ContentLimits.MaxListItems:N0}. Split the content, or check that the list was not repeated by mistake.");
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
            diagnostics.Add(At(node), $"'{field.Name}' ({field.Label}) must be a single value, found {Describe(node)}.");
            return null;
        }
        var text = scalar.Value ?? "";
        var at = At(node);
        // First, for every kind of value: such characters break pages and downloads, and string.Normalize throws on them.
        if (Printable.FirstUnprintable(text) is var bad and >= 0)
        {
            diagnostics.Add(at, Unprintable(text, bad, $"'{field.Name}' ({field.Label})"));
            return null;
        }
        switch (shape)
        {
            case FieldShape.Text:
                return CheckText(text, at, field);
            case FieldShape.Integer:
                if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)) return CheckRange(integer, at, field);
                diagnostics.Add(at, NotAnInteger(text, field));
                return null;
            case FieldShape.Number:
                if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)) return CheckNumber(number, text, at, field);
                diagnostics.Add(at, NotANumber(text, field));
                return null;
            case FieldShape.Boolean:
                if (text is "true" or "false") return text == "true";
                diagnostics.Add(at, $"'{field.Name}' ({field.Label}) must be true or false, found '{Printable.Shown(text)}'.");
                return null;
            case FieldShape.Enum:
                var names = ModelCatalog.EnumNames(field.ElementType);
                var index = names.ToList().IndexOf(text);
                if (index >= 0) return Enum.GetValues(field.ElementType).GetValue(index);
                diagnostics.Add(at, $"'{field.Name}' ({field.Label}) must be one of {string.Join(", ", names)}, found '{Printable.Shown(text)}'.{Suggest(text, names)}");
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
            diagnostics.Add(at, halfWidth != text && pattern.Matches(halfWidth)
                ? $"'{field.Name}' ({field.Label}) must be written in half-width characters, found '{Printable.Shown(text)}'. Write '{halfWidth}'."
                : $"'{field.Name}' ({field.Label}) must be {pattern.Expected}, found '{Printable.Shown(text)}'.");
            return null;
        }
        return text;
    }

    /// <summary>A control character (from a PDF copy, a terminal, a binary file) that no page or download may carry.</summary>
    internal static string Unprintable(string text, int index, string what)
    {
        var before = text[..index];
        var context = before[(before.LastIndexOf('\n') + 1)..];
        var where = context.Length > 0 ? $" after '{Printable.Shown(context[Math.Max(0, context.Length - 20)..])}'" : before.Length > 0 ? " at the start of a line" : " at the start";
        var kind = char.IsControl(text[index]) ? "control character" : "character";
        return $"{what} contains the invisible {kind} U+{Printable.CodePointAt(text, index):X4}{where}. Delete it (it often comes from copying out of a PDF); retype the text around it if unsure.";
    }

    private decimal? CheckNumber(decimal number, string text, SourceLocation at, FieldSpec field)
    {
        if (Math.Abs(number) > ContentLimits.MaxNumber)
        {
            diagnostics.Add(at, $"'{field.Name}' ({field.Label}) is {text}, more than the largest number a plan may hold ({ContentLimits.MaxNumber:N0}). Check the value; write large amounts in a larger unit (千円, 億円).");
            return null;
        }
        if (number.Scale > ContentLimits.MaxDecimals)
        {
            diagnostics.Add(at, $"'{field.Name}' ({field.Label}) has {number.Scale} digits after the decimal point, found {text}; at most {ContentLimits.MaxDecimals} are kept. Round it as the plan publishes it.");
            return null;
        }
        return number;
    }

    private int? CheckRange(int value, SourceLocation at, FieldSpec field)
    {
        if (field.FiscalYear is not null && value is < FiscalYear.Earliest or > FiscalYear.Latest)
        {
            diagnostics.Add(at, $"'{field.Name}' ({field.Label}) must be a Gregorian fiscal year such as 2026, found {value}.");
            return null;
        }
        if (field.Range is { } range && (value < range.Min || value > range.Max))
        {
            diagnostics.Add(at, $"'{field.Name}' ({field.Label}) must be between {range.Min} and {range.Max}, found {value}.");
            return null;
        }
        return value;
    }

    private static string NotAnInteger(string text, FieldSpec field)
    {
        var halfWidth = text.Normalize(System.Text.NormalizationForm.FormKC).Trim();
        if (halfWidth != text && int.TryParse(halfWidth, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var plain))
            return $"'{field.Name}' ({field.Label}) must be written in half-width digits, found '{Printable.Shown(text)}'. Write {plain}.";
        if (field.FiscalYear is not null && FiscalYear.TryParseWareki(text, out var fy))
        {
            return $"'{field.Name}' ({field.Label}) must be a Gregorian fiscal year, found 和暦 '{text}'. Write {fy} ({text} → {fy}).";
        }
        return field.FiscalYear is not null
            ? $"'{field.Name}' ({field.Label}) must be a Gregorian fiscal year such as 2026, found '{Printable.Shown(text)}'."
            : $"'{field.Name}' ({field.Label}) must be a whole number, found '{Printable.Shown(text)}'.";
    }

    private static string NotANumber(string text, FieldSpec field)
    {
        var normalized = text.Normalize(System.Text.NormalizationForm.FormKC).Trim();
        var digits = LeadingNumber().Match(normalized);
        if (digits.Success && digits.Value.Length > 0)
        {
            var plain = digits.Value.Replace(",", "");
            var rest = normalized[digits.Value.Length..].Trim();
            var unitAdvice = rest.Length > 0 ? $" and put the unit '{Printable.Shown(rest)}' in 'unit'" : "";
            return $"'{field.Name}' ({field.Label}) must be a plain number, found '{Printable.Shown(text)}'. Write {plain}{unitAdvice}.";
        }
        // A short word without digits is a status word printed instead of a number (推進, 制定, —).
        return text.Length is > 0 and <= 12 && !text.Any(char.IsDigit) && !text.Any(char.IsWhiteSpace)
            ? $"'{field.Name}' ({field.Label}) must be a number, found the status word '{Printable.Shown(text)}'. Write it as 'status: {text}' instead."
            : $"'{field.Name}' ({field.Label}) must be a number, found '{Printable.Shown(text)}'.";
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

    private static string UnknownField(string key, Type type, IReadOnlyList<FieldSpec> fields)
    {
        var names = fields.Select(f => f.Name).ToList();
        return $"unknown field '{Printable.Shown(key)}'.{Suggest(key, names)} Allowed here: {string.Join(", ", names)}.";
    }

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
}
