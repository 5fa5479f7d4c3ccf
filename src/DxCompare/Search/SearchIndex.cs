using DxCompare.Model;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace DxCompare.Search;

public sealed record SearchFilters(string? Municipality = null, string? Topic = null, int? Pillar = null, bool NewOnly = false)
{
    public bool Admits(SearchDocument document)
    {
        var entry = document.Entry;
        return (Municipality is null || entry.Municipality.Slug == Municipality)
            && (Topic is null || entry.Initiative.Topics.Contains(Topic))
            && (Pillar is null || entry.Pillar.Number == Pillar)
            && (!NewOnly || entry.Initiative.IsNew);
    }
}

public sealed record SearchHit(SearchDocument Document, float Score);

public sealed record SearchResults(string Query, IReadOnlyList<SearchHit> Hits, int Total, string? Message);

/// <summary>
/// The Lucene index of all initiatives (BM25 on writer and searcher). The CLI queries it directly and
/// the build exports it as static shards for the browser, which scores them with the same formula.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    public const int MaxQueryLength = 200;
    public const int MaxQueryTerms = 64;

    private readonly RAMDirectory _directory = new();

    /// <param name="segmentSize">Documents buffered per segment before a flush (tests set it low to exercise merging).</param>
    public SearchIndex(ContentSet content, AnalyzerOptions? options = null, int? segmentSize = null, CancellationToken cancel = default)
    {
        Options = options ?? AnalyzerOptions.Shipped;
        Analyzer = new JapaneseAnalyzer(Options);
        Documents = [.. content.Initiatives.Select((entry, id) => SearchDocument.From(id, entry, content))];
        TopicLabels = content.Topics.ToDictionary(t => t.Id, t => t.Label, StringComparer.Ordinal);
        var config = new IndexWriterConfig(JapaneseAnalyzer.Version, Analyzer)
        {
            Similarity = Similarity,
            OpenMode = OpenMode.CREATE,
            // Lucene document numbers are positions in Documents (hits, the static export and related lists rely on
            // it). The default TieredMergePolicy may merge segments out of order; a log merge policy keeps the order.
            MergePolicy = new LogByteSizeMergePolicy(),
        };
        if (segmentSize is { } size) config.MaxBufferedDocs = size;
        using (var writer = new IndexWriter(_directory, config))
        {
            foreach (var document in Documents)
            {
                cancel.ThrowIfCancellationRequested();
                var doc = new LuceneDocument { new StoredField("id", document.Id) };
                foreach (var (field, text) in document.Fields) doc.Add(new TextField(field, JapaneseAnalyzer.Normalize(text), Field.Store.NO));
                writer.AddDocument(doc);
            }
            writer.ForceMerge(1);
        }
        Reader = DirectoryReader.Open(_directory);
        Searcher = new IndexSearcher(Reader) { Similarity = Similarity };
    }

    public static readonly BM25Similarity Similarity = new();

    public AnalyzerOptions Options { get; }
    public JapaneseAnalyzer Analyzer { get; }
    public IReadOnlyList<SearchDocument> Documents { get; }
    public IReadOnlyDictionary<string, string> TopicLabels { get; }
    public DirectoryReader Reader { get; }
    public IndexSearcher Searcher { get; }

    /// <summary>The analysed terms of a query and their clause boosts (expansions from the synonym list weigh less).</summary>
    public IReadOnlyList<(string Term, float Boost)> QueryTerms(string query)
    {
        var normalized = JapaneseAnalyzer.Normalize(Truncate(query));
        var terms = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var term in Analyzer.Terms(normalized)) terms.TryAdd(term, 1f);
        if (Options.Synonyms)
        {
            foreach (var expansion in Synonyms.ExpansionsOf(normalized))
                foreach (var term in Analyzer.Terms(expansion)) terms.TryAdd(term, Synonyms.ExpansionBoost);
        }
        return [.. terms.Take(MaxQueryTerms).Select(t => (t.Key, t.Value))];
    }

    public static string Truncate(string query) => query.Length > MaxQueryLength ? query[..MaxQueryLength] : query;

    public SearchResults Search(string query, SearchFilters? filters = null, int limit = 10)
    {
        filters ??= new SearchFilters();
        if (string.IsNullOrWhiteSpace(query)) return new(query, [], 0, "検索語を入力してください。");
        var terms = QueryTerms(query);
        if (terms.Count == 0) return new(query, [], 0, "検索できる語が含まれていません。文字や単語で検索してください。");

        var top = Searcher.Search(BuildQuery(terms), Math.Max(1, Reader.MaxDoc));
        var hits = top.ScoreDocs
            .Select(hit => new SearchHit(Documents[hit.Doc], hit.Score))
            .Where(hit => filters.Admits(hit.Document))
            .OrderByDescending(hit => RankingScore(hit.Score))
            .ThenBy(hit => hit.Document.Id)
            .ToList();
        var message = hits.Count == 0 ? "該当する取組は見つかりませんでした。別の言葉や、より短い言葉で検索してください。" : null;
        return new(query, [.. hits.Take(limit)], hits.Count, message);
    }

    /// <summary>
    /// An OR of every term in every weighted field. When the query has words or bigrams, a hit must
    /// contain at least one of them: single kanji alone only add to the score.
    /// </summary>
    private Query BuildQuery(IReadOnlyList<(string Term, float Boost)> terms)
    {
        var fields = SearchDocument.FieldsFor(Options);
        BooleanQuery Clauses(IEnumerable<(string Term, float Boost)> selected)
        {
            var query = new BooleanQuery();
            foreach (var (term, boost) in selected)
                foreach (var (field, weight) in fields)
                    query.Add(new TermQuery(new Term(field, term)) { Boost = weight * boost }, Occur.SHOULD);
            return query;
        }
        var words = terms.Where(t => IsWord(t.Term)).ToList();
        if (words.Count == 0 || words.Count == terms.Count) return Clauses(terms);
        var outer = new BooleanQuery { { Clauses(words), Occur.MUST } };
        foreach (var clause in Clauses(terms.Where(t => !IsWord(t.Term))).Clauses) outer.Add(clause);
        return outer;
    }

    /// <summary>A term that stands for a word: two or more characters (bigrams, Latin words, numbers).</summary>
    public static bool IsWord(string term) => term.Length > 1;

    /// <summary>
    /// Scores are compared at 4 decimals, then by document order, so that the browser (which adds the
    /// same float terms, possibly in another order) ranks exactly as the CLI does.
    /// </summary>
    public static double RankingScore(float score) => Math.Round(score, 4, MidpointRounding.AwayFromZero);

    public void Dispose()
    {
        Reader.Dispose();
        _directory.Dispose();
        Analyzer.Dispose();
    }
}
