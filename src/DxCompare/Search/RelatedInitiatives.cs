using DxCompare.Model;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;

namespace DxCompare.Search;

public sealed record Related(InitiativeEntry Entry, IReadOnlyList<Topic> SharedTopics, bool SimilarText);

/// <summary>
/// Initiatives in other municipalities that read alike (Lucene's MoreLikeThis on title and content),
/// merged with those that share an editor-assigned topic. Tuned for a small corpus: every term counts
/// once, single characters are ignored and terms found in most initiatives (推進, 活用) are skipped.
/// </summary>
public static class RelatedInitiatives
{
    /// <summary>Hits collected per initiative before other municipalities are picked (most similar ones are often the same plan's).</summary>
    private const int Candidates = 64;

    /// <summary>Initiatives considered per shared topic. With every municipality in, a topic has thousands; this keeps the work linear.</summary>
    private const int TopicCandidates = 50;

    /// <summary>
    /// Terms found in more initiatives than this are skipped (推進, 活用 …). A fixed bound, not only a share of
    /// the corpus, so that each query reads a bounded number of postings however many plans there are.
    /// </summary>
    private const int MaxDocFreq = 400;

    public static IReadOnlyDictionary<InitiativeEntry, IReadOnlyList<Related>> Compute(SearchIndex index, ContentSet content, int limit = 6, int bySimilarText = 4)
    {
        var topicIndex = content.InitiativesByTopic;
        var results = new IReadOnlyList<Related>[index.Documents.Count];
        // IndexSearcher is thread-safe; MoreLikeThis is not, so each worker has its own.
        Parallel.For(0, index.Documents.Count, () => CreateMoreLikeThis(index), (i, _, mlt) =>
        {
            var document = index.Documents[i];
            var entry = document.Entry;
            var text = JapaneseAnalyzer.Normalize(document.Fields[SearchDocument.Title] + "\n" + Lead(document.Fields[SearchDocument.Body]));
            var query = mlt.Like(new StringReader(text), SearchDocument.Body);
            var similar = index.Searcher.Search(query, Candidates).ScoreDocs
                .Select(hit => index.Documents[hit.Doc].Entry)
                .Where(other => other.Municipality.Code != entry.Municipality.Code)
                .Take(bySimilarText)
                .Select(other => new Related(other, Shared(entry, other, content), SimilarText: true));
            // Initiatives sharing the main topic first, then any topic; the topic index keeps this linear in the topic's size.
            var byTopic = entry.Initiative.Topics
                .SelectMany(topic => topicIndex[topic].Where(other => other.Municipality.Code != entry.Municipality.Code).Take(TopicCandidates))
                .Distinct()
                .Select(other => new Related(other, Shared(entry, other, content), SimilarText: false))
                .OrderByDescending(r => r.SharedTopics.Count)
                .ThenByDescending(r => r.Entry.Initiative.Topics.FirstOrDefault() == entry.Initiative.Topics.FirstOrDefault())
                .Take(limit);
            results[i] = [.. similar.Concat(byTopic).DistinctBy(r => r.Entry.Url).Take(limit)];
            return mlt;
        }, _ => { });
        var map = new Dictionary<InitiativeEntry, IReadOnlyList<Related>>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < results.Length; i++) map[index.Documents[i].Entry] = results[i];
        return map;
    }

    /// <summary>
    /// The title and the start of the content say what an initiative is about; the rest (state texts,
    /// yearly items) adds terms to look up without improving the match, and costs time at 70,000 initiatives.
    /// </summary>
    private static string Lead(string body) => body.Length > LeadLength ? body[..LeadLength] : body;

    private const int LeadLength = 300;

    private static MoreLikeThis CreateMoreLikeThis(SearchIndex index) => new(index.Reader)
    {
        Analyzer = index.Analyzer,
        FieldNames = [SearchDocument.Title, SearchDocument.Body],
        MinTermFreq = 1,
        MinDocFreq = 1,
        MinWordLen = 2,
        MaxDocFreq = Math.Clamp(index.Reader.MaxDoc / 4, 2, MaxDocFreq),
        MaxQueryTerms = 25,
    };

    private static IReadOnlyList<Topic> Shared(InitiativeEntry a, InitiativeEntry b, ContentSet content) =>
        [.. a.Initiative.Topics.Intersect(b.Initiative.Topics).Select(t => content.TopicsById[t])];
}
