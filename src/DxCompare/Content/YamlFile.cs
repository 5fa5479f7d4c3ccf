using System.Text;
using System.Text.Unicode;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DxCompare.Content;

/// <summary>Reads one content file: checks it is UTF-8 and YAML before anything looks at its meaning.</summary>
public static class YamlFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string? ReadUtf8(string path, string displayPath, DiagnosticBag diagnostics)
    {
        var bytes = File.ReadAllBytes(path);
        if (Utf8.IsValid(bytes))
        {
            var text = StrictUtf8.GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        var (line, column) = FirstInvalidUtf8(bytes);
        diagnostics.Add(new SourceLocation(displayPath, line, column),
            "the file is not valid UTF-8 (it may be Shift_JIS or another legacy encoding). Save it as UTF-8, e.g. `iconv -f SHIFT_JIS -t UTF-8`, or re-save it as UTF-8 in your editor.");
        return null;
    }

    public static YamlNode? Parse(string text, string displayPath, DiagnosticBag diagnostics)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            {
                diagnostics.Add(SourceLocation.StartOf(displayPath), "the file is empty. It must be a YAML mapping of fields (key: value).");
                return null;
            }
            return stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            var at = new SourceLocation(displayPath, (int)e.Start.Line, (int)e.Start.Column);
            var reason = e.InnerException?.Message ?? e.Message;
            diagnostics.Add(at, $"this is not valid YAML: {Clean(reason)} Check indentation (spaces, not tabs), that every key ends with ': ', and quote text that starts with a special character (* & ! % @ ※).");
            return null;
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
