using System.Globalization;
using System.Text;
using DxCompare.Content;

namespace DxCompare.Sheets;

/// <summary>Where a YAML value came from in the workbook: a cell, or a whole row.</summary>
public sealed record CellOrigin(string Sheet, int Row, int Column = 0)
{
    public string Reference => Column > 0 ? CellRef.Of(Row, Column) : $"{Row.ToString(CultureInfo.InvariantCulture)}:{Row.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>
/// A record read from the workbook but not yet bound: its fields as YAML text with the cell each came from.
/// It is written as YAML and bound by the same <see cref="YamlBinder"/> and <see cref="PlanRules"/> as a plan
/// file, and every position in that YAML leads back to its cell.
/// </summary>
public sealed class CellNode(Type type, CellOrigin origin)
{
    public Type Type { get; } = type;
    public CellOrigin Origin { get; } = origin;
    public Dictionary<string, object> Fields { get; } = new(StringComparer.Ordinal);

    public void Scalar(string field, string text, CellOrigin at) => Fields[field] = new CellScalar(text, at);

    public List<CellNode> List(string field)
    {
        if (Fields.TryGetValue(field, out var existing) && existing is List<CellNode> list) return list;
        list = [];
        Fields[field] = list;
        return list;
    }

    public CellNode Child(string field, Type type, CellOrigin origin)
    {
        if (Fields.TryGetValue(field, out var existing) && existing is CellNode node) return node;
        node = new CellNode(type, origin);
        Fields[field] = node;
        return node;
    }

    /// <summary>The key other rows name this record by: its id, or its number.</summary>
    public string? Key => (Fields.GetValueOrDefault("id") ?? Fields.GetValueOrDefault("number")) is CellScalar s ? s.Text : null;
}

public sealed record CellScalar(string Text, CellOrigin At);

public sealed record CellTextList(IReadOnlyList<CellScalar> Items);

/// <summary>Writes a <see cref="CellNode"/> tree as YAML (every scalar double-quoted) and remembers where each line came from.</summary>
public sealed class CellYaml
{
    private readonly StringBuilder _text = new();
    private readonly Dictionary<(int Line, int Column), CellOrigin> _origins = [];
    private readonly SortedDictionary<int, CellOrigin> _rows = [];
    private readonly Dictionary<(int Line, int Column), CellOrigin> _mappings = [];
    private int _line = 1;

    public string Text => _text.ToString();

    public static CellYaml Of(CellNode root)
    {
        var yaml = new CellYaml();
        yaml.Mapping(root, 0, null);
        return yaml;
    }

    /// <summary>The cell a position in the YAML came from: the exact value, else the row being written there.</summary>
    public CellOrigin? OriginOf(int line, int column)
    {
        if (_mappings.TryGetValue((line, column), out var mapping)) return mapping;
        if (_origins.TryGetValue((line, column), out var origin)) return origin;
        var onLine = _origins.Where(o => o.Key.Line == line).Select(o => o.Value).FirstOrDefault();
        if (onLine is not null) return onLine;
        var row = _rows.Keys.Where(l => l <= line).DefaultIfEmpty(0).Max();
        return row > 0 ? _rows[row] : null;
    }

    private void Mapping(CellNode node, int indent, string? firstPrefix)
    {
        var first = true;
        if (node.Fields.Count == 0)
        {
            _rows[_line] = node.Origin;
            Line((firstPrefix ?? new string(' ', indent)) + "{}");
            return;
        }
        foreach (var (name, value) in node.Fields)
        {
            var prefix = first && firstPrefix is not null ? firstPrefix : new string(' ', indent);
            if (first)
            {
                _rows[_line] = node.Origin;
                _mappings[(_line, prefix.Length + 1)] = node.Origin;
            }
            first = false;
            switch (value)
            {
                case CellScalar scalar:
                    _origins[(_line, prefix.Length + name.Length + 3)] = scalar.At;
                    Line($"{prefix}{name}: {Quote(scalar.Text)}");
                    break;
                case CellTextList list:
                    Line($"{prefix}{name}:");
                    foreach (var item in list.Items)
                    {
                        _origins[(_line, indent + 5)] = item.At;
                        Line($"{new string(' ', indent + 2)}- {Quote(item.Text)}");
                    }
                    if (list.Items.Count == 0) Line($"{new string(' ', indent + 2)}[]");
                    break;
                case CellNode child:
                    Line($"{prefix}{name}:");
                    Mapping(child, indent + 2, null);
                    break;
                case List<CellNode> items:
                    if (items.Count == 0)
                    {
                        Line($"{prefix}{name}: []");
                        break;
                    }
                    Line($"{prefix}{name}:");
                    foreach (var item in items) Mapping(item, indent + 4, new string(' ', indent + 2) + "- ");
                    break;
                default:
                    break;
            }
        }
    }

    private void Line(string text)
    {
        _text.Append(text).Append('\n');
        _line++;
    }

    /// <summary>A YAML double-quoted scalar: only backslash, quote and control characters are escaped.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when char.IsControl(c) => $"\\x{(int)c:X2}",
                _ => c.ToString(),
            });
        }
        return builder.Append('"').ToString();
    }
}
