namespace DxCompare.Search;

/// <summary>A window of text where the query's words stand together, with the matching runs marked. The browser does the same.</summary>
public sealed record Snippet(string Text, IReadOnlyList<(int Start, int Length)> Highlights)
{
    public const int Before = SearchSettings.SnippetBefore;
    public const int Width = SearchSettings.SnippetWidth;

    /// <summary>The text a snippet is cut from (the browser joins a fragment's parts the same way).</summary>
    public static string Source((string Body, string Figures, string Meta) parts, bool figuresFirst) =>
        string.Join(" ", (figuresFirst ? new[] { parts.Figures, parts.Body, parts.Meta } : [parts.Body, parts.Figures, parts.Meta]).Where(p => p.Length > 0));

    /// <summary>The whole text with its matches marked (titles).</summary>
    public static Snippet Whole(string text, IReadOnlyList<string> queryTerms) => Of(text, queryTerms, int.MaxValue, queryTerms);

    /// <summary>Terms worth marking: bigrams and words; single characters only when nothing longer matched.</summary>
    public static Snippet Of(string source, IReadOnlyList<string> queryTerms) => Of(source, queryTerms, Width, queryTerms);

    /// <summary>
    /// A snippet for a query's terms (<see cref="QueryPlan.Terms"/>): all of them are marked; the window is
    /// placed by the query's own terms (boost 1: its words, their katakana reading, their trigrams), not by
    /// synonyms it added.
    /// </summary>
    public static Snippet Of(string source, IReadOnlyList<(string Term, float Boost)> queryTerms) =>
        Of(source, [.. queryTerms.Select(t => t.Term)], Width, [.. queryTerms.Where(t => t.Boost >= 1f).Select(t => t.Term)]);

    private static bool[] Mark(string lower, IReadOnlyList<string> queryTerms)
    {
        var marked = new bool[lower.Length];
        var longTerms = queryTerms.Where(t => t.Length > 1).ToList();
        foreach (var term in longTerms.Count > 0 ? longTerms : queryTerms)
        {
            for (var at = lower.IndexOf(term, StringComparison.Ordinal); at >= 0; at = lower.IndexOf(term, at + 1, StringComparison.Ordinal))
                for (var i = at; i < at + term.Length; i++) marked[i] = true;
        }
        return marked;
    }

    private static Snippet Of(string source, IReadOnlyList<string> queryTerms, int width, IReadOnlyList<string> anchorTerms)
    {
        var text = JapaneseAnalyzer.Normalize(source);
        var lower = text.ToLowerInvariant();
        var marked = Mark(lower, queryTerms);
        var start = width == int.MaxValue ? 0 : WindowStart(lower, marked, Mark(lower, anchorTerms), width);
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

    /// <summary>
    /// Where the window starts: <see cref="Before"/> characters ahead of the match of the query's own terms
    /// whose window shows the most distinct characters of them (the first such match on a tie), so that a
    /// snippet shows the query's words where the text has them together, not only the first place one of
    /// them occurs; ahead of the first highlight when only synonyms matched.
    /// </summary>
    private static int WindowStart(string lower, bool[] marked, bool[] anchors, int width)
    {
        int best = 0, bestStart = -1;
        for (var i = 0; i < anchors.Length; i++)
        {
            if (!anchors[i] || (i > 0 && anchors[i - 1])) continue;
            var start = Math.Max(0, i - Before);
            var end = Math.Min(anchors.Length, start + width);
            var shown = new HashSet<char>();
            for (var k = start; k < end; k++) if (anchors[k]) shown.Add(lower[k]);
            if (shown.Count <= best) continue;
            best = shown.Count;
            bestStart = start;
        }
        if (bestStart >= 0) return bestStart;
        var first = Array.IndexOf(marked, true);
        return first < 0 ? 0 : Math.Max(0, first - Before);
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
