using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DxCompare.Content;
using DxCompare.Model;

namespace DxCompare.Sheets;

/// <summary>
/// The canonical YAML form of a plan, written from the model by <see cref="ModelCatalog"/>: fields in model order,
/// empty fields left out, two-space indentation, multi-line text as literal blocks, lists of ids and the
/// fiscal-year values as one-line flow collections (as taito.yml writes them), numbers with the precision the
/// plan printed. <see cref="YamlPatch"/> uses the same renderings for the parts of a file it changes.
/// </summary>
public static partial class YamlWriter
{
    public const string SchemaComment = "# yaml-language-server: $schema=../schema/plan.schema.json";

    public static string Write(Plan plan)
    {
        var builder = new StringBuilder(SchemaComment).Append('\n');
        foreach (var line in MappingLines(plan, 0)) builder.Append(line).Append('\n');
        return builder.ToString();
    }

    /// <summary>The lines of a record's fields at an indentation.</summary>
    public static IEnumerable<string> MappingLines(object record, int indent)
    {
        foreach (var field in ModelCatalog.FieldsOf(record.GetType()))
        {
            var value = field.Property.GetValue(record);
            if (ModelEquality.IsEmpty(value)) continue;
            var rendered = RenderValue(value!, field, indent, flow: false);
            var lines = ($"{new string(' ', indent)}{field.Name}:" + rendered).Split('\n');
            foreach (var line in lines) yield return line;
        }
    }

    /// <summary>What follows "key:" for a value: " 40", " [a, b]", " |\n    text", or "\n  - …" lines (no final newline).</summary>
    public static string RenderValue(object value, FieldSpec field, int indent, bool flow)
    {
        switch (field.Shape)
        {
            case FieldShape.Object:
                return "\n" + string.Join("\n", MappingLines(value, indent + 2));
            case FieldShape.ObjectList:
                var items = ((IEnumerable)value).Cast<object>().ToList();
                if (items.Count == 0) return " []";
                return "\n" + string.Join("\n", items.Select(item => RenderItem(item, indent + 2, FlowItems(field))));
            case FieldShape.TextList:
                var texts = (IReadOnlyList<string>)value;
                if (texts.All(t => PlainSafe(t, flow: true) && !LooksTyped(t))) return $" [{string.Join(", ", texts)}]";
                if (flow) return $" [{string.Join(", ", texts.Select(Quoted))}]";
                return "\n" + string.Join("\n", texts.Select(t => $"{new string(' ', indent + 2)}- {Scalar(t, indent + 4, flow: false, isText: true)}"));
            default:
                return " " + Scalar(ScalarText(value, field), indent + 2, flow, field.Shape == FieldShape.Text);
        }
    }

    /// <summary>The fiscal-year grid's values are written one per line: {fy: 2026, type: target, value: 27}.</summary>
    public static bool FlowItems(FieldSpec field) => field.CmsWidget is not null && FlowSafe(field.ElementType);

    private static bool FlowSafe(Type type) =>
        ModelCatalog.FieldsOf(type).All(f => f.Shape is not (FieldShape.Object or FieldShape.ObjectList));

    /// <summary>A list item: "- key: value" lines at an indentation, or "- {key: value, …}".</summary>
    public static string RenderItem(object item, int indent, bool flow)
    {
        var pad = new string(' ', indent);
        if (flow) return $"{pad}- {FlowMapping(item)}";
        var lines = MappingLines(item, indent + 2).ToList();
        if (lines.Count == 0) return $"{pad}- {{}}";
        lines[0] = pad + "- " + lines[0][(indent + 2)..];
        return string.Join("\n", lines);
    }

    public static string FlowMapping(object record)
    {
        var parts = ModelCatalog.FieldsOf(record.GetType())
            .Select(f => (f, value: f.Property.GetValue(record)))
            .Where(p => !ModelEquality.IsEmpty(p.value))
            .Select(p => $"{p.f.Name}:{RenderValue(p.value!, p.f, 0, flow: true)}");
        return "{" + string.Join(", ", parts) + "}";
    }

    public static string ScalarText(object value, FieldSpec field) => value switch
    {
        bool b => b ? "true" : "false",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        Enum e => ModelCatalog.YamlName(e.ToString()),
        _ => (string)value,
    };

    /// <summary>A scalar as plain text when YAML reads it back unchanged, a literal block for several lines, else double-quoted.</summary>
    public static string Scalar(string text, int indent, bool flow, bool isText = false)
    {
        if (text.Contains('\n', StringComparison.Ordinal) && !flow && LiteralSafe(text))
        {
            var body = text.EndsWith("\n\n", StringComparison.Ordinal) ? text[..^1] : text.TrimEnd('\n');
            var chomp = text.EndsWith("\n\n", StringComparison.Ordinal) ? "+" : text.EndsWith('\n') ? "" : "-";
            var pad = new string(' ', indent);
            return "|" + chomp + "\n" + string.Join("\n", body.Split('\n').Select(l => l.Length == 0 ? "" : pad + l));
        }
        if (!isText) return text;
        return PlainSafe(text, flow) && !LooksTyped(text) ? text : Quoted(text);
    }

    public static string Quoted(string text) => CellYaml.Quote(text);

    private static bool LiteralSafe(string text) =>
        !text.StartsWith(' ') && !text.StartsWith('\n') && !text.Any(c => char.IsControl(c) && c != '\n')
        && !text.Split('\n').Any(l => l.Length > 0 && l.TrimEnd().Length == 0);

    /// <summary>Whether a plain scalar reads back as exactly this string.</summary>
    public static bool PlainSafe(string text, bool flow)
    {
        if (text.Length == 0 || text != text.Trim() || text.Any(char.IsControl)) return false;
        if ("-?:,[]{}#&*!|>'\"%@`※".Contains(text[0], StringComparison.Ordinal)) return false;
        if (text.Contains(": ", StringComparison.Ordinal) || text.Contains(" #", StringComparison.Ordinal) || text.EndsWith(':')) return false;
        if (flow && text.IndexOfAny([',', '[', ']', '{', '}']) >= 0) return false;
        return !Special().IsMatch(text);
    }

    /// <summary>Text that YAML would read as a number, boolean, null or date if written plain.</summary>
    private static bool LooksTyped(string text) => NumberLike().IsMatch(text);

    [GeneratedRegex(@"^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N)$")]
    private static partial Regex Special();

    [GeneratedRegex(@"^[-+]?(\d[\d_]*(\.\d*)?([eE][-+]?\d+)?|\.\d+|0x[0-9a-fA-F]+|0o[0-7]+|\.inf|\.nan)$|^\d{4}-\d{2}-\d{2}")]
    private static partial Regex NumberLike();
}
