using System.Buffers;
using System.Collections.Concurrent;
using DxCompare.Model;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

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

    /// <summary>The index the lists are computed on.</summary>
    private SearchIndex Index => index;

    /// <summary>The more-like-this part, for tests that hold it against Lucene's own search.</summary>
    internal MoreLikeThisQueries LikeThis => _likeThis.Value;

    public static IReadOnlyDictionary<InitiativeEntry, IReadOnlyList<Related>> Compute(SearchIndex index, ContentSet content, CancellationToken cancel = default) =>
        new RelatedInitiatives(index).ComputeAll(content, cancel);

    /// <summary>Every initiative's related list; the index must hold exactly <paramref name="content"/>.</summary>
    public IReadOnlyDictionary<InitiativeEntry, IReadOnlyList<Related>> ComputeAll(ContentSet content, CancellationToken cancel = default) =>
        Lists(content, _ => null, cancel);

    /// <summary>Every document's list, on every core: the one <paramref name="carried"/> gives, or else computed.</summary>
    private Dictionary<InitiativeEntry, IReadOnlyList<Related>> Lists(ContentSet content, Func<int, IReadOnlyList<Related>?> carried, CancellationToken cancel)
    {
        var topics = new TopicNeighbours(content);
        var results = new IReadOnlyList<Related>[index.Documents.Count];
        Parallel.For(0, index.Documents.Count, SearchIndex.DocumentLoop(index.Documents.Count, cancel), () => new Workspace(),
            (i, _, workspace) =>
            {
                results[i] = carried(i) ?? For(index.Documents[i], topics, content, hit => hit, workspace);
                return workspace;
            }, _ => { });
        var map = new Dictionary<InitiativeEntry, IReadOnlyList<Related>>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < results.Length; i++) map[index.Documents[i].Entry] = results[i];
        return map;
    }

    /// <summary>
    /// Watch mode, once the index is updated: every list for this index, which is <paramref name="settled"/>'s with the plans
    /// in <paramref name="changedSlugs"/> analysed again (<see cref="SearchIndex.Updated"/>), given the lists
    /// <paramref name="settledLists"/> computed on it. Only the lists the edit can have changed are computed again
    /// (<see cref="ListsAnEditCanChange"/>); the others are carried over. Returns the lists and how many were computed.
    /// </summary>
    public (IReadOnlyDictionary<InitiativeEntry, IReadOnlyList<Related>> Lists, int Computed) ComputeAfterEdit(RelatedInitiatives settled,
        IReadOnlyDictionary<InitiativeEntry, IReadOnlyList<Related>> settledLists, ContentSet content, IReadOnlySet<string> changedSlugs, CancellationToken cancel = default)
    {
        var dirty = ListsAnEditCanChange(settled, settledLists, changedSlugs);
        if (dirty is null) return (ComputeAll(content, cancel), index.Documents.Count);
        var byUrl = index.Documents.ToDictionary(d => d.Entry.Url, d => d.Entry, StringComparer.Ordinal);
        // Every initiative a carried list holds is of an unchanged plan (see ListsAnEditCanChange): the same list, of this content's entries.
        var lists = Lists(content, i => dirty[i] ? null : Carried(settledLists[settled.Index.Documents[i].Entry], r => r with { Entry = byUrl[r.Entry.Url] }, r => ReferenceEquals(byUrl[r.Entry.Url], r.Entry)), cancel);
        return (lists, dirty.Count(d => d));
    }

    /// <summary>
    /// Which lists an edit of the plans in <paramref name="changedSlugs"/> can have changed, by document; null when any can.
    /// With the same documents in the same places (only the changed plans' texts differ) and the same rounded average field
    /// lengths (<see cref="Similarity"/>), a list can change only if it is a changed plan's initiative's, or listed one, or
    /// shares a topic whose initiatives changed, or its query can hold a term whose statistics moved: a term of a changed
    /// title or body, old or new (its postings are found in the index: a lead is cut where no term is cut, see <see cref="MoreLikeThisQueries.Lead"/>). Every other list's query has the same terms, the same scores for every document, and
    /// the same candidates by topic.
    /// </summary>
    internal bool[]? ListsAnEditCanChange(RelatedInitiatives settled, IReadOnlyDictionary<InitiativeEntry, IReadOnlyList<Related>> settledLists,
        IReadOnlySet<string> changedSlugs)
    {
        var (before, after) = (settled.Index, index);
        if (before.Documents.Count != after.Documents.Count) return null;
        foreach (var field in MoreLikeThisQueries.Fields)
        {
            if (Scoring.Average(before.Searcher.CollectionStatistics(field)) != Scoring.Average(after.Searcher.CollectionStatistics(field)))
                return null;
        }
        var dirty = new bool[after.Documents.Count];
        var terms = new HashSet<string>(StringComparer.Ordinal);
        var topics = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < dirty.Length; i++)
        {
            var (then, now) = (before.Documents[i], after.Documents[i]);
            if (then.Key != now.Key) return null;
            if (!changedSlugs.Contains(now.Slug))
            {
                if (!SearchIndex.SameText(then, now)) return null;
                continue;
            }
            dirty[i] = true;
            foreach (var field in MoreLikeThisQueries.Fields)
            {
                if (string.Equals(then.Fields[field], now.Fields[field], StringComparison.Ordinal)) continue;
                foreach (var text in new[] { then.Fields[field], now.Fields[field] })
                    after.Analyzer.VisitTerms(text, term => terms.Add(term.ToString()));
            }
            if (!then.Entry.Initiative.Topics.SequenceEqual(now.Entry.Initiative.Topics, StringComparer.Ordinal))
                topics.UnionWith([.. then.Entry.Initiative.Topics, .. now.Entry.Initiative.Topics]);
        }
        var (old, current) = (settled.LikeThis, LikeThis);
        foreach (var term in terms.Where(t => old.MayQuery(t) || current.MayQuery(t)))
            foreach (var doc in current.DocumentsWith(term)) dirty[doc] = true;
        for (var i = 0; i < dirty.Length; i++)
        {
            if (dirty[i]) continue;
            var entry = after.Documents[i].Entry;
            if (entry.Initiative.Topics.Any(topics.Contains)
                || settledLists[before.Documents[i].Entry].Any(r => changedSlugs.Contains(r.Entry.Municipality.Slug)))
                dirty[i] = true;
        }
        return dirty;
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
            map[entry] = Carried(list,
                r => byUrl.TryGetValue(r.Entry.Url, out var other)
                    ? r with { Entry = other, SharedTopics = Changed(other) ? Shared(entry, other, content) : r.SharedTopics }
                    : null,
                r => byUrl.TryGetValue(r.Entry.Url, out var other) && ReferenceEquals(other, r.Entry) && !Changed(other));
        }
        return map;
    }

    /// <summary>
    /// A list carried over to new content: itself when every initiative it holds is <paramref name="unchanged"/> (an
    /// unchanged plan keeps its entry objects, ContentSet.InitiativesOf), else each one <paramref name="carry"/> keeps.
    /// Most of 70,000 lists after an edit: made again, they were a tenth of what an edit allocated.
    /// </summary>
    private static IReadOnlyList<Related> Carried(IReadOnlyList<Related> list, Func<Related, Related?> carry, Func<Related, bool> unchanged)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (!unchanged(list[i])) return [.. list.Select(carry).OfType<Related>()];
        }
        return list;
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
        var workspace = new Workspace();
        foreach (var entry in content.Initiatives.Where(e => changedSlugs.Contains(e.Municipality.Slug)))
            map[entry] = For(SearchDocument.From(0, entry, content), topics, content, Current, workspace);
        return (map, byUrl);
    }

    /// <summary>
    /// What one thread reuses from list to list: computing 70,000 lists, the sets, candidate lists and term counts made
    /// anew for each were most of the related lists' garbage.
    /// </summary>
    internal sealed class Workspace
    {
        public readonly HashSet<InitiativeEntry> Seen = new(ReferenceEqualityComparer.Instance);
        public readonly List<(InitiativeEntry Other, int Rank)> Candidates = [];
        public readonly List<(InitiativeEntry Other, int Rank)> Best = [];
        public readonly List<InitiativeEntry> Nearest = [];
        public readonly List<Related> List = [];
        public readonly Dictionary<string, int> TermCounts = new(StringComparer.Ordinal);
        public readonly List<(string Term, string Field, float Score)> ScoredTerms = [];
    }

    /// <param name="resolve">Maps an initiative of the index to the current one, or null to skip it.</param>
    private IReadOnlyList<Related> For(SearchDocument document, TopicNeighbours topics, ContentSet content, Func<InitiativeEntry, InitiativeEntry?> resolve, Workspace workspace)
    {
        var entry = document.Entry;
        var list = workspace.List;
        list.Clear();
        foreach (var (doc, _) in _likeThis.Value.Scored(document, Candidates, workspace))
        {
            if (list.Count == BySimilarText) break;
            if (resolve(index.Documents[doc].Entry) is { } other && other.Municipality.Code != entry.Municipality.Code)
                list.Add(new Related(other, Shared(entry, other, content), SimilarText: true));
        }
        // Initiatives sharing more topics first, then those sharing the main topic; nearer municipalities win ties.
        var mainTopic = entry.Initiative.Topics.Count > 0 ? entry.Initiative.Topics[0] : null;
        var (seen, candidates) = (workspace.Seen, workspace.Candidates);
        seen.Clear();
        candidates.Clear();
        foreach (var topic in entry.Initiative.Topics)
        {
            topics.Nearest(topic, entry.Municipality.Code, TopicCandidates, workspace.Nearest);
            foreach (var other in workspace.Nearest)
                if (seen.Add(other))
                    candidates.Add((other, SharedCount(entry, other) * 2 + (other.Initiative.Topics.Count > 0 && other.Initiative.Topics[0] == mainTopic ? 1 : 0)));
        }
        foreach (var (other, _) in HighestRanked(candidates, Limit, workspace.Best))
        {
            if (list.Count == Limit) break;
            if (!Holds(list, other.Url))
                list.Add(new Related(other, Shared(entry, other, content), SimilarText: false));
        }
        return [.. list];
    }

    private static bool Holds(List<Related> list, string url)
    {
        foreach (var related in list)
            if (related.Entry.Url == url) return true;
        return false;
    }

    /// <summary>
    /// The <paramref name="count"/> candidates of highest rank, equal ranks in the order found (a stable sort's first
    /// <paramref name="count"/>), kept in <paramref name="best"/>.
    /// </summary>
    private static List<(InitiativeEntry Other, int Rank)> HighestRanked(List<(InitiativeEntry Other, int Rank)> candidates, int count, List<(InitiativeEntry Other, int Rank)> best)
    {
        best.Clear();
        foreach (var candidate in candidates)
        {
            if (best.Count == count && best[^1].Rank >= candidate.Rank) continue;
            var at = best.Count;
            while (at > 0 && best[at - 1].Rank < candidate.Rank) at--;
            best.Insert(at, candidate);
            if (best.Count > count) best.RemoveAt(count);
        }
        return best;
    }

    private static readonly RoundedLengthSimilarity Scoring = new();

    /// <summary>How the lists score: <see cref="RoundedLengthSimilarity"/>.</summary>
    public static BM25Similarity Similarity => Scoring;

    /// <summary>
    /// BM25 as the search scores it, but with each field's average length rounded to three significant figures (a title of
    /// 15.3 terms, a body of 412). An edit of one initiative moves the exact average of every field, and with it every score
    /// of every list; the rounded one seldom moves, so watch mode can tell which lists an edit can change
    /// (<see cref="ListsAnEditCanChange"/>) instead of computing all 70,000 again. The lists hardly differ: BM25 weighs a
    /// document's length against the average, and a change in the fourth figure of the average is below any tie it breaks.
    /// </summary>
    private sealed class RoundedLengthSimilarity : BM25Similarity
    {
        protected override float AvgFieldLength(CollectionStatistics collectionStats) => Round(base.AvgFieldLength(collectionStats));

        /// <summary>The average length a field's lists are scored with.</summary>
        public float Average(CollectionStatistics statistics) => AvgFieldLength(statistics);

        private static float Round(float length)
        {
            if (length <= 0 || !float.IsFinite(length)) return length;
            var unit = Math.Pow(10, Math.Floor(Math.Log10(length)) - 2);
            return (float)(Math.Round(length / unit) * unit);
        }
    }

    private static int SharedCount(InitiativeEntry a, InitiativeEntry b)
    {
        var (mine, theirs) = (a.Initiative.Topics, b.Initiative.Topics);
        var count = 0;
        for (var i = 0; i < mine.Count; i++)
            for (var j = 0; j < theirs.Count; j++)
                if (mine[i] == theirs[j])
                {
                    count++;
                    break;
                }
        return count;
    }

    /// <summary>The topics of <paramref name="a"/> that <paramref name="b"/> has too, once each, in <paramref name="a"/>'s order.</summary>
    private static IReadOnlyList<Topic> Shared(InitiativeEntry a, InitiativeEntry b, ContentSet content)
    {
        var (mine, theirs) = (a.Initiative.Topics, b.Initiative.Topics);
        List<Topic>? shared = null;
        for (var i = 0; i < mine.Count; i++)
        {
            if (IndexOf(theirs, mine[i]) < 0 || IndexOf(mine, mine[i]) < i) continue;
            (shared ??= new List<Topic>(mine.Count)).Add(content.TopicsById[mine[i]]);
        }
        return shared ?? (IReadOnlyList<Topic>)[];
    }

    private static int IndexOf(IReadOnlyList<string> items, string item)
    {
        for (var i = 0; i < items.Count; i++)
            if (items[i] == item) return i;
        return -1;
    }

    /// <summary>
    /// The hits of Lucene's MoreLikeThis query (the 25 terms of highest tf·idf, each on the field where it is most
    /// frequent), built from document frequencies read once from the index. MoreLikeThis itself looks each
    /// term up in the term dictionary for every document: at 70,000 initiatives that was 40 million
    /// lookups and most of the build.
    /// </summary>
    internal sealed class MoreLikeThisQueries
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

        internal static readonly string[] Fields = [SearchDocument.Title, SearchDocument.Body];
        /// <summary>Picks a query's terms by tf·idf, as MoreLikeThis does; the hits are scored with <see cref="RelatedInitiatives.Similarity"/>.</summary>
        private static readonly TFIDFSimilarity TermPicking = new DefaultSimilarity();

        private readonly SearchIndex _index;
        private readonly Dictionary<string, (string Field, int DocFreq)> _frequencies = new(StringComparer.Ordinal);
        private readonly int _maxDocFreq;
        private readonly ConcurrentDictionary<string, TermScores> _scores = new(StringComparer.Ordinal);
        /// <summary>Score arrays as long as the index, one per query running at a time, reused.</summary>
        private readonly ConcurrentBag<Accumulator> _accumulators = [];
        /// <summary>Term enumerators and postings readers, one set per term being read at a time, reused.</summary>
        private readonly ConcurrentBag<PostingsReader> _readers = [];

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

        /// <summary>Whether a query may hold <paramref name="term"/>: long enough, in the index, and not in too many initiatives.</summary>
        public bool MayQuery(string term) =>
            term.Length >= MinWordLength && _frequencies.TryGetValue(term, out var f) && f.DocFreq <= _maxDocFreq;

        /// <summary>The documents whose title or body holds <paramref name="term"/>.</summary>
        public IEnumerable<int> DocumentsWith(string term)
        {
            foreach (var field in Fields)
            {
                var postings = _index.Composite.GetTermDocsEnum(new Term(field, term));
                if (postings is null) continue;
                for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc()) yield return doc;
            }
        }

        /// <summary>Where a body's lead stops: at the first line break, space, 。 or 、 from <see cref="LeadLength"/> on, which no term crosses.</summary>
        private static readonly SearchValues<char> TermBreaks = SearchValues.Create("\n \u3000。、");

        /// <summary>
        /// The start of a body that says what the initiative is about: <see cref="LeadLength"/> characters, and on to where no
        /// term is cut, so every term of a lead is one the index holds for the document (watch mode finds the lists an
        /// edited term can change through the index: <see cref="ListsAnEditCanChange"/>).
        /// </summary>
        internal static string Lead(string body)
        {
            if (body.Length <= LeadLength) return body;
            var stop = body.AsSpan(LeadLength).IndexOfAny(TermBreaks);
            return stop < 0 ? body : body[..(LeadLength + stop)];
        }

        /// <summary>The query's terms with their fields, in clause order; empty when the document has no usable term.</summary>
        public IReadOnlyList<(string Term, string Field)> Terms(SearchDocument document) => Terms(document, new Workspace());

        private (string Term, string Field)[] Terms(SearchDocument document, Workspace workspace)
        {
            var text = document.Fields[SearchDocument.Title] + "\n" + Lead(document.Fields[SearchDocument.Body]);
            // Counted under the index's own strings, found by span: a string per token was most of this step's garbage.
            var counts = workspace.TermCounts;
            counts.Clear();
            var known = _frequencies.GetAlternateLookup<ReadOnlySpan<char>>();
            _index.Analyzer.VisitTerms(text, term =>
            {
                if (term.Length >= MinWordLength && known.TryGetValue(term, out var indexed, out var f) && f.DocFreq <= _maxDocFreq)
                    counts[indexed] = counts.GetValueOrDefault(indexed) + 1;
            });
            var numDocs = _index.Reader.NumDocs;
            var scored = workspace.ScoredTerms;
            scored.Clear();
            foreach (var (term, count) in counts)
            {
                var (field, docFreq) = _frequencies[term];
                scored.Add((term, field, count * TermPicking.Idf(docFreq, numDocs)));
            }
            scored.Sort(HighestScoreFirst);
            var terms = new (string Term, string Field)[Math.Min(scored.Count, MaxQueryTerms)];
            for (var i = 0; i < terms.Length; i++) terms[i] = (scored[i].Term, scored[i].Field);
            return terms;
        }

        /// <summary>Highest tf·idf first, then by term: terms differ, so the order is total and the same as a stable sort's.</summary>
        private static readonly Comparison<(string Term, string Field, float Score)> HighestScoreFirst =
            (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Term, b.Term);

        /// <summary>
        /// The hits and scores Lucene's search of an OR of the <see cref="Terms(SearchDocument)"/> returns for <paramref name="count"/> hits,
        /// best first (ties go to the lower document number as in Lucene's collector), with the same BM25 scores: Lucene's
        /// similarity scores each term's postings once, and a query adds its terms' scores in the order Lucene's BooleanScorer
        /// does (so the sums are equal to the last bit). Lucene allocates a term enumerator, a postings reader and a
        /// 2,048-bucket table for every query: 6.5 GB at 19,500 initiatives.
        /// </summary>
        public IReadOnlyList<(int Doc, float Score)> Scored(SearchDocument document, int count) => Scored(document, count, new Workspace());

        internal (int Doc, float Score)[] Scored(SearchDocument document, int count, Workspace workspace)
        {
            var terms = Terms(document, workspace);
            if (terms.Length == 0) return [];
            if (!_accumulators.TryTake(out var accumulator)) accumulator = new Accumulator(_index.Reader.MaxDoc);
            // BooleanScorer chains its clauses' scorers last first and adds their scores up in a double.
            for (var i = terms.Length - 1; i >= 0; i--)
            {
                var (term, field) = terms[i];
                accumulator.Add(_scores.GetOrAdd(term, static (term, state) => state.Queries.Read(state.Field, term), (Queries: this, Field: field)));
            }
            var top = accumulator.TakeTop(count);
            _accumulators.Add(accumulator);
            return top;
        }

        /// <summary>A term's scores, read with a <see cref="PostingsReader"/> no other thread is using.</summary>
        private TermScores Read(string field, string text)
        {
            if (!_readers.TryTake(out var reader)) reader = new PostingsReader(_index);
            try
            {
                return reader.Read(field, text);
            }
            finally
            {
                _readers.Add(reader);
            }
        }

        /// <summary>A term's postings with each document's BM25 score for it, computed by Lucene's own similarity.</summary>
        private sealed class TermScores(int[] docs, float[] scores)
        {
            public int[] Docs { get; } = docs;
            public float[] Scores { get; } = scores;
        }

        /// <summary>
        /// Reads <see cref="TermScores"/> with one term enumerator per field, moved from term to term, and one postings
        /// reader: a new enumerator and reader for every term were most of the related lists' garbage.
        /// </summary>
        private sealed class PostingsReader(SearchIndex index)
        {
            private readonly Dictionary<string, (TermsEnum Terms, DocsEnum? Postings, CollectionStatistics Statistics)> _fields = new(StringComparer.Ordinal);

            public TermScores Read(string field, string text)
            {
                if (!_fields.TryGetValue(field, out var reader))
                    reader = (index.Composite.GetTerms(field)!.GetEnumerator(), null, index.Searcher.CollectionStatistics(field));
                var term = new BytesRef(text);
                // Every term asked for came from this field's term list (MoreLikeThisQueries' frequencies).
                if (!reader.Terms.SeekExact(term)) throw new InvalidOperationException($"{field}:{text} is not in the index");
                // As TermQuery weighs it inside a BooleanQuery: boost 1, and BM25's query norm is 1. The statistics are
                // those IndexSearcher.TermStatistics gives: the document and term frequencies summed over segments.
                var statistics = new TermStatistics(term, reader.Terms.DocFreq, reader.Terms.TotalTermFreq);
                var similarity = RelatedInitiatives.Similarity;
                var weight = similarity.ComputeWeight(1f, reader.Statistics, statistics);
                weight.Normalize(similarity.QueryNorm(weight.GetValueForNormalization()), 1f);
                var scorer = similarity.GetSimScorer(weight, index.Composite.AtomicContext);
                var postings = reader.Terms.Docs(null, reader.Postings, DocsFlags.FREQS);
                _fields[field] = reader with { Postings = postings };
                var docs = new int[reader.Terms.DocFreq];
                var scores = new float[docs.Length];
                var i = 0;
                for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc(), i++)
                {
                    docs[i] = doc;
                    scores[i] = scorer.Score(doc, postings.Freq);
                }
                return new TermScores(docs, scores);
            }
        }

        /// <summary>One thread's score sums over every document, cleared after each query.</summary>
        private sealed class Accumulator(int documents)
        {
            private readonly double[] _sums = new double[documents];
            private readonly bool[] _touched = new bool[documents];
            private readonly List<int> _docs = [];

            public void Add(TermScores term)
            {
                for (var i = 0; i < term.Docs.Length; i++)
                {
                    var doc = term.Docs[i];
                    if (!_touched[doc])
                    {
                        _touched[doc] = true;
                        _docs.Add(doc);
                    }
                    _sums[doc] += term.Scores[i];
                }
            }

            private readonly PriorityQueue<int, (float Score, int Doc)> _top = new(WorstFirst);

            public (int Doc, float Score)[] TakeTop(int count)
            {
                var top = _top;
                top.Clear();
                foreach (var doc in _docs)
                {
                    var key = ((float)_sums[doc], doc);
                    _sums[doc] = 0;
                    _touched[doc] = false;
                    // Most documents rank below a full list's worst: skip the heap for them (keys never tie, documents differ).
                    if (top.Count == count && (count == 0 || (top.TryPeek(out _, out var worst) && WorstFirst.Compare(key, worst) < 0))) continue;
                    top.Enqueue(doc, key);
                    if (top.Count > count) top.Dequeue();
                }
                _docs.Clear();
                var hits = new (int Doc, float Score)[top.Count];
                for (var i = hits.Length - 1; i >= 0; i--)
                {
                    top.TryDequeue(out var doc, out var key);
                    hits[i] = (doc, key.Score);
                }
                return hits;
            }

            private static readonly WorstFirstOrder WorstFirst = new();

            /// <summary>Lower score first; on equal scores the higher document number, which Lucene's collector drops first.</summary>
            private sealed class WorstFirstOrder : IComparer<(float Score, int Doc)>
            {
                public int Compare((float Score, int Doc) a, (float Score, int Doc) b) =>
                    a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Doc.CompareTo(a.Doc);
            }
        }
    }

    /// <summary>
    /// Per topic, the municipalities whose initiatives carry it, in code order. Codes are grouped by
    /// prefecture, so walking outward from a municipality's own code visits its neighbours first.
    /// </summary>
    private sealed class TopicNeighbours(ContentSet content)
    {
        // Each plan's initiatives by topic are made once per plan object (ContentSet.InitiativesByTopicOf): watch mode makes
        // this again after every edit, and grouping 70,000 initiatives anew was a twentieth of what an edit allocated.
        private readonly Dictionary<string, (string Code, InitiativeEntry[] Entries)[]> _byTopic = content.Plans
            .SelectMany(plan => ContentSet.InitiativesByTopicOf(plan).Select(topic => (Topic: topic.Key, plan.Municipality.Code, Entries: topic.Value)))
            .GroupBy(x => x.Topic, StringComparer.Ordinal)
            .ToDictionary(topic => topic.Key, topic => topic.Select(x => (x.Code, x.Entries)).OrderBy(x => x.Code, StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

        private static readonly IComparer<(string Code, InitiativeEntry[])> ByCode =
            Comparer<(string Code, InitiativeEntry[])>.Create((a, b) => string.CompareOrdinal(a.Code, b.Code));

        /// <summary>Fills <paramref name="nearest"/> with up to <paramref name="count"/> initiatives with <paramref name="topic"/>, of municipalities nearest to <paramref name="code"/> first.</summary>
        public void Nearest(string topic, string code, int count, List<InitiativeEntry> nearest)
        {
            nearest.Clear();
            if (!_byTopic.TryGetValue(topic, out var groups)) return;
            var at = Array.BinarySearch(groups, (code, Array.Empty<InitiativeEntry>()), ByCode);
            if (at < 0) at = ~at - 1;
            for (var distance = 1; nearest.Count < count && (at + distance < groups.Length || at - distance >= 0); distance++)
            {
                Take(groups, at + distance, count, nearest);
                Take(groups, at - distance, count, nearest);
            }
        }

        private static void Take((string Code, InitiativeEntry[] Entries)[] groups, int group, int count, List<InitiativeEntry> nearest)
        {
            if (group < 0 || group >= groups.Length) return;
            foreach (var entry in groups[group].Entries)
            {
                if (nearest.Count == count) return;
                nearest.Add(entry);
            }
        }
    }
}
