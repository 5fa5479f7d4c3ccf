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
    public static IReadOnlyDictionary<InitiativeEntry, IReadOnlyList<Related>> Compute(SearchIndex index, ContentSet content, int limit = 6, int bySimilarText = 4)
    {
        var mlt = new MoreLikeThis(index.Reader)
        {
            Analyzer = index.Analyzer,
            FieldNames = [SearchDocument.Title, SearchDocument.Body],
            MinTermFreq = 1,
            MinDocFreq = 1,
            MinWordLen = 2,
            MaxDocFreq = Math.Max(2, index.Reader.MaxDoc / 4),
            MaxQueryTerms = 25,
        };
        var result = new Dictionary<InitiativeEntry, IReadOnlyList<Related>>(ReferenceEqualityComparer.Instance);
        foreach (var document in index.Documents)
        {
            var entry = document.Entry;
            var text = JapaneseAnalyzer.Normalize(document.Fields[SearchDocument.Title] + "\n" + document.Fields[SearchDocument.Body]);
            var query = mlt.Like(new StringReader(text), SearchDocument.Body);
            var similar = index.Searcher.Search(query, index.Reader.MaxDoc).ScoreDocs
                .Select(hit => index.Documents[hit.Doc].Entry)
                .Where(other => other.Municipality.Code != entry.Municipality.Code)
                .Take(bySimilarText)
                .Select(other => new Related(other, Shared(entry, other, content), SimilarText: true));
            var byTopic = content.Initiatives
                .Where(other => other.Municipality.Code != entry.Municipality.Code)
                .Select(other => new Related(other, Shared(entry, other, content), SimilarText: false))
                .Where(r => r.SharedTopics.Count > 0)
                .OrderByDescending(r => r.SharedTopics.Count)
                .ThenByDescending(r => r.Entry.Initiative.Topics.FirstOrDefault() == entry.Initiative.Topics.FirstOrDefault());
            result[entry] = [.. similar.Concat(byTopic).DistinctBy(r => r.Entry.Url).Take(limit)];
        }
        return result;
    }

    private static IReadOnlyList<Topic> Shared(InitiativeEntry a, InitiativeEntry b, ContentSet content) =>
        [.. a.Initiative.Topics.Intersect(b.Initiative.Topics).Select(t => content.TopicsById[t])];
}
