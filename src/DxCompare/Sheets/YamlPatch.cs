using System.Collections;
using DxCompare.Content;
using DxCompare.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace DxCompare.Sheets;

/// <summary>
/// Applies a changed plan to its existing YAML file as text edits, leaving every byte the change does not
/// touch as it was: comments, key order, quoting, flow or block style, blank lines. The file is bound once to
/// pair each YAML node with the model record it made; the new plan is compared with the old one field by
/// field (<see cref="ModelEquality"/>), and only fields and list items that differ are rewritten, inserted or
/// removed, rendered by <see cref="YamlWriter"/> in the style of their siblings. An unchanged plan gives the
/// file back byte for byte.
/// </summary>
public sealed class YamlPatch
{
    private readonly string _text;
    private readonly int[] _lineStarts;
    private readonly List<(int Start, int End, string Text)> _edits = [];

    private YamlPatch(string text)
    {
        _text = text;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++) if (text[i] == '\n') starts.Add(i + 1);
        _lineStarts = [.. starts];
    }

    public static string Apply(string original, Plan plan, string path)
    {
        var diagnostics = new DiagnosticBag();
        var root = YamlFile.Parse(original, path, diagnostics);
        var old = root is null ? null : new YamlBinder(path, diagnostics, new SourceMap()).Bind<Plan>(root);
        if (root is not YamlMappingNode mapping || old is null || diagnostics.HasErrors) return YamlWriter.Write(plan);
        var patch = new YamlPatch(original);
        patch.Mapping(mapping, old, plan);
        return patch.Result();
    }

    private string Result()
    {
        var text = _text;
        // Last edit first; of two insertions at one place, the later one first, so they end up in order.
        foreach (var (start, end, replacement) in _edits.Select((e, i) => (e, i)).OrderByDescending(x => x.e.Start).ThenByDescending(x => x.i).Select(x => x.e))
            text = string.Concat(text.AsSpan(0, start), replacement, text.AsSpan(end));
        return text;
    }

    private int Offset(Mark mark) => _lineStarts[(int)mark.Line - 1] + (int)mark.Column - 1;

    private int LineOf(int offset)
    {
        var index = Array.BinarySearch(_lineStarts, offset);
        return index >= 0 ? index : ~index - 1;
    }

    private int LineEnd(int line) => line + 1 < _lineStarts.Length ? _lineStarts[line + 1] - 1 : _text.Length;

    /// <summary>Where the text of a node ends, without the blank lines and the indentation of what follows.</summary>
    private int ContentEnd(YamlNode node)
    {
        var end = node switch
        {
            YamlMappingNode { Style: not MappingStyle.Flow } m when m.Children.Count > 0 => ContentEnd(m.Children.Last().Value),
            YamlSequenceNode { Style: not SequenceStyle.Flow } s when s.Children.Count > 0 => ContentEnd(s.Children.Last()),
            YamlMappingNode or YamlSequenceNode => FlowEnd(node),
            _ => Offset(node.End),
        };
        var start = Offset(node.Start);
        while (end > start && char.IsWhiteSpace(_text[end - 1])) end--;
        return end;
    }

    /// <summary>The end of a flow collection, after its closing bracket, found by scanning (the parser's end mark is not reliable for flow nodes).</summary>
    private int FlowEnd(YamlNode node)
    {
        var depth = 0;
        for (var i = Offset(node.Start); i < _text.Length; i++)
        {
            switch (_text[i])
            {
                case '"':
                    for (i++; i < _text.Length && _text[i] != '"'; i++) if (_text[i] == '\\') i++;
                    break;
                case '\'':
                    for (i++; i < _text.Length && !(_text[i] == '\'' && (i + 1 >= _text.Length || _text[i + 1] != '\'')); i++) if (_text[i] == '\'') i++;
                    break;
                case '{' or '[':
                    depth++;
                    break;
                case '}' or ']':
                    if (--depth == 0) return i + 1;
                    break;
                default:
                    break;
            }
        }
        return Offset(node.End);
    }

    private static int Indent(YamlNode node) => (int)node.Start.Column - 1;

    private void Mapping(YamlMappingNode node, object old, object updated)
    {
        var flow = node.Style == MappingStyle.Flow;
        if (flow)
        {
            if (!ModelEquality.Equal(old, updated, gridAsSet: true))
                _edits.Add((Offset(node.Start), FlowEnd(node), YamlWriter.FlowMapping(updated)));
            return;
        }
        var fields = ModelCatalog.FieldsOf(updated.GetType());
        var entries = node.Children.Where(c => c.Key is YamlScalarNode).ToDictionary(c => ((YamlScalarNode)c.Key).Value ?? "", c => c, StringComparer.Ordinal);
        var indent = Indent(node);
        KeyValuePair<YamlNode, YamlNode>? previous = null;
        foreach (var field in fields)
        {
            var before = field.Property.GetValue(old);
            var after = field.Property.GetValue(updated);
            entries.TryGetValue(field.Name, out var entry);
            var present = entry.Key is not null;
            if (ModelEquality.Equal(before, after, gridAsSet: true))
            {
                if (present) previous = entry;
                continue;
            }
            if (!present)
            {
                // A field the file does not have yet: a new line after the field before it in model order.
                var anchor = previous ?? node.Children.Last();
                var at = LineEnd(LineOf(ContentEnd(anchor.Value)));
                _edits.Add((at, at, "\n" + new string(' ', indent) + field.Name + ":" + YamlWriter.RenderValue(after!, field, indent, flow: false)));
                continue;
            }
            previous = entry;
            if (ModelEquality.IsEmpty(after))
            {
                Remove(entry, node);
                continue;
            }
            Value(entry, field, before, after!, indent);
        }
    }

    /// <summary>Removes a "key: value" entry; the first key of a list item keeps its "- " and takes the next key up.</summary>
    private void Remove(KeyValuePair<YamlNode, YamlNode> entry, YamlMappingNode owner)
    {
        var keyStart = Offset(entry.Key.Start);
        var end = ContentEnd(entry.Value);
        var line = LineOf(keyStart);
        var onItemLine = _text.AsSpan(_lineStarts[line], keyStart - _lineStarts[line]).Trim().StartsWith("-");
        if (onItemLine)
        {
            var next = owner.Children.SkipWhile(c => c.Key != entry.Key).Skip(1).FirstOrDefault();
            if (next.Key is null) _edits.Add((keyStart, end, "{}"));
            else _edits.Add((keyStart, Offset(next.Key.Start), ""));
            return;
        }
        _edits.Add((_lineStarts[line], Math.Min(_text.Length, LineEnd(LineOf(end)) + 1), ""));
    }

    private void Value(KeyValuePair<YamlNode, YamlNode> entry, FieldSpec field, object? before, object after, int indent)
    {
        var node = entry.Value;
        switch (field.Shape)
        {
            case FieldShape.Object when node is YamlMappingNode mapping && before is not null:
                Mapping(mapping, before, after);
                return;
            case FieldShape.ObjectList when node is YamlSequenceNode { Style: not SequenceStyle.Flow } sequence && before is not null && sequence.Children.Count > 0:
                List(sequence, field, ((IEnumerable)before).Cast<object>().ToList(), ((IEnumerable)after).Cast<object>().ToList());
                return;
            case FieldShape.TextList when node is YamlSequenceNode { Style: SequenceStyle.Flow }:
                var texts = (IReadOnlyList<string>)after;
                _edits.Add((Offset(node.Start), FlowEnd(node), "[" + string.Join(", ", texts.Select(t => YamlWriter.PlainSafe(t, flow: true) ? t : YamlWriter.Quoted(t))) + "]"));
                return;
            case FieldShape.Object or FieldShape.ObjectList or FieldShape.TextList:
                _edits.Add((Offset(entry.Key.End), ContentEnd(node), YamlWriter.RenderValue(after, field, indent, flow: false)));
                return;
            default:
                Scalar((YamlScalarNode)node, field, after, indent);
                return;
        }
    }

    private void Scalar(YamlScalarNode node, FieldSpec field, object after, int indent)
    {
        var text = YamlWriter.ScalarText(after, field);
        var rendered = node.Style switch
        {
            ScalarStyle.DoubleQuoted when !text.Contains('\n', StringComparison.Ordinal) => YamlWriter.Quoted(text),
            ScalarStyle.SingleQuoted when !text.Contains('\n', StringComparison.Ordinal) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'",
            _ => YamlWriter.Scalar(text, indent + 2, flow: false, field.Shape == FieldShape.Text),
        };
        _edits.Add((Offset(node.Start), ContentEnd(node), rendered));
    }

    /// <summary>
    /// A list: items equal in both stay as they are (in the file's order); changed items are patched in place,
    /// new ones inserted after their predecessor, removed ones deleted. The fiscal-year values are matched by
    /// year and kind, since the workbook's grid does not keep their order.
    /// </summary>
    private void List(YamlSequenceNode sequence, FieldSpec field, List<object> before, List<object> after)
    {
        var nodes = sequence.Children.Where(c => c is not YamlScalarNode { Value: null or "" }).ToList();
        if (nodes.Count != before.Count)
        {
            _edits.Add((Offset(sequence.Start), ContentEnd(sequence), YamlWriter.RenderValue(after, field, Indent(sequence) - 2, flow: false).TrimStart('\n').TrimStart()));
            return;
        }
        var matched = Match(field, before, after);
        var indent = Indent(sequence);
        var flow = nodes.Count > 0 && nodes.All(n => n is YamlMappingNode { Style: MappingStyle.Flow });
        int? lastOld = null;
        for (var j = 0; j < after.Count; j++)
        {
            if (matched.TryGetValue(j, out var i))
            {
                if (nodes[i] is YamlMappingNode mapping) Mapping(mapping, before[i], after[j]);
                else if (!ModelEquality.Equal(before[i], after[j]))
                    _edits.Add((Offset(nodes[i].Start), ContentEnd(nodes[i]), YamlWriter.RenderItem(after[j], 0, flow)[2..]));
                lastOld = i;
                continue;
            }
            var anchor = lastOld is { } k ? nodes[k] : null;
            var rendered = YamlWriter.RenderItem(after[j], indent, flow);
            if (anchor is null)
            {
                var first = _lineStarts[LineOf(Offset(nodes[0].Start))];
                _edits.Add((first, first, rendered + "\n"));
            }
            else
            {
                var at = LineEnd(LineOf(ContentEnd(anchor)));
                _edits.Add((at, at, "\n" + rendered));
            }
        }
        foreach (var i in Enumerable.Range(0, nodes.Count).Where(i => !matched.ContainsValue(i)))
        {
            var start = _lineStarts[LineOf(Offset(nodes[i].Start))];
            var end = Math.Min(_text.Length, LineEnd(LineOf(ContentEnd(nodes[i]))) + 1);
            _edits.Add((start, end, ""));
        }
    }

    /// <summary>New index → old index: equal items first, then items with the same identity (year and kind, or number), then by position.</summary>
    private static Dictionary<int, int> Match(FieldSpec field, List<object> before, List<object> after)
    {
        var result = new Dictionary<int, int>();
        var used = new HashSet<int>();
        var unordered = YamlWriter.FlowItems(field);
        // Equal items, in order (a longest common subsequence would also do; plans rarely reorder).
        var start = 0;
        for (var j = 0; j < after.Count; j++)
        {
            for (var i = unordered ? 0 : start; i < before.Count; i++)
            {
                if (used.Contains(i) || !ModelEquality.Equal(before[i], after[j])) continue;
                result[j] = i;
                used.Add(i);
                start = i + 1;
                break;
            }
        }
        var identity = ModelCatalog.FieldsOf(field.ElementType).Where(f => f.Required && f.Shape is FieldShape.Integer or FieldShape.Enum).ToList();
        for (var j = 0; j < after.Count; j++)
        {
            if (result.ContainsKey(j) || identity.Count == 0) continue;
            for (var i = 0; i < before.Count; i++)
            {
                if (used.Contains(i) || !identity.All(f => Equals(f.Property.GetValue(before[i]), f.Property.GetValue(after[j])))) continue;
                result[j] = i;
                used.Add(i);
                break;
            }
        }
        return result;
    }
}
