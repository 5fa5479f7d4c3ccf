using CsCheck;
using DxCompare.Search;
using DxCompare.Tests.Support;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;

namespace DxCompare.Tests.Search;

/// <summary>
/// The index's bigram filter replaces Lucene's CJKBigramFilter for speed; every token it gives (term, type, offsets,
/// position increment and length, and any other attribute) must be Lucene's, with unigrams and without.
/// </summary>
public class JapaneseBigramFilterTests
{
    /// <summary>Pieces of what plans and residents write: kanji, kana, long runs, half-width kana, Latin, digits, punctuation, Hangul, characters beyond the BMP.</summary>
    private static readonly string[] Pieces =
    [
        "行政", "手続き", "の", "オンライン", "化", "を", "推進", "します", "デジタル", "ＤＸ", "dx", "AI", "2025", "１００", "%", "％", "、", "。", "・", "「", "」",
        "（", "）", "(", ")", " ", "　", "\n", "\t", "-", "/", "ｵﾝﾗｲﾝ", "ﾃﾞｼﾞﾀﾙ", "ー", "ヶ", "〃", "々", "𠮷", "😀", "가나다", "한국", "e-Tax", "マイナンバーカード",
        new string('窓', 70), "令和7年度", "No.3.1.1", "kōhō", "Ⅲ", "①",
    ];

    private static readonly Gen<string> Texts = Gen.Int[0, Pieces.Length - 1].Array[0, 40].Select(picks => string.Concat(picks.Select(p => Pieces[p])));

    [Fact]
    public void Random_japanese_text_gives_lucenes_tokens() =>
        Texts.Sample(text => AssertSameTokens(text), iter: 3000, print: text => text);

    [Fact]
    public void The_real_plans_give_lucenes_tokens()
    {
        using var index = new SearchIndex(Repository.Content);
        foreach (var text in index.Documents.SelectMany(d => d.Fields.Values)) AssertSameTokens(JapaneseAnalyzer.Normalize(text));
    }

    [Fact]
    public void Bigrams_overlap_and_unigrams_come_before_the_bigram_they_start()
    {
        Assert.Equal(["行", "行政", "政", "dx", "計", "計画", "画"], Terms("行政 DX 計画", unigrams: true));
        Assert.Equal(["行政", "dx", "計画", "窓"], Terms("行政 DX 計画 窓", unigrams: false));
    }

    private static void AssertSameTokens(string text)
    {
        foreach (var unigrams in new[] { true, false })
            Assert.Equal(Tokens(text, s => new CJKBigramFilter(s, CJKScript.HAN | CJKScript.HIRAGANA | CJKScript.KATAKANA | CJKScript.HANGUL, unigrams)),
                Tokens(text, s => new JapaneseBigramFilter(s, unigrams)));
    }

    private static List<string> Terms(string text, bool unigrams)
    {
        using var stream = new JapaneseBigramFilter(new InvariantLowerCaseFilter(new StandardTokenizer(JapaneseAnalyzer.Version, new StringReader(text))), unigrams);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var terms = new List<string>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        return terms;
    }

    /// <summary>Every attribute of every token, then of the end state, as Lucene prints them.</summary>
    private static List<string> Tokens(string text, Func<TokenStream, TokenStream> bigrams)
    {
        var tokenizer = new StandardTokenizer(JapaneseAnalyzer.Version, new StringReader(text));
        using var stream = bigrams(new InvariantLowerCaseFilter(new CJKWidthFilter(tokenizer)));
        var tokens = new List<string>();
        stream.Reset();
        while (stream.IncrementToken()) tokens.Add(stream.ReflectAsString(false));
        stream.End();
        tokens.Add("end " + stream.ReflectAsString(false));
        return tokens;
    }
}
