using DxCompare.Model;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace DxCompare.Search;

public sealed record Related(InitiativeEntry Entry, IReadOnlyList<Topic> SharedTopics, bool SimilarText);

/// <summary>
/// Initiatives in other municipalities that read alike (a more-like-this query on title and content),
/// merged with those that share an editor-assigned topic, nearest municipalities first. Tuned for a
/// small corpus and bounded for a large one: every term counts once, single characters are ignored,
/// terms found in many initiatives (推進, 活用) are skipped, and each initiative reads a fixed number of
/// candidates, so the work grows linearly with the number of initiatives.
/// </summary>
public sealed class RelatedInitiatives(SearchIndex index)
{
    /// <summary>Hits collected per initiative before other municipalities are picked (most similar ones are often the same plan's).</summary>
    private const int Candidates = 64;

    /// <summary>Initiatives considered per shared topic. With every municipality in, a topic has thousands; this keeps the work linear.</summary>
    private const int TopicCandidates = 50;

    private const int Limit = 6;
    private const int BySimilarText = 4;

    private readonly Lazy<MoreLikeThisQueries> _likeThis = new(() => new MoreLikeThisQueries(index));

    public static IReadOnlyDictionary<InitiativeEntry, IReadOnlyList<Related>> Compute(SearchIndex index, ContentSet content, CancellationToken cancel = default) =>
        new RelatedInitiatives(index).ComputeAll(content, cancel);

    /// <summary>Every initiative's related list; the index must hold exactly <paramref name="content"/>.</summary>
    public IReadOnlyDictionary<InitiativeEntry, IReadOnlyList<Related>> ComputeAll(ContentSet content, CancellationToken cancel = default)
    {
        var topics = new TopicNeighbours(content);
        var results = new IReadOnlyList<Related>[index.Documents.Count];
        Parallel.For(0, index.Documents.Count, new ParallelOptions { CancellationToken = cancel },
            i => results[i] = For(index.Documents[i], topics, content, hit => hit));
        var map = new Dictionary<InitiativeEntry, IReadOnlyList<Related>>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < results.Length; i++) map[index.Documents[i].Entry] = results[i];
        return map;
    }

    /// <summary>
    /// Watch mode, before the index is rebuilt: the changed plans' initiatives are matched against this (previous)
    /// index, skipping its stale copies of them; every other list is carried over to the new entries by URL,
    /// without initiatives that no longer exist. Lists that would now pick a changed initiative are updated
    /// when the full computation runs on the rebuilt index.
    /// </summary>
    public IReadOnlyDictionary<InitiativeEntry, IReadOnlyList<Related>> Update(
        IReadOnlyDictionary<InitiativeEntry, IReadOnlyList<Related>> previous, ContentSet content, IReadOnlySet<string> changedSlugs)
    {
        var (map, byUrl) = OfChanged(content, changedSlugs);
        bool Changed(InitiativeEntry e) => changedSlugs.Contains(e.Municipality.Slug);
        foreach (var (old, list) in previous)
        {
            if (Changed(old) || !byUrl.TryGetValue(old.Url, out var entry)) continue;
            // Shared topics only change with a changed initiative (topics.yml changes rebuild everything).
            map[entry] = [.. list
                .Select(r => byUrl.TryGetValue(r.Entry.Url, out var other)
                    ? r with { Entry = other, SharedTopics = Changed(other) ? Shared(entry, other, content) : r.SharedTopics }
                    : null)
                .OfType<Related>()];
        }
        return map;
    }

    /// <summary>The first part of <see cref="Update"/>: the lists of the changed plans' initiatives alone, which their own pages show.</summary>
    public IReadOnlyDictionary<InitiativeEntry, IReadOnlyList<Related>> UpdateChanged(ContentSet content, IReadOnlySet<string> changedSlugs) =>
        OfChanged(content, changedSlugs).Map;

    private (Dictionary<InitiativeEntry, IReadOnlyList<Related>> Map, Dictionary<string, InitiativeEntry> ByUrl) OfChanged(ContentSet content, IReadOnlySet<string> changedSlugs)
    {
        var byUrl = content.Initiatives.ToDictionary(e => e.Url, StringComparer.Ordinal);
        InitiativeEntry? Current(InitiativeEntry old) => !changedSlugs.Contains(old.Municipality.Slug) && byUrl.TryGetValue(old.Url, out var now) ? now : null;
        var map = new Dictionary<InitiativeEntry, IReadOnlyList<Related>>(ReferenceEqualityComparer.Instance);
        var topics = new TopicNeighbours(content);
        foreach (var entry in content.Initiatives.Where(e => changedSlugs.Contains(e.Municipality.Slug)))
            map[entry] = For(SearchDocument.From(0, entry, content), topics, content, Current);
        return (map, byUrl);
    }

    /// <param name="resolve">Maps an initiative of the index to the current one, or null to skip it.</param>
    private IReadOnlyList<Related> For(SearchDocument document, TopicNeighbours topics, ContentSet content, Func<InitiativeEntry, InitiativeEntry?> resolve)
    {
        var entry = document.Entry;
        var similar = _likeThis.Value.For(document) is { } query
            ? index.Searcher.Search(query, Candidates).ScoreDocs
                .Select(hit => resolve(index.Documents[hit.Doc].Entry))
                .OfType<InitiativeEntry>()
                .Where(other => other.Municipality.Code != entry.Municipality.Code)
                .Take(BySimilarText)
                .Select(other => new Related(other, Shared(entry, other, content), SimilarText: true))
            : [];
        // Initiatives sharing more topics first, then those sharing the main topic; nearer municipalities win ties.
        var mainTopic = entry.Initiative.Topics.Count > 0 ? entry.Initiative.Topics[0] : null;
        var seen = new HashSet<InitiativeEntry>(ReferenceEqualityComparer.Instance);
        var candidates = new List<(InitiativeEntry Other, int Rank)>();
        foreach (var topic in entry.Initiative.Topics)
            foreach (var other in topics.Nearest(topic, entry.Municipality.Code, TopicCandidates))
                if (seen.Add(other))
                    candidates.Add((other, SharedCount(entry, other) * 2 + (other.Initiative.Topics.Count > 0 && other.Initiative.Topics[0] == mainTopic ? 1 : 0)));
        var byTopic = candidates
            .OrderByDescending(c => c.Rank)
            .Take(Limit)
            .Select(c => new Related(c.Other, Shared(entry, c.Other, content), SimilarText: false));
        return [.. similar.Concat(byTopic).DistinctBy(r => r.Entry.Url).Take(Limit)];
    }

    private static int SharedCount(InitiativeEntry a, InitiativeEntry b)
    {
        var count = 0;
        foreach (var topic in a.Initiative.Topics) if (b.Initiative.Topics.Contains(topic)) count++;
        return count;
    }

    private static IReadOnlyList<Topic> Shared(InitiativeEntry a, InitiativeEntry b, ContentSet content) =>
        [.. a.Initiative.Topics.Intersect(b.Initiative.Topics).Select(t => content.TopicsById[t])];

    /// <summary>
    /// The query of Lucene's MoreLikeThis (the 25 terms of highest tf·idf, each on the field where it is most
    /// frequent), built from document frequencies read once from the index. MoreLikeThis itself looks each
    /// term up in the term dictionary for every document: at 70,000 initiatives that was 40 million
    /// lookups and most of the build.
    /// </summary>
    private sealed class MoreLikeThisQueries
    {
        private const int MaxQueryTerms = 25;
        private const int MinWordLength = 2;

        /// <summary>
        /// Terms found in more initiatives than this are skipped (推進, 活用 …). A fixed bound, not only a share of
        /// the corpus, so that each query reads a bounded number of postings however many plans there are.
        /// </summary>
        private const int MaxDocFreq = 400;

        /// <summary>The title and the start of the content say what an initiative is about; the rest adds terms without improving the match.</summary>
        private const int LeadLength = 300;

        private static readonly string[] Fields = [SearchDocument.Title, SearchDocument.Body];
        private static readonly TFIDFSimilarity Similarity = new DefaultSimilarity();

        private readonly SearchIndex _index;
        private readonly Dictionary<string, (string Field, int DocFreq)> _frequencies = new(StringComparer.Ordinal);
        private readonly int _maxDocFreq;

        public MoreLikeThisQueries(SearchIndex index)
        {
            _index = index;
            _maxDocFreq = Math.Clamp(index.Reader.MaxDoc / 4, 2, MaxDocFreq);
            foreach (var field in Fields)
            {
                var terms = MultiFields.GetTerms(index.Reader, field)?.GetEnumerator();
                while (terms is not null && terms.MoveNext())
                {
                    var term = terms.Term.Utf8ToString();
                    // Like MoreLikeThis: the field where the term is most frequent, the first field on a tie.
                    if (!_frequencies.TryGetValue(term, out var known) || terms.DocFreq > known.DocFreq)
                        _frequencies[term] = (field, terms.DocFreq);
                }
            }
        }

        public Query? For(SearchDocument document)
        {
            var body = document.Fields[SearchDocument.Body];
            var text = document.Fields[SearchDocument.Title] + "\n" + (body.Length > LeadLength ? body[..LeadLength] : body);
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var term in _index.Analyzer.Terms(text))
                if (term.Length >= MinWordLength) counts[term] = counts.GetValueOrDefault(term) + 1;
            var numDocs = _index.Reader.NumDocs;
            var selected = counts
                .Where(c => _frequencies.TryGetValue(c.Key, out var f) && f.DocFreq <= _maxDocFreq)
                .Select(c => (Term: c.Key, _frequencies[c.Key].Field, Score: c.Value * Similarity.Idf(_frequencies[c.Key].DocFreq, numDocs)))
                .OrderByDescending(t => t.Score)
                .ThenBy(t => t.Term, StringComparer.Ordinal)
                .Take(MaxQueryTerms)
                .ToList();
            if (selected.Count == 0) return null;
            var query = new BooleanQuery();
            foreach (var (term, field, _) in selected) query.Add(new TermQuery(new Term(field, term)), Occur.SHOULD);
            return query;
        }
    }

    /// <summary>
    /// Per topic, the municipalities whose initiatives carry it, in code order. Codes are grouped by
    /// prefecture, so walking outward from a municipality's own code visits its neighbours first.
    /// </summary>
    private sealed class TopicNeighbours(ContentSet content)
    {
        private readonly Dictionary<string, (string Code, InitiativeEntry[] Entries)[]> _byTopic = content.InitiativesByTopic.ToDictionary(
            topic => topic.Key,
            topic => topic.GroupBy(e => e.Municipality.Code)
                .Select(g => (g.Key, g.ToArray()))
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToArray(),
            StringComparer.Ordinal);

        public IEnumerable<InitiativeEntry> Nearest(string topic, string code, int count)
        {
            if (!_byTopic.TryGetValue(topic, out var groups)) yield break;
            var at = Array.BinarySearch(groups, (code, Array.Empty<InitiativeEntry>()), Comparer<(string Code, InitiativeEntry[])>.Create((a, b) => string.CompareOrdinal(a.Code, b.Code)));
            if (at < 0) at = ~at - 1;
            var taken = 0;
            for (var distance = 1; taken < count && (at + distance < groups.Length || at - distance >= 0); distance++)
            {
                foreach (var neighbour in new[] { at + distance, at - distance })
                {
                    if (neighbour < 0 || neighbour >= groups.Length) continue;
                    foreach (var entry in groups[neighbour].Entries)
                    {
                        if (taken++ == count) yield break;
                        yield return entry;
                    }
                }
            }
        }
    }
}
