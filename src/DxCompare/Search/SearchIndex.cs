using DxCompare.Model;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

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

/// <param name="Plan">How the query was read (terms, units, a municipality it names, whether it asks for a figure); null for a blank query.</param>
public sealed record SearchResults(string Query, IReadOnlyList<SearchHit> Hits, int Total, string? Message, QueryPlan? Plan);

/// <summary>
/// The Lucene index of all initiatives (BM25 on writer and searcher). The CLI queries it directly and
/// the build exports it as static shards for the browser, which scores them with the same formula.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    public const int MaxQueryLength = SearchSettings.MaxQueryLength;
    public const int MaxQueryTerms = SearchSettings.MaxQueryTerms;

    /// <summary>The one folder of a small index (or the CLI's on disk); null for an index made of <see cref="_parts"/>.</summary>
    private readonly Lucene.Net.Store.Directory? _directory;

    /// <summary>
    /// A large index is made of parts, each a run of consecutive documents in an index of its own, read together in
    /// document order. Watch mode reuses the parts an edit leaves alone (<see cref="Updated"/>). A part's folder is never
    /// disposed: the generations that share it each open their own reader, and it holds nothing but memory.
    /// </summary>
    private readonly IReadOnlyList<Part> _parts;

    private sealed record Part(int Start, int Count, Lucene.Net.Store.Directory Directory);

    /// <summary>Tests: the folders of the parts, to tell which an update reused.</summary>
    internal IReadOnlyList<object> PartFolders => [.. _parts.Select(part => part.Directory)];

    /// <summary>How an index was opened: its reader, its parts (none for one folder), the folder it owns.</summary>
    private sealed record Opened(IndexReader Reader, IReadOnlyList<Part> Parts, Lucene.Net.Store.Directory? Directory, bool Reused = false);

    /// <param name="segmentSize">Documents buffered per segment before a flush (tests set it low to exercise merging).</param>
    /// <param name="documents">The content's documents (<see cref="DocumentsOf"/>) when the caller made them already.</param>
    public SearchIndex(ContentSet content, AnalyzerOptions? options = null, int? segmentSize = null, IReadOnlyList<SearchDocument>? documents = null,
        CancellationToken cancel = default)
        : this(content, options, documents, index => segmentSize is null && index.InPartsBySize
            ? index.InParts(index.FreshParts(), cancel)
            : index.Written(new RAMDirectory(), segmentSize, writer => Add(writer, index.Documents, cancel)))
    { }

    private SearchIndex(ContentSet content, AnalyzerOptions? options, IReadOnlyList<SearchDocument>? documents, Func<SearchIndex, Opened> open)
    {
        Options = options ?? AnalyzerOptions.Shipped;
        Analyzer = new JapaneseAnalyzer(Options);
        Documents = documents ?? DocumentsOf(content);
        TopicLabels = content.Topics.ToDictionary(t => t.Id, t => t.Label, StringComparer.Ordinal);
        var opened = open(this);
        (Reader, _parts, _directory, Reused) = (opened.Reader, opened.Parts, opened.Directory, opened.Reused);
        Composite = SlowCompositeReaderWrapper.Wrap(Reader);
        Searcher = new IndexSearcher(Reader) { Similarity = Similarity };
    }

    /// <summary>One folder filled by one writer: a small index, the CLI's index on disk, an update of a small index.</summary>
    private Opened Written(Lucene.Net.Store.Directory directory, int? segmentSize, Action<IndexWriter> write, string? fingerprint = null)
    {
        var config = WriterConfig(Analyzer);
        if (segmentSize is { } size) config.MaxBufferedDocs = size;
        using (var writer = new IndexWriter(directory, config))
        {
            write(writer);
            if (fingerprint is not null) writer.SetCommitData(new Dictionary<string, string> { [FingerprintKey] = fingerprint });
        }
        return new Opened(DirectoryReader.Open(directory), [], directory);
    }

    /// <summary>Whether this many documents are made in parts (at least two of <see cref="MinimumRun"/>).</summary>
    private bool InPartsBySize => Documents.Count >= 2 * MinimumRun;

    /// <summary>
    /// Up to twice as many parts as cores: a core whose part ends early (its documents were shorter, or it shared its time
    /// with the downloads) takes another instead of waiting for the last one.
    /// </summary>
    private IReadOnlyList<(int Start, int Count, Part? Reused)> FreshParts(int? parts = null)
    {
        var (count, n) = (Documents.Count, parts ?? Math.Min(Documents.Count / MinimumRun, 2 * Environment.ProcessorCount));
        return [.. Enumerable.Range(0, n).Select(p => (p * count / n, (p + 1) * count / n - p * count / n, (Part?)null))];
    }

    /// <summary>
    /// Makes the parts on every core at once: each new part analyses its documents, or (given <paramref name="previous"/>
    /// and its <paramref name="runs"/>) copies the unchanged ones from it and analyses the others; a reused part is kept.
    /// The parts are read together in order: every reader here sums the statistics over them, so scores equal one writer's.
    /// </summary>
    private Opened InParts(IReadOnlyList<(int Start, int Count, Part? Reused)> plan, CancellationToken cancel, SearchIndex? previous = null, IReadOnlyList<Run>? runs = null)
    {
        var parts = new Part[plan.Count];
        Parallel.For(0, plan.Count, new ParallelOptions { CancellationToken = cancel }, p =>
        {
            var (start, count, reused) = plan[p];
            if (reused is not null)
            {
                parts[p] = reused with { Start = start };
                return;
            }
            var directory = new RAMDirectory();
            using (var writer = new IndexWriter(directory, WriterConfig(Analyzer)))
            {
                if (previous is null) Add(writer, Documents.Skip(start).Take(count), cancel);
                else Merge(writer, this, previous.Reader, [.. Within(runs!, start, count)], cancel);
            }
            parts[p] = new Part(start, count, directory);
        });
        cancel.ThrowIfCancellationRequested();
        return new Opened(new MultiReader([.. parts.Select(part => (IndexReader)DirectoryReader.Open(part.Directory))], closeSubReaders: true), parts, null);
    }

    /// <summary>The pieces of <paramref name="runs"/> between <paramref name="start"/> and <paramref name="start"/> + <paramref name="count"/>.</summary>
    private static IEnumerable<Run> Within(IReadOnlyList<Run> runs, int start, int count)
    {
        foreach (var run in runs)
        {
            var (from, to) = (Math.Max(run.Start, start), Math.Min(run.Start + run.Count, start + count));
            if (from < to) yield return new Run(from, to - from, run.From + (from - run.Start));
        }
    }

    private static IndexWriterConfig WriterConfig(JapaneseAnalyzer analyzer) => new(JapaneseAnalyzer.Version, analyzer)
    {
        Similarity = Similarity,
        OpenMode = OpenMode.CREATE,
        // Lucene document numbers are positions in Documents (hits, the static export and related lists rely on
        // it). The default TieredMergePolicy may merge segments out of order; a log merge policy keeps the order.
        MergePolicy = new LogByteSizeMergePolicy(),
    };

    /// <summary>
    /// Analysed text with term frequencies and norms but no positions: no query here or in the browser reads them
    /// (all scoring is per term), and writing them was a third of the index's postings work.
    /// </summary>
    private static readonly FieldType Analysed = Frozen(new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS });

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    /// <summary>Analyses and adds documents in order. Nothing is stored: a hit's document number is its position in Documents.</summary>
    private static void Add(IndexWriter writer, IEnumerable<SearchDocument> documents, CancellationToken cancel)
    {
        var analysis = new DocumentAnalysis(writer.Analyzer, Analysed);
        foreach (var document in documents)
        {
            cancel.ThrowIfCancellationRequested();
            writer.AddDocument(analysis.Fields(document));
        }
    }

    /// <summary>
    /// Watch mode: the index of <paramref name="content"/>, in which only the documents of the plans in
    /// <paramref name="changedSlugs"/> are analysed; every other document is copied from <paramref name="previous"/> (the
    /// same postings, norms and statistics as a fresh index, a fraction of the time). A large index reuses each of its
    /// parts that no changed document falls in, as it is; only the others are made again. When a document outside those
    /// plans differs from its copy in <paramref name="previous"/> (or is not there), everything is analysed.
    /// </summary>
    public static SearchIndex Updated(SearchIndex previous, ContentSet content, IReadOnlySet<string> changedSlugs,
        IReadOnlyList<SearchDocument>? documents = null, CancellationToken cancel = default)
    {
        documents ??= DocumentsOf(content);
        var runs = RunsOf(previous, documents, changedSlugs);
        if (runs is null) return new SearchIndex(content, previous.Options, documents: documents, cancel: cancel);
        return previous._parts.Count > 0
            ? new SearchIndex(content, previous.Options, documents, index => index.InParts(PartsAfter(previous._parts, runs, documents.Count), cancel, previous, runs))
            : new SearchIndex(content, previous.Options, documents, index => index.Written(new RAMDirectory(), null, writer => Merge(writer, index, previous.Reader, runs, cancel)));
    }

    /// <summary>
    /// The parts of an updated index: each previous part that one run of copied documents holds whole is reused where
    /// those documents are now; the documents between reused parts make new parts.
    /// </summary>
    private static List<(int Start, int Count, Part? Reused)> PartsAfter(IReadOnlyList<Part> previous, IReadOnlyList<Run> runs, int documents)
    {
        var plan = new List<(int Start, int Count, Part? Reused)>();
        var at = 0;
        foreach (var part in previous)
        {
            var run = runs.FirstOrDefault(r => r.From <= part.Start && part.Start + part.Count <= r.From + r.Count);
            if (run is null) continue;
            var start = run.Start + (part.Start - run.From!.Value);
            if (start < at) continue;
            if (at < start) plan.Add((at, start - at, null));
            plan.Add((start, part.Count, part));
            at = start + part.Count;
        }
        if (at < documents) plan.Add((at, documents - at, null));
        return plan;
    }

    /// <summary>A run of consecutive new documents: copied from the previous index at <paramref name="From"/>, or analysed (null).</summary>
    private sealed record Run(int Start, int Count, int? From);

    private static List<Run>? RunsOf(SearchIndex previous, IReadOnlyList<SearchDocument> documents, IReadOnlySet<string> changedSlugs)
    {
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < previous.Documents.Count; i++) positions[previous.Documents[i].Key] = i;
        var runs = new List<Run>();
        for (var i = 0; i < documents.Count; i++)
        {
            int? from = null;
            if (!changedSlugs.Contains(documents[i].Slug))
            {
                if (!positions.TryGetValue(documents[i].Key, out var old) || !SameText(previous.Documents[old], documents[i])) return null;
                from = old;
            }
            if (runs.Count > 0 && runs[^1] is var last && (from is null ? last.From is null : last.From + last.Count == from))
                runs[^1] = last with { Count = last.Count + 1 };
            else
                runs.Add(new Run(i, 1, from));
        }
        return runs;
    }

    internal static bool SameText(SearchDocument a, SearchDocument b) =>
        ReferenceEquals(a.Fields, b.Fields) || a.Fields.Count == b.Fields.Count && a.Fields.All(f => b.Fields.TryGetValue(f.Key, out var text) && string.Equals(f.Value, text, StringComparison.Ordinal));

    /// <summary>
    /// The terms whose postings differ between each document before and after an edit, analysed as this index analyses
    /// them: in some field, one version holds the term and the other does not, or holds it as many times.
    /// </summary>
    internal HashSet<string> TermsChangedBetween(IReadOnlyList<(SearchDocument Before, SearchDocument After)> edits)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        if (edits.Count == 0) return changed;
        using var directory = new RAMDirectory();
        // Document 2k is edit k's version before, 2k + 1 its version after.
        using (var writer = new IndexWriter(directory, WriterConfig(Analyzer))) Add(writer, edits.SelectMany(e => new[] { e.Before, e.After }), default);
        using var reader = DirectoryReader.Open(directory);
        var leaf = SlowCompositeReaderWrapper.Wrap(reader);
        var frequencies = new int[2 * edits.Count];
        foreach (var field in leaf.Fields)
        {
            var termsEnum = leaf.GetTerms(field).GetEnumerator();
            DocsEnum? docs = null;
            while (termsEnum.MoveNext())
            {
                Array.Clear(frequencies);
                docs = termsEnum.Docs(null, docs, DocsFlags.FREQS);
                for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc()) frequencies[doc] = docs.Freq;
                for (var k = 0; k < edits.Count; k++)
                {
                    if (frequencies[2 * k] == frequencies[2 * k + 1]) continue;
                    changed.Add(termsEnum.Term.Utf8ToString());
                    break;
                }
            }
        }
        return changed;
    }

    /// <summary>Below this many documents a run is not worth an index and a thread of its own.</summary>
    private const int MinimumRun = 1_000;

    /// <summary>
    /// How a loop over <paramref name="documents"/> documents runs: on every core, or on the calling thread alone below
    /// <see cref="MinimumRun"/>: while the index is made the other cores write the downloads and /admin/, and a share
    /// of a small loop handed to one of them waits its turn there (the real content: 20 ms of a 130 ms build).
    /// </summary>
    internal static ParallelOptions DocumentLoop(int documents, CancellationToken cancel = default) =>
        new() { MaxDegreeOfParallelism = documents < MinimumRun ? 1 : -1, CancellationToken = cancel };

    /// <summary>Tests: a fresh index made of <paramref name="parts"/> parts, as a large one is, whatever its size.</summary>
    internal static SearchIndex OfParts(ContentSet content, int parts) =>
        new(content, null, null, index => index.InParts(index.FreshParts(parts), default));

    /// <summary>
    /// Fills <paramref name="writer"/> in document order from <paramref name="runs"/>: each run to analyse gets an index of
    /// its own, made on every core at once, and each run to copy is read from <paramref name="previous"/>; one merge puts
    /// them all together.
    /// </summary>
    private static void Merge(IndexWriter writer, SearchIndex index, IndexReader previous, IReadOnlyList<Run> runs, CancellationToken cancel)
    {
        var analysed = new Lucene.Net.Store.Directory?[runs.Count];
        var readers = new List<IndexReader>();
        try
        {
            Parallel.For(0, runs.Count, new ParallelOptions { CancellationToken = cancel }, r =>
            {
                if (runs[r].From is not null) return;
                var directory = new RAMDirectory();
                using (var small = new IndexWriter(directory, WriterConfig(index.Analyzer)))
                    Add(small, index.Documents.Skip(runs[r].Start).Take(runs[r].Count), cancel);
                analysed[r] = directory;
            });
            cancel.ThrowIfCancellationRequested();
            // A copied run is not disposed: it would close the previous index's reader, which it only wraps.
            for (var r = 0; r < runs.Count; r++)
            {
                if (runs[r].From is { } from)
                    readers.AddRange(RangesOf(previous, from, runs[r].Count));
                else
                    readers.Add(DirectoryReader.Open(analysed[r]!));
            }
            writer.AddIndexes([.. readers]);
        }
        finally
        {
            foreach (var reader in readers.OfType<DirectoryReader>()) reader.Dispose();
            foreach (var directory in analysed) directory?.Dispose();
        }
    }

    /// <summary>Documents <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> of <paramref name="previous"/>, segment by segment.</summary>
    private static IEnumerable<IndexReader> RangesOf(IndexReader previous, int first, int count) =>
        from leaf in previous.Leaves
        let start = Math.Max(first, leaf.DocBase)
        let end = Math.Min(first + count, leaf.DocBase + leaf.Reader.MaxDoc)
        where start < end
        select new DocumentRange(leaf.AtomicReader, start - leaf.DocBase, end - start);

    /// <summary>A range of another reader's documents, the rest seen as deleted (a merge copies only the range).</summary>
    private sealed class DocumentRange(AtomicReader input, int start, int count) : FilterAtomicReader(input)
    {
        public override Lucene.Net.Util.IBits LiveDocs { get; } = new Range(start, count, input.MaxDoc);
        public override int NumDocs => count;

        private sealed class Range(int start, int count, int length) : Lucene.Net.Util.IBits
        {
            public bool Get(int index) => index >= start && index < start + count;
            public int Length => length;
        }
    }

    public static readonly BM25Similarity Similarity = new();

    /// <summary>Every initiative as a search document, made on every core; a document's id is its position, and Lucene's document number.</summary>
    public static IReadOnlyList<SearchDocument> DocumentsOf(ContentSet content)
    {
        var initiatives = content.Initiatives;
        var documents = new SearchDocument[initiatives.Count];
        Parallel.For(0, documents.Length, DocumentLoop(documents.Length), id => documents[id] = SearchDocument.From(id, initiatives[id], content));
        return documents;
    }

    private const string FingerprintKey = "dxcompare-fingerprint";

    /// <summary>True when <see cref="OpenOrBuild"/> found an index of the same content and code on disk.</summary>
    public bool Reused { get; }

    /// <summary>
    /// The CLI's index: kept in <paramref name="folder"/> and reused while the content files and the
    /// program are unchanged (their hash is stored in the Lucene commit); rebuilt otherwise.
    /// </summary>
    public static SearchIndex OpenOrBuild(ContentSet content, string contentDirectory, string folder)
    {
        System.IO.Directory.CreateDirectory(folder);
        var directory = FSDirectory.Open(folder);
        var fingerprint = Fingerprint(contentDirectory);
        return new SearchIndex(content, null, null, index =>
        {
            if (DirectoryReader.IndexExists(directory) && DirectoryReader.ListCommits(directory)[^1].UserData.TryGetValue(FingerprintKey, out var stored) && stored == fingerprint)
                return new Opened(DirectoryReader.Open(directory), [], directory, Reused: true);
            if (!index.InPartsBySize) return index.Written(directory, null, writer => Add(writer, index.Documents, default), fingerprint);
            // Made in parts on every core, then their segments copied into the folder as they are.
            var parts = index.InParts(index.FreshParts(), default);
            parts.Reader.Dispose();
            return index.Written(directory, null, writer => writer.AddIndexes([.. parts.Parts.Select(part => part.Directory)]), fingerprint);
        });
    }

    /// <summary>A hash of every file under the content folder (path and bytes) and of this build of the program.</summary>
    public static string Fingerprint(string contentDirectory)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        hash.AppendData(typeof(SearchIndex).Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        foreach (var file in System.IO.Directory.EnumerateFiles(contentDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(contentDirectory, file) + "\0"));
            hash.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public AnalyzerOptions Options { get; }
    public JapaneseAnalyzer Analyzer { get; }
    public IReadOnlyList<SearchDocument> Documents { get; }
    public IReadOnlyDictionary<string, string> TopicLabels { get; }
    /// <summary>The whole index in document order: one folder's reader, or its parts' read together.</summary>
    public IndexReader Reader { get; }

    /// <summary>
    /// <see cref="Reader"/> as one atomic reader: a large index keeps the segments it was analysed in, and what reads
    /// the postings and norms directly (the static export, related lists, concept counts) sees them in document order.
    /// </summary>
    public AtomicReader Composite { get; }
    public IndexSearcher Searcher { get; }

    /// <summary>The municipalities a query may name, as (slug, name), in document order.</summary>
    public IReadOnlyList<(string Slug, string Name)> Municipalities => _municipalities ??=
        [.. Documents.Select(d => (d.Slug, d.Entry.Municipality.Name)).Distinct()];
    private IReadOnlyList<(string Slug, string Name)>? _municipalities;

    public QueryPlan Plan(string query) => QueryPlan.Prepare(query, Analyzer, Municipalities);

    /// <summary>The analysed terms of a query and their clause boosts (expansions from the synonym list weigh less).</summary>
    public IReadOnlyList<(string Term, float Boost)> QueryTerms(string query) => Plan(query).Terms;

    public static string Truncate(string query) => query.Length > MaxQueryLength ? query[..MaxQueryLength] : query;

    /// <summary>
    /// BM25 over every term in every weighted field; a hit must satisfy one word unit of the query
    /// (<see cref="QueryPlan"/>) and score at least <see cref="SearchSettings.RelativeCutoff"/> of the best
    /// hit before filters (so the counts beside the filters stay true). A municipality named in the query
    /// filters unless the filters name one.
    /// </summary>
    public SearchResults Search(string query, SearchFilters? filters = null, int limit = 10)
    {
        filters ??= new SearchFilters();
        if (string.IsNullOrWhiteSpace(query)) return new(query, [], 0, SearchSettings.MessageEmpty, null);
        var plan = Plan(query);
        if (plan.Terms.Count == 0) return new(query, [], 0, SearchSettings.MessageNoTerms, plan);
        if (filters.Municipality is null && plan.Municipality is not null) filters = filters with { Municipality = plan.Municipality };

        var top = Searcher.Search(BuildQuery(plan.Terms), Math.Max(1, Reader.MaxDoc));
        var found = ConceptsFound(plan);
        var candidates = top.ScoreDocs
            .Where(hit => found is null || found[hit.Doc] > 0)
            .Select(hit => new SearchHit(Documents[hit.Doc], found is null ? hit.Score : hit.Score * ((float)found[hit.Doc] / plan.Concepts)))
            .ToList();
        var best = candidates.Count == 0 ? 0 : candidates.Max(hit => RankingScore(hit.Score));
        var hits = candidates
            .Where(hit => RankingScore(hit.Score) >= best * SearchSettings.RelativeCutoff && filters.Admits(hit.Document))
            .OrderByDescending(hit => RankingScore(hit.Score))
            .ThenBy(hit => hit.Document.Id)
            .ToList();
        return new(query, [.. hits.Take(limit)], hits.Count, hits.Count == 0 ? SearchSettings.MessageNoHits : null, plan);
    }

    /// <summary>An OR of every term in every weighted field (BM25's coord and query norm are 1, so scores are plain sums).</summary>
    private Query BuildQuery(IReadOnlyList<(string Term, float Boost)> terms)
    {
        var fields = SearchDocument.FieldsFor(Options);
        var query = new BooleanQuery();
        foreach (var (term, boost) in terms)
            foreach (var (field, weight) in fields)
                query.Add(new TermQuery(new Term(field, term)) { Boost = weight * boost }, Occur.SHOULD);
        return query;
    }

    /// <summary>How many of the query's concepts each document finds; null when the query has none (single kanji only: any term makes a hit).</summary>
    private int[]? ConceptsFound(QueryPlan plan)
    {
        if (plan.Concepts == 0) return null;
        var leaf = Composite;
        var fields = SearchDocument.FieldsFor(Options);
        var containing = new Dictionary<string, bool[]>(StringComparer.Ordinal);
        bool[] DocumentsWith(string term)
        {
            if (containing.TryGetValue(term, out var docs)) return docs;
            docs = new bool[Reader.MaxDoc];
            foreach (var (field, _) in fields)
            {
                var postings = leaf.GetTermDocsEnum(new Term(field, term));
                if (postings is null) continue;
                for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc()) docs[doc] = true;
            }
            return containing[term] = docs;
        }
        var found = new bool[plan.Concepts, Reader.MaxDoc];
        var counts = new int[Reader.MaxDoc];
        foreach (var unit in plan.Units)
        {
            var all = Enumerable.Repeat(true, Reader.MaxDoc).ToArray();
            foreach (var part in unit.Parts)
            {
                Array.Clear(counts);
                foreach (var word in part.Words)
                {
                    var docs = DocumentsWith(word);
                    for (var doc = 0; doc < docs.Length; doc++) if (docs[doc]) counts[doc]++;
                }
                for (var doc = 0; doc < all.Length; doc++) all[doc] &= counts[doc] >= part.MinMatch;
            }
            for (var doc = 0; doc < all.Length; doc++) if (all[doc]) found[unit.Concept, doc] = true;
        }
        var result = new int[Reader.MaxDoc];
        for (var c = 0; c < plan.Concepts; c++)
            for (var doc = 0; doc < result.Length; doc++) if (found[c, doc]) result[doc]++;
        return result;
    }

    /// <summary>
    /// Scores are compared at 4 decimals, then by document order, so that the browser (which adds the
    /// same float terms, possibly in another order) ranks exactly as the CLI does.
    /// </summary>
    public static double RankingScore(float score) => Math.Round(score, 4, MidpointRounding.AwayFromZero);

    public void Dispose()
    {
        Reader.Dispose();
        _directory?.Dispose();
        Analyzer.Dispose();
    }
}
