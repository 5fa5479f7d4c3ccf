using System.Globalization;
using System.Text;

namespace DxCompare.Content;

/// <summary>
/// How large content may be. Each limit is far above any real plan (the largest, taito.yml, is 77 KB with
/// 38 initiatives, about 4,000 values and 8 levels of nesting) and low enough that validating the worst
/// file takes a bounded time and memory. docs/content-format.md lists them; exceeding one is a located error.
/// </summary>
public static class ContentLimits
{
    /// <summary>Bytes per content file.</summary>
    public const int MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>Levels of nested mappings and lists in one file.</summary>
    public const int MaxDepth = 40;

    /// <summary>Values in one file, counting what each YAML alias (*name) repeats.</summary>
    public const int MaxNodes = 500_000;

    /// <summary>Items in one list (initiatives of a pillar, values of an indicator, topics …).</summary>
    public const int MaxListItems = 10_000;

    /// <summary>Files in plans/ and in pages/.</summary>
    public const int MaxFiles = 20_000;

    /// <summary>Largest magnitude of a number (one quadrillion: yen budgets stay far below).</summary>
    public const decimal MaxNumber = 1_000_000_000_000_000m;

    /// <summary>Digits after the decimal point.</summary>
    public const int MaxDecimals = 6;
}

/// <summary>Text from a file as it may appear in a message: control characters made visible, long text cut.</summary>
public static class Printable
{
    public static string Shown(string text, int max = 80)
    {
        var builder = new StringBuilder();
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        var count = 0;
        while (enumerator.MoveNext())
        {
            if (++count > max)
            {
                builder.Append(CultureInfo.InvariantCulture, $"… ({text.Length:N0} characters)");
                break;
            }
            var element = enumerator.GetTextElement();
            if (element.Length == 1 && IsUnprintable(element[0])) builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)element[0]:X4}");
            else builder.Append(element);
        }
        return builder.ToString();
    }

    /// <summary>The index of the first character that no page, file name or message should carry, or -1.</summary>
    public static int FirstUnprintable(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var length) != System.Buffers.OperationStatus.Done) return i;
            if (IsUnprintable(rune) && rune.Value is not '\n' and not '\t') return i;
            i += length;
        }
        return -1;
    }

    /// <summary>The code point at <paramref name="index"/> (a lone surrogate as itself).</summary>
    public static int CodePointAt(string text, int index) =>
        Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out _) == System.Buffers.OperationStatus.Done ? rune.Value : text[index];

    /// <summary>Control characters and Unicode noncharacters (U+FDD0–U+FDEF, U+FFFE, U+FFFF and their kin in every plane).</summary>
    private static bool IsUnprintable(Rune rune) =>
        Rune.IsControl(rune) || rune.Value is >= 0xFDD0 and <= 0xFDEF || (rune.Value & 0xFFFE) == 0xFFFE;

    private static bool IsUnprintable(char c) => char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF';
}
