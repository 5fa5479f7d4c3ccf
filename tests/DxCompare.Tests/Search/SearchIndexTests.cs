using DxCompare.Search;
using DxCompare.Tests.Support;

namespace DxCompare.Tests.Search;

public class SearchIndexTests
{
    /// <summary>
    /// At 70,000 initiatives the writer flushes many segments before merging them into one. Document
    /// numbers must still be positions in the document list, or every hit shows another initiative.
    /// </summary>
    [Fact]
    public void An_index_written_in_many_segments_finds_the_same_initiatives()
    {
        using var single = new SearchIndex(Repository.Content);
        using var segmented = new SearchIndex(Repository.Content, segmentSize: 2);

        foreach (var query in Evaluation.LoadJudgedQueries(SearchQualityTests.JudgedPath).Select(q => q.Query))
        {
            var expected = single.Search(query).Hits.Select(h => h.Document.Key + " " + h.Document.Entry.Initiative.Title);
            var actual = segmented.Search(query).Hits.Select(h => h.Document.Key + " " + h.Document.Entry.Initiative.Title);
            Assert.Equal(expected, actual);
        }
        var top = segmented.Search("窓口").Hits[0].Document;
        Assert.Contains("窓口", top.Entry.Initiative.Title);
    }
}
