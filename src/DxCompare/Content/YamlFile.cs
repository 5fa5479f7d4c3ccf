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
        var parser = new LimitedParser(new Parser(new StringReader(text)), displayPath);
        try
        {
            // One pass: the tree is built from events that are checked as they are read. YamlStream builds the
            // tree recursively (deep nesting would overflow the stack) and the binder walks every alias again
            // (a few KB of aliases can be millions of values), so the checks stop the parse before either.
            var stream = new YamlStream();
            stream.Load(parser);
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            {
                diagnostics.Add(SourceLocation.StartOf(displayPath), "empty-file", new { });
                return null;
            }
            return stream.Documents[0].RootNode;
        }
        catch (LimitExceeded e)
        {
            diagnostics.Add(e.At, e.Rule, e.Args);
            return null;
        }
        catch (ArgumentException)
        {
            // YamlDotNet's tree builder throws this, not a YamlException, for an event it cannot place: a ':' alone on
            // the last line of a mapping gives a key and then the mapping's end where its value belongs (found by the
            // fuzz test, seed ey9af5Gcieg1). The key is where the ':' stands.
            diagnostics.Add(parser.Previous, "key-missing", new { });
            return null;
        }
        catch (YamlException e)
        {
            var at = new SourceLocation(displayPath, (int)e.Start.Line, (int)e.Start.Column);
            var reason = e.InnerException?.Message ?? e.Message;
            diagnostics.Add(at, "yaml-syntax", new { reason = Clean(reason) });
            return null;
        }
    }

    /// <summary>A content file's problem found while its events are read; the parse stops there.</summary>
    private sealed class LimitExceeded(SourceLocation at, string rule, object args) : Exception(rule)
    {
        public SourceLocation At { get; } = at;
        public string Rule { get; } = rule;
        public object Args { get; } = args;
    }

    /// <summary>One document, at most <see cref="ContentLimits.MaxDepth"/> levels and <see cref="ContentLimits.MaxNodes"/> values once aliases are expanded.</summary>
    private sealed class LimitedParser(IParser parser, string displayPath) : IParser
    {
        private readonly Stack<(string? Anchor, long Start)> _open = new();
        private readonly Dictionary<string, long> _anchorSizes = new(StringComparer.Ordinal);
        private long _nodes;
        private int _documents;
        private bool _aliases;
        private SourceLocation _last = new(displayPath, 1, 1);
        private SourceLocation _start = new(displayPath, 1, 1);

        /// <summary>Where the event before the current one starts.</summary>
        public SourceLocation Previous { get; private set; } = new(displayPath, 1, 1);

        public ParsingEvent? Current => parser.Current;

        public bool MoveNext()
        {
            try
            {
                if (!parser.MoveNext()) return false;
            }
            catch (InvalidOperationException)
            {
                // YamlDotNet's scanner throws this instead of a YamlException for some broken input (an unclosed '['
                // before the end of the text; aaubry/YamlDotNet#541 is the same class). Found by the fuzz test.
                throw new LimitExceeded(_last, "unclosed-bracket", new { });
            }
            Check(parser.Current!);
            return true;
        }

        private void Check(ParsingEvent current)
        {
            _last = new SourceLocation(displayPath, (int)current.End.Line, (int)current.End.Column);
            var at = new SourceLocation(displayPath, (int)current.Start.Line, (int)current.Start.Column);
            Previous = _start;
            _start = at;
            switch (current)
            {
                case DocumentStart when ++_documents > 1:
                    throw new LimitExceeded(at, "second-document", new { });
                case Scalar scalar:
                    _nodes++;
                    if (!scalar.Anchor.IsEmpty) _anchorSizes[scalar.Anchor.Value] = 1;
                    break;
                case AnchorAlias alias:
                    _aliases = true;
                    _nodes += _anchorSizes.GetValueOrDefault(alias.Value.Value, 1);
                    break;
                case NodeEvent collection and (MappingStart or SequenceStart):
                    _nodes++;
                    _open.Push((collection.Anchor.IsEmpty ? null : collection.Anchor.Value, _nodes));
                    if (_open.Count > ContentLimits.MaxDepth)
                        throw new LimitExceeded(at, "too-deep", new { max = ContentLimits.MaxDepth });
                    break;
                case MappingEnd or SequenceEnd:
                    var (anchor, start) = _open.Pop();
                    if (anchor is not null) _anchorSizes[anchor] = _nodes - start + 1;
                    break;
            }
            if (_nodes > ContentLimits.MaxNodes)
            {
                throw new LimitExceeded(at, _aliases ? "alias-expansion" : "too-many-values", new { max = ContentLimits.MaxNodes.ToString("N0", CultureInfo.InvariantCulture) });
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
