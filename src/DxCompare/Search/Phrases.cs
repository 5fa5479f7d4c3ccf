namespace DxCompare.Search;

/// <summary>
/// The trigrams of a query's kanji runs (個人情報 → 個人情, 人情報), added to its terms by <see cref="QueryPlan"/> and by the
/// browser (theme/assets/search-analysis.js). They were meant to meet trigrams of the phrase field, but that field has
/// always held bigrams (see <see cref="JapaneseAnalyzer.CreateComponents"/>), so today they match nothing and change no
/// score; removing them from both sides is left for the search work that decides what the phrase field should hold.
/// </summary>
public static class Phrases
{
    public const int Length = 3;

    /// <summary>Trigrams of the maximal kanji runs of a normalized, lower-case text, in order, by UTF-16 code unit.</summary>
    public static IReadOnlyList<string> Trigrams(string text)
    {
        var grams = new List<string>();
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i < text.Length && QueryPlan.ScriptOf(text[i]) == QueryPlan.ScriptOf(text[start])) continue;
            if (QueryPlan.ScriptOf(text[start]) is 'C')
                for (var at = start; at + Length <= i; at++) grams.Add(text.Substring(at, Length));
            start = i;
        }
        return grams;
    }
}
