using DxCompare.Search;
using DxCompare.Tests.Support;

namespace DxCompare.Tests.Search;

public class JapaneseAnalyzerTests
{
    /// <summary>
    /// The phrase field is the text's bigrams again (weight 4), which is what the judged sets measured. It used to be so
    /// only because Lucene reused the first field's token stream for every field; now it is so whatever the order.
    /// </summary>
    [Fact]
    public void Every_field_is_analysed_alike_whichever_field_comes_first()
    {
        const string text = "個人情報のテレワーク、職員研修";
        using var phraseFirst = new JapaneseAnalyzer(AnalyzerOptions.Shipped);
        var phrase = phraseFirst.Terms(text, SearchDocument.Phrase);
        using var titleFirst = new JapaneseAnalyzer(AnalyzerOptions.Shipped);
        var title = titleFirst.Terms(text, SearchDocument.Title);
        Assert.Equal(title, phrase);
        Assert.Equal(title, titleFirst.Terms(text, SearchDocument.Phrase));
        Assert.Contains("個人", phrase);
        Assert.Contains("テレ", phrase);
    }

    /// <summary>What the index holds for the phrase field: the same terms as the fields it copies.</summary>
    [Fact]
    public void The_index_holds_the_texts_bigrams_in_the_phrase_field()
    {
        using var index = new SearchIndex(Repository.Content);
        var leaf = index.Reader.Leaves.Single().AtomicReader;
        int DocumentsWith(string field, string term) => leaf.DocFreq(new Lucene.Net.Index.Term(field, term));
        Assert.True(DocumentsWith(SearchDocument.Phrase, "窓口") >= DocumentsWith(SearchDocument.Title, "窓口"));
        Assert.True(DocumentsWith(SearchDocument.Title, "窓口") > 0);
        Assert.Equal(0, DocumentsWith(SearchDocument.Phrase, "個人情"));
    }
}
