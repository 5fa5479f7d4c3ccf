using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using DxCompare.Model;
using DxCompare.Output;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace DxCompare.Search;

/// <summary>
/// Writes the Lucene index as static files the browser fetches on demand (after Pagefind's chunked
/// index), each gzip-compressed at build time and named by a hash of its content:
/// <list type="bullet">
/// <item><c>manifest.json</c>: parameters and the term range of every term shard;</item>
/// <item><c>terms.&lt;hash&gt;.bin</c>: postings of a range of terms, cut at about <see cref="ShardBytes"/>
/// so a query fetches little besides its own terms: per field, the document frequency, delta-coded
/// document numbers and term frequencies as varints;</item>
/// <item><c>documents.&lt;hash&gt;.bin</c>: what every query needs per document, fetched once: the Lucene
/// norm byte of each field (so the browser decodes document length exactly as Lucene does and
/// computes the same BM25 score), the facet values (pillar, 新規, topics) and the plans;</item>
/// <item><c>fragments/&lt;plan hash&gt;-&lt;k&gt;.bin</c>: the fragments (title, URL, label, snippet source) of
/// <see cref="FragmentsPerFile"/> consecutive documents of a plan, fetched only for displayed results; the hash
/// covers the plan's fragments, so the files of an unchanged plan keep their names.</item>
/// </list>
/// The format is described in docs/search.md ("How the static index is laid out").
/// </summary>
public static class StaticSearchExport
{
    public const string Folder = "search/index";
    public const string FragmentFolder = "fragments";
    public const int FormatVersion = 4;
    /// <summary>Uncompressed postings bytes after which a term shard is closed (a frequent term gets a shard to itself).</summary>
    public const int ShardBytes = 2048;

    /// <summary>
    /// Documents whose fragments share a file. A file per document (Pagefind's layout) made the fragments half of a
    /// build's files, each costing 0.1–0.3 ms of the file system's time at scale (70,000 at N = 1,788). Two to a file
    /// writes half as many for 0.8 KB fetched per displayed result instead of 0.5 KB; four wrote a quarter as many but
    /// fetched 1.4 KB, 10 KB more for a page of results on a phone (docs/search.md).
    /// </summary>
    public const int FragmentsPerFile = 2;

    private static readonly SearchExportJson Json = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });

    public sealed record FieldInfo(string Name, float Weight, float Avgdl);
    public sealed record Manifest(
        int Version, int DocCount, int FragmentsPerFile, float K1, float B, float ExpansionBoost,
        AnalyzerFlags Analyzer, IReadOnlyList<FieldInfo> Fields, Settings Settings, IReadOnlyList<string[][]> Synonyms,
        IReadOnlyList<string[]> TermShards, string Documents);

    /// <summary><see cref="SearchSettings"/>, for the browser client.</summary>
    public sealed record Settings(
        int MaxQueryLength, int MaxQueryTerms, int SnippetBefore, int SnippetWidth, double RelativeCutoff, int PageSize,
        IReadOnlyDictionary<string, string> Messages, IReadOnlyList<string> FilterKeys, IReadOnlyList<string> QuestionPhrases, IReadOnlyList<string> FigureWords)
    {
        public static readonly Settings Shared = new(SearchSettings.MaxQueryLength, SearchSettings.MaxQueryTerms, SearchSettings.SnippetBefore,
            SearchSettings.SnippetWidth, SearchSettings.RelativeCutoff, SearchSettings.PageSize,
            new Dictionary<string, string> { ["empty"] = SearchSettings.MessageEmpty, ["noTerms"] = SearchSettings.MessageNoTerms, ["noHits"] = SearchSettings.MessageNoHits },
            SearchSettings.FilterKeys, SearchSettings.QuestionPhrases, SearchSettings.FigureWords);
    }
    public sealed record AnalyzerFlags(bool Unigrams, bool Bridge, bool Synonyms, bool Phrases);

    /// <summary>The JSON head of the document table (<see cref="DocumentTable"/>).</summary>
    internal sealed record DocumentHeader(IReadOnlyList<object[]> Plans, IReadOnlyList<string> Topics, IReadOnlyList<int[]> TopicSets);

    /// <summary>What an export wrote: total bytes and every file, relative to the index folder.</summary>
    /// <param name="Sizes">Each file's bytes on disk, so that the next export into the same folder need not look at it.</param>
    public sealed record Written(long Bytes, IReadOnlyDictionary<string, long> Sizes)
    {
        public IReadOnlySet<string> Files { get; } = Sizes.Keys.ToHashSet(StringComparer.Ordinal);

        /// <summary>The fragments' plan runs, so that the next export reuses the names of unchanged plans' fragments.</summary>
        internal IReadOnlyList<PlanRun> Plans { get; init; } = [];

        /// <summary>The terms' postings and shards, so that the next export makes again only those of the terms an edit touched.</summary>
        internal TermTable? Terms { get; init; }
    }

    /// <summary>
    /// Writes the files under {output}/search/index. A file whose content-hashed name already exists is
    /// left as it is (watch mode rewrites only what changed).
    /// </summary>
    public static Written Write(SearchIndex index, string outputRoot) => Write(index, WriteFragments(index.Documents, outputRoot), ShardBytes);

    /// <summary>
    /// Watch mode: the export of <paramref name="index"/> into the folder <paramref name="previous"/> was written to, which
    /// holds just those files: known by their names instead of listed, and an unchanged plan's fragments not made again.
    /// </summary>
    public static Written Write(SearchIndex index, string outputRoot, Written previous)
    {
        var files = new Files(Path.Combine(outputRoot, Folder), previous.Sizes);
        return Write(index, new Fragments(files, WriteFragments(index.Documents, files, previous.Plans)), ShardBytes, previous.Terms);
    }

    /// <summary>The fragment files a build wrote, to be completed by <see cref="Write(SearchIndex, Fragments)"/>.</summary>
    public sealed class Fragments
    {
        internal Fragments(Files files, IReadOnlyList<PlanRun> plans)
        {
            Files = files;
            Plans = plans;
        }

        internal Files Files { get; }
        internal IReadOnlyList<PlanRun> Plans { get; }
    }

    /// <summary>
    /// The first half of an export: one fragment file per document. It needs the documents and not the index, so a
    /// build writes the fragments while the index is being built.
    /// </summary>
    public static Fragments WriteFragments(IReadOnlyList<SearchDocument> documents, string outputRoot)
    {
        var files = new Files(Path.Combine(outputRoot, Folder));
        return new Fragments(files, WriteFragments(documents, files));
    }

    /// <summary>The second half: term shards, the document table and the manifest, next to <paramref name="fragments"/> of the same documents.</summary>
    public static Written Write(SearchIndex index, Fragments fragments) => Write(index, fragments, ShardBytes);

    internal static Written Write(SearchIndex index, string outputRoot, int shardBytes) => Write(index, WriteFragments(index.Documents, outputRoot), shardBytes);

    private static Written Write(SearchIndex index, Fragments fragments, int shardBytes, TermTable? previous = null)
    {
        var files = fragments.Files;
        var fields = SearchDocument.FieldsFor(index.Options);
        var leaf = index.Composite;
        var docCount = index.Reader.MaxDoc;

        var fieldInfos = new FieldInfo[fields.Count];
        var norms = new byte[fields.Count * docCount];
        Parallel.For(0, fields.Count, f =>
        {
            var (field, weight) = fields[f];
            var terms = leaf.GetTerms(field);
            var sum = terms?.SumTotalTermFreq ?? 0;
            fieldInfos[f] = new FieldInfo(field, weight, sum <= 0 ? 1f : (float)(sum / (double)docCount));
            if (terms is null) return;
            var fieldNorms = leaf.GetNormValues(field);
            for (var doc = 0; doc < docCount; doc++) norms[f * docCount + doc] = (byte)fieldNorms.Get(doc);
        });
        var table = TermTable.After(previous, index, fields) ?? TermTable.Of(index, fields);
        var shards = table.Cut(shardBytes, previous, files);

        var documents = files.Save("documents", DocumentTable(index, fragments.Plans, norms));

        var manifest = new Manifest(FormatVersion, docCount, FragmentsPerFile, SearchIndex.Similarity.K1, SearchIndex.Similarity.B, Synonyms.ExpansionBoost,
            new AnalyzerFlags(index.Options.OutputUnigrams, index.Options.BridgeScripts, index.Options.Synonyms, index.Options.Phrases),
            [.. fieldInfos], Settings.Shared, index.Options.Synonyms ? [.. Synonyms.Groups.Select(g => new[] { g.Targets.ToArray(), g.Triggers.ToArray(), g.Quiet.ToArray() })] : [],
            shards, documents);
        files.WriteManifest(JsonSerializer.SerializeToUtf8Bytes(manifest, Json.Manifest));
        return new Written(files.Bytes, files.Sizes) { Plans = fragments.Plans, Terms = table };
    }

    /// <summary>The <paramref name="k"/>th fragment file of a plan run whose fragments hash to <paramref name="hash"/>.</summary>
    private static string FragmentName(string hash, int k) => $"{FragmentFolder}/{hash}-{k}.bin";

    /// <summary>How many fragment files a plan run of <paramref name="documents"/> documents has.</summary>
    internal static int FragmentFiles(int documents) => (documents + FragmentsPerFile - 1) / FragmentsPerFile;

    /// <summary>The <paramref name="k"/>th fragment file's content: a JSON array of its documents' fragments.</summary>
    private static byte[] FragmentFile(byte[][] fragments, int k)
    {
        using var file = new MemoryStream();
        foreach (var fragment in fragments.Skip(k * FragmentsPerFile).Take(FragmentsPerFile))
        {
            file.WriteByte(file.Length == 0 ? (byte)'[' : (byte)',');
            file.Write(fragment);
        }
        file.WriteByte((byte)']');
        return file.ToArray();
    }

    /// <summary>
    /// A run of consecutive documents of one plan, the hash naming their fragment files, and what the document table
    /// takes from each of its documents: made with the fragments, so a plan nobody edited keeps them from one export to the next.
    /// </summary>
    /// <param name="TopicSets">Each document's topic ids in its initiative's order, joined by commas (ids have none).</param>
    /// <param name="Pillars">varint(pillar number × 2 + 新規) of each document.</param>
    internal sealed record PlanRun(Plan Plan, int Count, string Hash, string[] TopicSets, byte[] Pillars);

    /// <summary>
    /// One fragment per document ([url, title, label, municipality, 新規 0/1, snippet body, figures, topics and departments]),
    /// <see cref="FragmentsPerFile"/> to a file named fragments/{hash of the plan run's fragments}-{position in the run ÷ FragmentsPerFile}.bin.
    /// </summary>
    private static List<PlanRun> WriteFragments(IReadOnlyList<SearchDocument> documents, Files files, IReadOnlyList<PlanRun>? previous = null)
    {
        // A plan loaded again only when its file changed is the same object: its fragments are the same bytes.
        var kept = (previous ?? []).ToDictionary(run => run.Plan, (IEqualityComparer<Plan>)ReferenceEqualityComparer.Instance);
        var runs = new List<(Plan Plan, int Start, int Count)>();
        for (var i = 0; i < documents.Count; i++)
        {
            var plan = documents[i].Entry.Plan;
            if (runs.Count > 0 && ReferenceEquals(runs[^1].Plan, plan)) runs[^1] = runs[^1] with { Count = runs[^1].Count + 1 };
            else runs.Add((plan, i, 1));
        }
        var made = new PlanRun[runs.Count];
        Parallel.For(0, runs.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, r =>
        {
            var (plan, start, count) = runs[r];
            if (kept.TryGetValue(plan, out var same) && same.Count == count && files.Keep(same.Hash, FragmentFiles(count)))
            {
                made[r] = same;
                return;
            }
            var fragments = new byte[count][];
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            for (var k = 0; k < count; k++)
            {
                var d = documents[start + k];
                var (body, figures, meta) = d.SnippetParts;
                fragments[k] = JsonSerializer.SerializeToUtf8Bytes(
                [
                    d.Entry.Url, d.Entry.Initiative.Title, d.Entry.Numbered,
                    d.Entry.Municipality.Name, d.Entry.Initiative.IsNew ? 1 : 0, body, figures, meta,
                ], Json.ObjectArray);
                hash.AppendData(BitConverter.GetBytes(fragments[k].Length));
                hash.AppendData(fragments[k]);
            }
            var name = Files.HashName(hash.GetHashAndReset());
            for (var k = 0; k < FragmentFiles(count); k++) files.SaveAs(FragmentName(name, k), FragmentFile(fragments, k), Files.FragmentCompression);
            made[r] = RunOf(plan, documents, start, count, name);
        });
        return [.. made];
    }

    private static PlanRun RunOf(Plan plan, IReadOnlyList<SearchDocument> documents, int start, int count, string hash)
    {
        var topicSets = new string[count];
        var pillars = new ArrayBufferWriter<byte>(count);
        for (var k = 0; k < count; k++)
        {
            var entry = documents[start + k].Entry;
            topicSets[k] = string.Join(',', entry.Initiative.Topics);
            Varint.Write(pillars, (uint)(entry.Pillar.Number * 2 + (entry.Initiative.IsNew ? 1 : 0)));
        }
        return new PlanRun(plan, count, hash, topicSets, pillars.WrittenSpan.ToArray());
    }

    /// <summary>
    /// The per-document table every query reads: [varint length][JSON header: plans as [slug, documents,
    /// fragment hash, municipality name] in document order, topic ids, the distinct topic sets as lists of topic indices],
    /// the norm bytes field by field (fields × documents), varint(pillar number × 2 + 新規) of every document,
    /// then varint(topic set) of every document (one stream after the other compresses better).
    /// </summary>
    private static byte[] DocumentTable(SearchIndex index, IReadOnlyList<PlanRun> plans, byte[] norms)
    {
        // From the plans' runs, not the documents: 70,000 documents' topics were looked up and joined on every export,
        // a tenth of an edit's wait in watch mode, where all but the edited plan's runs are kept.
        var topicSets = new Dictionary<string, int>(StringComparer.Ordinal);
        var setOf = new int[index.Documents.Count];
        var d = 0;
        foreach (var run in plans)
        {
            foreach (var set in run.TopicSets)
            {
                if (!topicSets.TryGetValue(set, out var i)) topicSets[set] = i = topicSets.Count;
                setOf[d++] = i;
            }
        }
        var topics = topicSets.Keys.SelectMany(TopicsOf).Distinct().Order(StringComparer.Ordinal).ToList();
        var topicIndex = topics.Select((id, i) => (id, i)).ToDictionary(t => t.id, t => t.i, StringComparer.Ordinal);
        var header = JsonSerializer.SerializeToUtf8Bytes(new DocumentHeader(
            [.. plans.Select(p => new object[] { p.Plan.Municipality.Slug, p.Count, p.Hash, p.Plan.Municipality.Name })],
            topics,
            [.. topicSets.Keys.Select(set => TopicsOf(set).Select(topic => topicIndex[topic]).ToArray())]), Json.DocumentHeader);
        var table = new ArrayBufferWriter<byte>(header.Length + norms.Length + 4 * index.Documents.Count);
        Varint.Write(table, (uint)header.Length);
        table.Write(header);
        table.Write(norms);
        foreach (var run in plans) table.Write(run.Pillars);
        foreach (var set in setOf) Varint.Write(table, (uint)set);
        return table.WrittenSpan.ToArray();
    }

    private static string[] TopicsOf(string set) => set.Length == 0 ? [] : set.Split(',');

    /// <summary>One term's postings, field by field: a mask of the fields present, then per field the document
    /// frequency, the document numbers as gaps (first − (−1) − 1, …) and the term frequencies − 1.</summary>
    /// <summary>A field's postings of a term: the document count, the documents as gaps, the frequencies less one, as varints.</summary>
    private static void WritePostings(ArrayBufferWriter<byte> writer, DocsEnum postings, List<int> docs, List<int> freqs)
    {
        docs.Clear();
        freqs.Clear();
        for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc())
        {
            docs.Add(doc);
            freqs.Add(postings.Freq);
        }
        Varint.Write(writer, (uint)docs.Count);
        var previous = -1;
        foreach (var doc in docs)
        {
            Varint.Write(writer, (uint)(doc - previous - 1));
            previous = doc;
        }
        foreach (var freq in freqs) Varint.Write(writer, (uint)(freq - 1));
    }

    /// <summary>
    /// Every term in order with its postings as the shards hold them (a mask of the fields that have the term, then each
    /// field's part in order), the documents they were read from, and the shards they were cut into. Watch mode keeps it:
    /// an edit that leaves every document where it was changes only the postings of the terms it added to or removed from
    /// a document, or whose count in one it changed; only those are read from the index again, and only the shards
    /// holding them are assembled and written (the real content: a title edit leaves 33 of 38 shards as they were).
    /// </summary>
    internal sealed class TermTable
    {
        private TermTable(IReadOnlyList<SearchDocument> documents, AnalyzerOptions options, string[] terms, byte[][] postings, bool[]? touched)
        {
            Documents = documents;
            Options = options;
            Terms = terms;
            Postings = postings;
            _touched = touched;
        }

        public IReadOnlyList<SearchDocument> Documents { get; }
        public AnalyzerOptions Options { get; }
        public string[] Terms { get; }
        public byte[][] Postings { get; }
        /// <summary>Where this table differs from the one it was made from: a term made again, or the first after a removed one.</summary>
        private readonly bool[]? _touched;

        /// <summary>Each shard as [first term, last term, file], and the position of its first term in <see cref="Terms"/>.</summary>
        private (string[] Shard, int Start, int Count)[] _shards = [];

        /// <summary>How many shards kept the file of the previous export (tests: the export did not read everything again).</summary>
        internal int ShardsKept { get; private set; }

        internal int ShardCount => _shards.Length;

        /// <summary>Beyond this many changed documents the export reads every term again (as many terms are touched).</summary>
        private const int MaxChangedDocuments = 2_000;

        /// <summary>Every term of <paramref name="index"/>: each field's postings on a core of its own.</summary>
        public static TermTable Of(SearchIndex index, IReadOnlyList<(string Field, float Weight)> fields)
        {
            var leaf = index.Composite;
            var parts = new Dictionary<string, byte[]>[fields.Count];
            Parallel.For(0, fields.Count, f =>
            {
                parts[f] = new Dictionary<string, byte[]>(StringComparer.Ordinal);
                var terms = leaf.GetTerms(fields[f].Field);
                if (terms is null) return;
                var termsEnum = terms.GetEnumerator();
                var part = new ArrayBufferWriter<byte>();
                var (docs, freqs) = (new List<int>(), new List<int>());
                // One postings reader for every term of the field: a new one per term was most of the export's garbage.
                DocsEnum? docsEnum = null;
                while (termsEnum.MoveNext())
                {
                    docsEnum = termsEnum.Docs(leaf.LiveDocs, docsEnum, DocsFlags.FREQS);
                    part.ResetWrittenCount();
                    WritePostings(part, docsEnum, docs, freqs);
                    parts[f][termsEnum.Term.Utf8ToString()] = part.WrittenSpan.ToArray();
                }
            });
            var all = parts.SelectMany(p => p.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            var postings = new byte[all.Length][];
            Parallel.For(0, all.Length, t => postings[t] = Join([.. parts.Select(p => p.GetValueOrDefault(all[t]))]));
            return new TermTable(index.Documents, index.Options, all, postings, null);
        }

        /// <summary>
        /// <paramref name="previous"/> with the postings of the terms an edit changed in some document read again from
        /// <paramref name="index"/>; null when documents moved, came or went (every posting may differ).
        /// </summary>
        public static TermTable? After(TermTable? previous, SearchIndex index, IReadOnlyList<(string Field, float Weight)> fields)
        {
            if (previous is null || previous.Documents.Count != index.Documents.Count || previous.Options != index.Options) return null;
            var changed = new List<int>();
            for (var d = 0; d < index.Documents.Count; d++)
            {
                var (before, after) = (previous.Documents[d], index.Documents[d]);
                if (before.Key != after.Key) return null;
                if (!ReferenceEquals(before, after) && !SearchIndex.SameText(before, after)) changed.Add(d);
            }
            if (changed.Count > MaxChangedDocuments) return null;
            var touched = index.TermsChangedBetween([.. changed.Select(d => (previous.Documents[d], index.Documents[d]))]).Order(StringComparer.Ordinal).ToList();
            var remade = Read(index, fields, touched);

            var (terms, postings, marks) = (new List<string>(previous.Terms.Length + touched.Count), new List<byte[]>(previous.Terms.Length + touched.Count), new List<bool>());
            var markNext = false;
            void Add(string term, byte[]? body, bool remadeHere)
            {
                if (body is null)
                {
                    markNext = true;
                    return;
                }
                terms.Add(term);
                postings.Add(body);
                marks.Add(remadeHere || markNext);
                markNext = false;
            }
            var (p, t) = (0, 0);
            while (p < previous.Terms.Length || t < touched.Count)
            {
                var order = p == previous.Terms.Length ? 1 : t == touched.Count ? -1 : string.CompareOrdinal(previous.Terms[p], touched[t]);
                if (order < 0) Add(previous.Terms[p], previous.Postings[p++], false);
                else
                {
                    Add(touched[t], remade[t], true);
                    t++;
                    if (order == 0) p++;
                }
            }
            if (markNext && marks.Count > 0) marks[^1] = true;
            return new TermTable(index.Documents, index.Options, [.. terms], [.. postings], [.. marks]);
        }

        /// <summary>The postings of <paramref name="terms"/> (in order) in <paramref name="index"/>; null for a term no field has.</summary>
        private static byte[]?[] Read(SearchIndex index, IReadOnlyList<(string Field, float Weight)> fields, IReadOnlyList<string> terms)
        {
            var leaf = index.Composite;
            var found = new byte[]?[fields.Count][];
            for (var f = 0; f < fields.Count; f++)
            {
                found[f] = new byte[]?[terms.Count];
                var termsEnum = leaf.GetTerms(fields[f].Field)?.GetEnumerator();
                if (termsEnum is null) continue;
                var part = new ArrayBufferWriter<byte>();
                var (docs, freqs) = (new List<int>(), new List<int>());
                DocsEnum? docsEnum = null;
                for (var t = 0; t < terms.Count; t++)
                {
                    if (!termsEnum.SeekExact(new Lucene.Net.Util.BytesRef(terms[t]))) continue;
                    docsEnum = termsEnum.Docs(leaf.LiveDocs, docsEnum, DocsFlags.FREQS);
                    part.ResetWrittenCount();
                    WritePostings(part, docsEnum, docs, freqs);
                    found[f][t] = part.WrittenSpan.ToArray();
                }
            }
            return [.. Enumerable.Range(0, terms.Count).Select(t => found.Any(f => f[t] is not null) ? Join([.. found.Select(f => f[t])]) : null)];
        }

        /// <summary>A term's postings: the mask of the fields that have it, then those fields' parts in field order.</summary>
        private static byte[] Join(byte[]?[] parts)
        {
            var bytes = new byte[1 + parts.Sum(part => part?.Length ?? 0)];
            var at = 1;
            for (var f = 0; f < parts.Length; f++)
            {
                if (parts[f] is not { } part) continue;
                bytes[0] |= (byte)(1 << f);
                part.CopyTo(bytes, at);
                at += part.Length;
            }
            return bytes;
        }

        /// <summary>
        /// Cuts the terms into shards of about <paramref name="shardBytes"/> and saves them. A shard that starts at the same
        /// term and holds as many terms as one of <paramref name="previous"/>, none of them touched, holds the same bytes:
        /// it keeps that file, neither assembled nor hashed again.
        /// </summary>
        public IReadOnlyList<string[]> Cut(int shardBytes, TermTable? previous, Files files)
        {
            var before = _touched is null || previous is null
                ? new Dictionary<string, (string[] Shard, int Count)>(StringComparer.Ordinal)
                : previous._shards.ToDictionary(s => s.Shard[0], s => (s.Shard, s.Count), StringComparer.Ordinal);
            var shards = new List<(string[] Shard, int Start, int Count)>();
            var (start, bytes, touched) = (0, 0, false);
            for (var t = 0; t < Terms.Length; t++)
            {
                var length = Encoding.UTF8.GetByteCount(Terms[t]);
                bytes += VarintLength((uint)length) + length + VarintLength((uint)Postings[t].Length) + Postings[t].Length;
                touched |= _touched?[t] ?? true;
                if (bytes < shardBytes && t < Terms.Length - 1) continue;
                var count = t + 1 - start;
                shards.Add(!touched && before.TryGetValue(Terms[start], out var kept) && kept.Count == count && files.Keep(kept.Shard[2])
                    ? (kept.Shard, start, count)
                    : ([Terms[start], Terms[t], files.Save("terms", Assemble(start, count))], start, count));
                (start, bytes, touched) = (t + 1, 0, false);
            }
            _shards = [.. shards];
            ShardsKept = shards.Count(s => before.TryGetValue(s.Shard[0], out var kept) && ReferenceEquals(kept.Shard, s.Shard));
            return [.. shards.Select(s => s.Shard)];
        }

        private byte[] Assemble(int start, int count)
        {
            var shard = new ArrayBufferWriter<byte>();
            for (var t = start; t < start + count; t++)
            {
                var utf8 = Encoding.UTF8.GetBytes(Terms[t]);
                Varint.Write(shard, (uint)utf8.Length);
                shard.Write(utf8);
                Varint.Write(shard, (uint)Postings[t].Length);
                shard.Write(Postings[t]);
            }
            return shard.WrittenSpan.ToArray();
        }

        private static int VarintLength(uint value)
        {
            var n = 1;
            while (value >= 0x80)
            {
                value >>= 7;
                n++;
            }
            return n;
        }
    }

    private static class Varint
    {
        public static void Write(IBufferWriter<byte> writer, uint value)
        {
            var span = writer.GetSpan(5);
            var n = 0;
            while (value >= 0x80)
            {
                span[n++] = (byte)(value | 0x80);
                value >>= 7;
            }
            span[n++] = (byte)value;
            writer.Advance(n);
        }
    }

    /// <summary>The index folder: gzip-compressed files named by a hash of their uncompressed content.</summary>
    internal sealed class Files
    {
        private readonly string _directory;
        /// <summary>The files already in the folder, with their bytes when known (an export that wrote them says).</summary>
        private readonly IReadOnlyDictionary<string, long?> _existing;
        private readonly ConcurrentDictionary<string, long> _names = new(StringComparer.Ordinal);

        public Files(string directory, IReadOnlyDictionary<string, long>? known = null)
        {
            _directory = directory;
            Directory.CreateDirectory(Path.Combine(directory, FragmentFolder));
            _existing = known is not null
                ? known.ToDictionary(pair => pair.Key, pair => (long?)pair.Value, StringComparer.Ordinal)
                : Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                    .ToDictionary(f => Path.GetRelativePath(directory, f).Replace(Path.DirectorySeparatorChar, '/'), _ => (long?)null, StringComparer.Ordinal);
        }

        /// <summary>Keeps a plan run's <paramref name="count"/> fragment files as they are; false when one is not in the folder.</summary>
        public bool Keep(string hash, int count)
        {
            var names = Enumerable.Range(0, count).Select(k => FragmentName(hash, k)).ToList();
            if (!names.All(name => _existing.TryGetValue(name, out var size) && size is not null)) return false;
            foreach (var name in names) Record(name, _existing[name]!.Value);
            return true;
        }

        /// <summary>Keeps a file of the folder as it is; false when it is not there.</summary>
        public bool Keep(string name)
        {
            if (!_existing.TryGetValue(name, out var size) || size is null) return false;
            Record(name, size.Value);
            return true;
        }

        private void Record(string name, long bytes)
        {
            _names[name] = bytes;
            Interlocked.Add(ref _bytes, bytes);
        }

        public IReadOnlyDictionary<string, long> Sizes => new Dictionary<string, long>(_names, StringComparer.Ordinal);

        private long _bytes;

        public long Bytes => Interlocked.Read(ref _bytes);

        public static string HashName(ReadOnlySpan<byte> hash) => Convert.ToHexStringLower(hash)[..10];

        /// <summary>Saves {stem}.{hash}.bin and returns its name.</summary>
        public string Save(string stem, ReadOnlySpan<byte> payload)
        {
            var name = $"{stem}.{HashName(SHA256.HashData(payload))}.bin";
            SaveAs(name, payload, PostingsCompression);
            return name;
        }

        /// <summary>Term shards and the document table: level 7 with the filtered strategy (suits varints) compresses the postings better than level 9 and 5× faster.</summary>
        private static readonly ZLibCompressionOptions PostingsCompression = new() { CompressionLevel = 7, CompressionStrategy = ZLibCompressionStrategy.Filtered };

        /// <summary>
        /// A fragment file is about 1.7 KB of JSON (two fragments of 840 bytes), so starting a compressor is most of the work:
        /// level 1 took 5 µs a single fragment against 21–27 µs at level 7, and on two it gives 843 bytes against 820 at
        /// level 6 (zlib on the fragments of N = 100).
        /// </summary>
        public static readonly ZLibCompressionOptions FragmentCompression = new() { CompressionLevel = 1 };

        public void SaveAs(string name, ReadOnlySpan<byte> payload, ZLibCompressionOptions compression)
        {
            var path = Path.Combine(_directory, name);
            if (_existing.TryGetValue(name, out var size))
            {
                Record(name, size ?? new FileInfo(path).Length);
                return;
            }
            var compressed = Gzip(payload, compression);
            OutputFiles.Write(path, compressed);
            Record(name, compressed.Length);
        }

        /// <summary>The manifest keeps its name (the entry point) and is replaced atomically.</summary>
        public void WriteManifest(byte[] manifest)
        {
            _names["manifest.json"] = manifest.Length;
            var path = Path.Combine(_directory, "manifest.json");
            File.WriteAllBytes(path + ".tmp", manifest);
            File.Move(path + ".tmp", path, overwrite: true);
            Interlocked.Add(ref _bytes, manifest.Length);
        }

        private static byte[] Gzip(ReadOnlySpan<byte> payload, ZLibCompressionOptions compression)
        {
            using var buffer = new MemoryStream();
            using (var gzip = new GZipStream(buffer, compression))
                gzip.Write(payload);
            return buffer.ToArray();
        }
    }
}

/// <summary>The search export's JSON (manifest, document table head, fragments), serializers generated at compile time.</summary>
[JsonSerializable(typeof(StaticSearchExport.Manifest))]
[JsonSerializable(typeof(StaticSearchExport.DocumentHeader))]
[JsonSerializable(typeof(object[]))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
internal sealed partial class SearchExportJson : JsonSerializerContext;
