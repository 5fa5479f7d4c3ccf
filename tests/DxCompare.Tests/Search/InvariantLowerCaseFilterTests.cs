using DxCompare.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;

namespace DxCompare.Tests.Search;

public class InvariantLowerCaseFilterTests
{
    /// <summary>Every BMP character, alone and inside kana, lowercases exactly as Lucene's LowerCaseFilter does.</summary>
    [Fact]
    public void Lowercases_every_character_as_lucene_does()
    {
        var texts = Enumerable.Range(0, 0x10000).Where(c => !char.IsSurrogate((char)c))
            .SelectMany(c => new[] { ((char)c).ToString(), $"デジタル{(char)c}ＤＸ" })
            .Append("Ｘ😀Ａb").Append("İstanbul ǅ Σ");
        foreach (var text in texts)
            Assert.Equal(Tokens(text, stream => new LowerCaseFilter(JapaneseAnalyzer.Version, stream)), Tokens(text, stream => new InvariantLowerCaseFilter(stream)));
    }

    private static string Tokens(string text, Func<TokenStream, TokenStream> filter)
    {
        using var stream = filter(new KeywordTokenizer(new StringReader(text)));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var tokens = new List<string>();
        while (stream.IncrementToken()) tokens.Add(term.ToString());
        stream.End();
        return string.Join("|", tokens);
    }
}
