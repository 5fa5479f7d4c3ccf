using Lucene.Net.Analysis.TokenAttributes;

namespace DxCompare.Search;

/// <summary>
/// Adjacency without positions: the static index stores no positions, so "these kanji stand together" is
/// indexed as terms of their own, the trigrams of every kanji run (個人情報 → 個人情, 人情報). A query's
/// trigrams are looked up in the phrase field only, so a document holding the query's compound whole
/// (個人情報) ranks above one holding its pieces apart (個人 … 情報). They add score, never a hit or a
/// concept. Katakana runs are left out: their trigrams changed no judged result (katakana words already
/// need most of their bigrams) and cost bytes (docs/search.md). The browser computes the same trigrams
/// (theme/assets/search-analysis.js).
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

    /// <summary>The phrase field's tokenizer: the trigrams of the whole (normalized) field text.</summary>
    public sealed class Tokenizer : Lucene.Net.Analysis.Tokenizer
    {
        private readonly ICharTermAttribute _term;
        private IReadOnlyList<string>? _grams;
        private int _next;

        public Tokenizer(TextReader input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

        public override bool IncrementToken()
        {
            ClearAttributes();
            _grams ??= Trigrams(m_input.ReadToEnd().ToLowerInvariant());
            if (_next >= _grams.Count) return false;
            _term.SetEmpty().Append(_grams[_next++]);
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            _grams = null;
            _next = 0;
        }
    }
}
