using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace DxCompare.Search;

/// <summary>
/// Writes the Lucene index as static files the browser fetches on demand (after Pagefind's chunked
/// index): a small manifest, term shards cut by term range so a query fetches only the shards its
/// terms fall in, document fragments fetched only for displayed results, and a facet table.
/// Each posting carries the Lucene norm byte so the browser computes the same BM25 score.
/// </summary>
public static class StaticSearchExport
{
    public const string Folder = "search/index";
    public const int PostingsPerShard = 2000;
    public const int DocumentsPerShard = 100;
    public const int SnippetSourceLength = 400;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public sealed record FieldInfo(string Name, float Weight, float Avgdl);
    public sealed record Shard(string File, string First, string Last);
    public sealed record Manifest(
        int Version, int DocCount, float K1, float B, int MaxQueryLength, int MaxQueryTerms, float ExpansionBoost,
        AnalyzerFlags Analyzer, IReadOnlyList<FieldInfo> Fields, IReadOnlyList<string[]> Synonyms,
        IReadOnlyList<Shard> TermShards, int DocumentsPerShard, IReadOnlyList<string> DocumentShards, string Facets);
    public sealed record AnalyzerFlags(bool Unigrams, bool Bridge, bool Synonyms);

    /// <summary>Writes the files under {output}/search/index and returns their total size in bytes.</summary>
    public static long Write(SearchIndex index, string outputRoot)
    {
        var directory = Path.Combine(outputRoot, Folder);
        Directory.CreateDirectory(directory);
        long bytes = 0;
        string Save(string stem, object payload)
        {
            var data = JsonSerializer.SerializeToUtf8Bytes(payload, Json);
            var name = $"{stem}.{Convert.ToHexStringLower(SHA256.HashData(data))[..10]}.json";
            File.WriteAllBytes(Path.Combine(directory, name), data);
            bytes += data.Length;
            return name;
        }

        var fields = SearchDocument.FieldsFor(index.Options);
        var leaf = index.Reader.Leaves.Single().AtomicReader;
        var postings = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        var fieldInfos = new List<FieldInfo>();
        for (var f = 0; f < fields.Count; f++)
        {
            var (field, weight) = fields[f];
            var terms = leaf.GetTerms(field);
            var sum = terms?.SumTotalTermFreq ?? 0;
            fieldInfos.Add(new FieldInfo(field, weight, sum <= 0 ? 1f : (float)(sum / (double)index.Reader.MaxDoc)));
            if (terms is null) continue;
            var norms = leaf.GetNormValues(field);
            var termsEnum = terms.GetEnumerator();
            while (termsEnum.MoveNext())
            {
                var term = termsEnum.Term.Utf8ToString();
                var docs = termsEnum.Docs(leaf.LiveDocs, null, DocsFlags.FREQS);
                if (!postings.TryGetValue(term, out var list)) postings[term] = list = [];
                for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
                    list.AddRange([f, doc, docs.Freq, (int)(norms.Get(doc) & 0xFF)]);
            }
        }

        var shards = new List<Shard>();
        var current = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        var count = 0;
        void Flush()
        {
            if (current.Count == 0) return;
            shards.Add(new Shard(Save($"terms-{shards.Count}", current), current.Keys.First(), current.Keys.Last()));
            current = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
            count = 0;
        }
        foreach (var (term, list) in postings)
        {
            current[term] = list;
            count += list.Count / 4;
            if (count >= PostingsPerShard) Flush();
        }
        Flush();

        var documentShards = index.Documents.Chunk(DocumentsPerShard).Select((chunk, i) => Save($"docs-{i}", chunk.Select(d => new
        {
            url = d.Entry.Url,
            title = d.Entry.Initiative.Title,
            label = $"{d.Entry.Plan.Labels.Initiative}{d.Entry.Initiative.Number}",
            municipality = d.Entry.Municipality.Name,
            isNew = d.Entry.Initiative.IsNew,
            text = d.SnippetSource.Length > SnippetSourceLength ? d.SnippetSource[..SnippetSourceLength] : d.SnippetSource,
        }))).ToList();

        var plans = index.Documents.Select(d => d.Entry.Plan).Distinct().ToList();
        var pillars = index.Documents.Select(d => (d.Entry.Plan, d.Entry.Pillar)).Distinct().ToList();
        var topics = index.Documents.SelectMany(d => d.Entry.Initiative.Topics).Distinct().Order(StringComparer.Ordinal).ToList();
        var facets = Save("facets", new
        {
            municipalities = plans.Select(p => new { slug = p.Municipality.Slug, name = p.Municipality.Name }),
            pillars = pillars.Select(p => new { value = $"{p.Plan.Municipality.Slug}-{p.Pillar.Number}", label = $"{p.Plan.Municipality.Name} {p.Plan.Labels.Pillar}{p.Pillar.Number} {p.Pillar.Title}" }),
            topics = topics.Select(id => new { id, label = TopicLabel(index, id) }),
            docs = index.Documents.Select(d => new object[]
            {
                plans.IndexOf(d.Entry.Plan), pillars.IndexOf((d.Entry.Plan, d.Entry.Pillar)), d.Entry.Initiative.IsNew ? 1 : 0,
                d.Entry.Initiative.Topics.Select(t => topics.IndexOf(t)).ToArray(),
            }),
        });

        var manifest = new Manifest(1, index.Reader.MaxDoc, SearchIndex.Similarity.K1, SearchIndex.Similarity.B,
            SearchIndex.MaxQueryLength, SearchIndex.MaxQueryTerms, Synonyms.ExpansionBoost,
            new AnalyzerFlags(index.Options.OutputUnigrams, index.Options.BridgeScripts, index.Options.Synonyms),
            fieldInfos, index.Options.Synonyms ? Synonyms.Groups : [], shards, DocumentsPerShard, documentShards, facets);
        var manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest, Json);
        File.WriteAllBytes(Path.Combine(directory, "manifest.json"), manifestBytes);
        return bytes + manifestBytes.Length;
    }

    private static string TopicLabel(SearchIndex index, string id) =>
        index.TopicLabels.TryGetValue(id, out var label) ? label : id;
}
