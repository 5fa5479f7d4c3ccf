using DxCompare.Search;

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
}
