namespace DxCompare.Search;

/// <summary>A window of text around the first match, with the matching runs marked. The browser does the same.</summary>
public sealed record Snippet(string Text, IReadOnlyList<(int Start, int Length)> Highlights)
{
    public const int Before = SearchSettings.SnippetBefore;
    public const int Width = SearchSettings.SnippetWidth;

    /// <summary>The text a snippet is cut from (the browser joins a fragment's parts the same way).</summary>
    public static string Source((string Body, string Figures, string Meta) parts, bool figuresFirst) =>
        string.Join(" ", (figuresFirst ? new[] { parts.Figures, parts.Body, parts.Meta } : [parts.Body, parts.Figures, parts.Meta]).Where(p => p.Length > 0));

    /// <summary>The whole text with its matches marked (titles).</summary>
    public static Snippet Whole(string text, IReadOnlyList<string> queryTerms) => Of(text, queryTerms, int.MaxValue);

    /// <summary>Terms worth marking: bigrams and words; single characters only when nothing longer matched.</summary>
    public static Snippet Of(string source, IReadOnlyList<string> queryTerms) => Of(source, queryTerms, Width);

    private static Snippet Of(string source, IReadOnlyList<string> queryTerms, int width)
    {
        var text = JapaneseAnalyzer.Normalize(source);
        var lower = text.ToLowerInvariant();
        var marked = new bool[text.Length];
        var longTerms = queryTerms.Where(t => t.Length > 1).ToList();
        foreach (var term in longTerms.Count > 0 ? longTerms : queryTerms)
        {
            for (var at = lower.IndexOf(term, StringComparison.Ordinal); at >= 0; at = lower.IndexOf(term, at + 1, StringComparison.Ordinal))
                for (var i = at; i < at + term.Length; i++) marked[i] = true;
        }
        var first = Array.IndexOf(marked, true);
        var start = first < 0 || width == int.MaxValue ? 0 : Math.Max(0, first - Before);
        var end = (int)Math.Min(text.Length, (long)start + width);
        var highlights = new List<(int, int)>();
        for (var i = start; i < end; i++)
        {
            if (!marked[i] || (i > start && marked[i - 1])) continue;
            var j = i;
            while (j < end && marked[j]) j++;
            highlights.Add((i - start, j - i));
        }
        var prefix = start > 0 ? "…" : "";
        var suffix = end < text.Length ? "…" : "";
        return new Snippet(prefix + text[start..end] + suffix, [.. highlights.Select(h => (h.Item1 + prefix.Length, h.Item2))]);
    }

    public string Render(Func<string, string> plain, Func<string, string> highlighted)
    {
        var parts = new System.Text.StringBuilder();
        var at = 0;
        foreach (var (start, length) in Highlights)
        {
            parts.Append(plain(Text[at..start])).Append(highlighted(Text.Substring(start, length)));
            at = start + length;
        }
        return parts.Append(plain(Text[at..])).ToString();
    }
}
