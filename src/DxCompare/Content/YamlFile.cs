using System.Globalization;
using System.Text;
using System.Text.Unicode;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace DxCompare.Content;

/// <summary>Reads one content file: checks it is UTF-8 and YAML before anything looks at its meaning.</summary>
public static class YamlFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string? ReadUtf8(string path, string displayPath, DiagnosticBag diagnostics)
    {
        var at = SourceLocation.StartOf(displayPath);
        var size = new FileInfo(path).Length;
        if (size > ContentLimits.MaxFileBytes)
        {
            diagnostics.Add(at, "file-too-large", new { size = size.ToString("N0", CultureInfo.InvariantCulture), max = ContentLimits.MaxFileBytes.ToString("N0", CultureInfo.InvariantCulture) });
            return null;
        }
        var bytes = File.ReadAllBytes(path);
        if (Utf16(bytes) is { } encoding)
        {
            diagnostics.Add(at, "not-utf8-bom", new { encoding });
            return null;
        }
        if (Utf8.IsValid(bytes))
        {
            var text = StrictUtf8.GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        var (line, column) = FirstInvalidUtf8(bytes);
        diagnostics.Add(new SourceLocation(displayPath, line, column), "not-utf8", new { });
        return null;
    }

    /// <summary>UTF-16 or UTF-32 by their byte-order mark, or UTF-16 without one by its zero bytes (every other byte of ASCII text).</summary>
    private static string? Utf16(byte[] bytes)
    {
        ReadOnlySpan<byte> start = bytes;
        if (start.StartsWith((byte[])[0xFF, 0xFE, 0, 0]) || start.StartsWith((byte[])[0, 0, 0xFE, 0xFF])) return "UTF-32";
        if (start.StartsWith((byte[])[0xFF, 0xFE])) return "UTF-16LE";
        if (start.StartsWith((byte[])[0xFE, 0xFF])) return "UTF-16BE";
        var head = start[..Math.Min(start.Length, 512)];
        var zeros = head.Count((byte)0);
        if (head.Length < 2 || zeros * 4 < head.Length) return null;
        var evenZeros = 0;
        for (var i = 0; i < head.Length; i += 2) if (head[i] == 0) evenZeros++;
        return evenZeros * 2 > zeros ? "UTF-16BE" : "UTF-16LE";
    }

    public static YamlNode? Parse(string text, string displayPath, DiagnosticBag diagnostics)
    {
        try
        {
            // The events are checked first: YamlStream builds the tree recursively (deep nesting overflows
            // the stack) and the binder walks every alias again (a few KB of aliases can be millions of values).
            if (!WithinLimits(text, displayPath, diagnostics)) return null;
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            {
                diagnostics.Add(SourceLocation.StartOf(displayPath), "empty-file", new { });
                return null;
            }
            return stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            var at = new SourceLocation(displayPath, (int)e.Start.Line, (int)e.Start.Column);
            var reason = e.InnerException?.Message ?? e.Message;
            diagnostics.Add(at, "yaml-syntax", new { reason = Clean(reason) });
            return null;
        }
    }

    /// <summary>One document, at most <see cref="ContentLimits.MaxDepth"/> levels and <see cref="ContentLimits.MaxNodes"/> values once aliases are expanded.</summary>
    private static bool WithinLimits(string text, string displayPath, DiagnosticBag diagnostics)
    {
        var parser = new Parser(new StringReader(text));
        var open = new Stack<(string? Anchor, long Start)>();
        var anchorSizes = new Dictionary<string, long>(StringComparer.Ordinal);
        long nodes = 0;
        var documents = 0;
        var aliases = false;
        var last = new SourceLocation(displayPath, 1, 1);
        while (true)
        {
            try
            {
                if (!parser.MoveNext()) return true;
            }
            catch (InvalidOperationException)
            {
                // YamlDotNet's scanner throws this instead of a YamlException for some broken input (an unclosed '['
                // before the end of the text; aaubry/YamlDotNet#541 is the same class). Found by the fuzz test.
                diagnostics.Add(last, "unclosed-bracket", new { });
                return false;
            }
            var current = parser.Current!;
            last = new SourceLocation(displayPath, (int)current.End.Line, (int)current.End.Column);
            var at = new SourceLocation(displayPath, (int)current.Start.Line, (int)current.Start.Column);
            switch (current)
            {
                case DocumentStart when ++documents > 1:
                    diagnostics.Add(at, "second-document", new { });
                    return false;
                case Scalar scalar:
                    nodes++;
                    if (!scalar.Anchor.IsEmpty) anchorSizes[scalar.Anchor.Value] = 1;
                    break;
                case AnchorAlias alias:
                    aliases = true;
                    nodes += anchorSizes.GetValueOrDefault(alias.Value.Value, 1);
                    break;
                case NodeEvent collection and (MappingStart or SequenceStart):
                    nodes++;
                    open.Push((collection.Anchor.IsEmpty ? null : collection.Anchor.Value, nodes));
                    if (open.Count > ContentLimits.MaxDepth)
                    {
                        diagnostics.Add(at, "too-deep", new { max = ContentLimits.MaxDepth });
                        return false;
                    }
                    break;
                case MappingEnd or SequenceEnd:
                    var (anchor, start) = open.Pop();
                    if (anchor is not null) anchorSizes[anchor] = nodes - start + 1;
                    break;
            }
            if (nodes > ContentLimits.MaxNodes)
            {
                diagnostics.Add(at, aliases ? "alias-expansion" : "too-many-values", new { max = ContentLimits.MaxNodes.ToString("N0", CultureInfo.InvariantCulture) });
                return false;
            }
        }
    }

    private static string Clean(string message)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(message, @"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", "");
        return text.EndsWith('.') ? text : text + ".";
    }

    private static (int Line, int Column) FirstInvalidUtf8(byte[] bytes)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != (byte)'\n') continue;
            if (!Utf8.IsValid(bytes.AsSpan(lineStart, i - lineStart))) break;
            line++;
            lineStart = i + 1;
        }
        var rest = bytes.AsSpan(lineStart);
        var chars = new char[rest.Length];
        Utf8.ToUtf16(rest, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
        return (line, charsWritten + 1);
    }
}
