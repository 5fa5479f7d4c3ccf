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
        var searcher = new IndexSearcher(index.Reader) { Similarity = RelatedInitiatives.Similarity };
        var ties = 0;
        foreach (var document in index.Documents)
        {
            foreach (var count in new[] { 64, 5 })
            {
                var query = LuceneQuery(likeThis.Terms(document));
                var expected = query is null ? [] : searcher.Search(query, count).ScoreDocs.Select(hit => (hit.Doc, hit.Score)).ToList();
                var actual = likeThis.Scored(document, count);
                Assert.True(expected.SequenceEqual(actual),
                    $"{document.Key}: Lucene {string.Join(", ", expected.Take(8))} … against {string.Join(", ", actual.Take(8))} …");
                ties += expected.Zip(expected.Skip(1)).Count(pair => pair.First.Score == pair.Second.Score);
            }
        }
        Assert.True(index.Documents.Count < 100 || ties > 0, "the corpus was meant to hold tied scores");
    }

    /// <summary>
    /// Watch mode computes again only the lists an edit can change: after each kind of edit of one plan, every list must be
    /// the one a computation of all of them gives, and after a title edit fewer than half must have been computed (at 30 municipalities; the share falls as plans are added, since a query term is skipped once more than 400 initiatives hold it).
    /// </summary>
    [Theory]
    [Trait(Speed.Trait, Speed.Slow)]
    [InlineData("title", true)]
    [InlineData("body", false)]
    [InlineData("topics", false)]
    public void After_an_edit_the_lists_computed_again_and_the_ones_carried_over_are_all_a_full_computation_gives(string edit, bool fewer)
    {
        using var folder = new TempContent();
        var generated = Path.Combine(folder.Directory, "generated");
        SyntheticCorpus.Write(Repository.Content, Repository.ContentDirectory, new CorpusRequest(Municipalities: 30, Initiatives: 39 * 30, Seed: 5), generated);
        var before = ContentLoader.Load(generated).Content!;
        using var settledIndex = new SearchIndex(before);
        var settled = new RelatedInitiatives(settledIndex);
        var settledLists = settled.ComputeAll(before);

        var plan = Directory.EnumerateFiles(Path.Combine(generated, "plans")).Order(StringComparer.Ordinal).Skip(7).First();
        var slug = Path.GetFileNameWithoutExtension(plan);
        var text = File.ReadAllText(plan);
        // The plan's first initiative with topics, found by its topics line: its keys share that line's indentation.
        var topics = System.Text.RegularExpressions.Regex.Match(text, @"\n( +)topics: \[[^\]]*\]", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        Assert.True(topics.Success);
        var indent = topics.Groups[1].Value;
        var title = text.LastIndexOf($"\n{indent}title: ", topics.Index, StringComparison.Ordinal);
        var titleEnd = text.IndexOf('\n', title + 1);
        var content = text.IndexOf($"\n{indent}content: |", topics.Index, StringComparison.Ordinal);
        Assert.True(title > 0 && content > 0);
        var contentEnd = text.IndexOf('\n', content + 1);
        File.WriteAllText(plan, edit switch
        {
            "title" => text[..titleEnd] + "(改訂)" + text[titleEnd..],
            "body" => text[..(contentEnd + 1)] + indent + "  窓口の混雑状況をスマートフォンで確認できるようにする。\n" + text[(contentEnd + 1)..],
            _ => text[..topics.Index] + $"\n{indent}topics: [generative-ai, childcare]" + text[(topics.Index + topics.Length)..],
        });
        var after = ContentLoader.Load(generated).Content!;
        using var updated = SearchIndex.Updated(settledIndex, after, new HashSet<string> { slug });

        var (lists, computed) = new RelatedInitiatives(updated).ComputeAfterEdit(settled, settledLists, after, new HashSet<string> { slug });
        var full = new RelatedInitiatives(updated).ComputeAll(after);

        static string Shown(IEnumerable<Related> list) => string.Join(" / ", list.Select(r => $"{r.Entry.Url} {r.SimilarText} {string.Join(",", r.SharedTopics.Select(t => t.Id))}"));
        Assert.Equal(full.Count, lists.Count);
        Assert.All(full, pair => Assert.Equal(Shown(pair.Value), Shown(lists[pair.Key])));
        Assert.All(lists.Values.SelectMany(list => list), r => Assert.Contains(r.Entry, after.Initiatives));
        if (fewer) Assert.InRange(computed, 1, full.Count / 2);
    }
}
