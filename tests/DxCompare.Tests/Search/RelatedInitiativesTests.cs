using DxCompare.Bench;
using DxCompare.Content;
using DxCompare.Model;
using DxCompare.Search;
using DxCompare.Tests.Support;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace DxCompare.Tests.Search;

/// <summary>
/// The related lists score a more-like-this query without Lucene's searcher (for speed); they must find what
/// Lucene's search of the same query finds, in the same order and with the same scores to the last bit.
/// </summary>
public class RelatedInitiativesTests
{
    [Fact]
    public void Scoring_the_real_plans_equals_lucenes_search_of_the_same_query() => AssertSameAsLucene(Repository.Content);

    /// <summary>Synthetic initiatives copy real ones, so many documents tie: the order of ties must be Lucene's too.</summary>
    [Fact]
    [Trait(Speed.Trait, Speed.Slow)]
    public void Scoring_a_corpus_full_of_ties_equals_lucenes_search_of_the_same_query()
    {
        using var folder = new TempContent();
        var generated = Path.Combine(folder.Directory, "generated");
        SyntheticCorpus.Write(Repository.Content, Repository.ContentDirectory, new CorpusRequest(Municipalities: 20, Initiatives: 700, Seed: 3), generated);
        var loaded = ContentLoader.Load(generated);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics.Take(5)));
        AssertSameAsLucene(loaded.Content!);
    }

    /// <summary>The more-like-this query as Lucene runs it: an OR of term queries, in clause order.</summary>
    private static BooleanQuery? LuceneQuery(IReadOnlyList<(string Term, string Field)> terms)
    {
        if (terms.Count == 0) return null;
        var query = new BooleanQuery();
        foreach (var (term, field) in terms) query.Add(new TermQuery(new Term(field, term)), Occur.SHOULD);
        return query;
    }

    private static void AssertSameAsLucene(ContentSet content)
    {
        using var index = new SearchIndex(content);
        var likeThis = new RelatedInitiatives(index).LikeThis;
        var ties = 0;
        foreach (var document in index.Documents)
        {
            foreach (var count in new[] { 64, 5 })
            {
                var query = LuceneQuery(likeThis.Terms(document));
                var expected = query is null ? [] : index.Searcher.Search(query, count).ScoreDocs.Select(hit => (hit.Doc, hit.Score)).ToList();
                var actual = likeThis.Scored(document, count);
                Assert.True(expected.SequenceEqual(actual),
                    $"{document.Key}: Lucene {string.Join(", ", expected.Take(8))} … against {string.Join(", ", actual.Take(8))} …");
                ties += expected.Zip(expected.Skip(1)).Count(pair => pair.First.Score == pair.Second.Score);
            }
        }
        Assert.True(index.Documents.Count < 100 || ties > 0, "the corpus was meant to hold tied scores");
    }
}
