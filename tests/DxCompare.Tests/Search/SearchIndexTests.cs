using System.Security.Cryptography;
using DxCompare.Content;
using DxCompare.Model;
using DxCompare.Search;
using DxCompare.Tests.Support;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Document = Lucene.Net.Documents.Document;
using Field = Lucene.Net.Documents.Field;
using FieldType = Lucene.Net.Documents.FieldType;
using RAMDirectory = Lucene.Net.Store.RAMDirectory;
using TextField = Lucene.Net.Documents.TextField;

namespace DxCompare.Tests.Search;

public class SearchIndexTests
{
    /// <summary>
    /// At 70,000 initiatives the writer flushes many segments before merging them into one. Document
    /// numbers must still be positions in the document list, or every hit shows another initiative.
    /// </summary>
    [Fact]
    public void An_index_written_in_many_segments_finds_the_same_initiatives()
    {
        using var single = new SearchIndex(Repository.Content);
        using var segmented = new SearchIndex(Repository.Content, segmentSize: 2);

        foreach (var query in Evaluation.LoadJudgedQueries(SearchQualityTests.JudgedPath).Select(q => q.Query))
        {
            var expected = single.Search(query).Hits.Select(h => h.Document.Key + " " + h.Document.Entry.Initiative.Title);
            var actual = segmented.Search(query).Hits.Select(h => h.Document.Key + " " + h.Document.Entry.Initiative.Title);
            Assert.Equal(expected, actual);
        }
        var top = segmented.Search("窓口").Hits[0].Document;
        Assert.Contains("窓口", top.Entry.Initiative.Title);
    }

    /// <summary>
    /// The phrase field's tokens are replayed from the fields it repeats instead of analysing its text again; every
    /// field's terms, frequencies and norms must be those of an index that analyses each text as Lucene does.
    /// </summary>
    [Fact]
    public void Replayed_phrase_tokens_index_exactly_what_analysing_the_phrase_text_indexes()
    {
        using var index = new SearchIndex(Repository.Content);
        using var directory = new RAMDirectory();
        var config = new IndexWriterConfig(JapaneseAnalyzer.Version, index.Analyzer) { Similarity = SearchIndex.Similarity, MergePolicy = new LogByteSizeMergePolicy() };
        var type = new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS };
        using (var writer = new IndexWriter(directory, config))
        {
            foreach (var document in index.Documents)
            {
                var doc = new Document();
                foreach (var (field, text) in document.Fields) doc.Add(new Field(field, JapaneseAnalyzer.Normalize(text), type));
                writer.AddDocument(doc);
            }
            writer.ForceMerge(1);
        }
        using var plain = DirectoryReader.Open(directory);

        Assert.Contains(SearchDocument.Phrase, index.Documents[0].Fields.Keys);
        foreach (var field in index.Documents[0].Fields.Keys)
        {
            var expected = Postings(plain, field);
            Assert.True(expected.Count > 100, $"{field}: {expected.Count} terms");
            Assert.Equal(expected, Postings(index.Reader, field));
            Assert.Equal(Norms(plain, field), Norms(index.Reader, field));
        }
    }

    private static List<string> Postings(IndexReader reader, string field)
    {
        var lines = new List<string>();
        var terms = SlowCompositeReaderWrapper.Wrap(reader).GetTerms(field).GetEnumerator();
        while (terms.MoveNext())
        {
            var docs = terms.Docs(null, null);
            var line = new System.Text.StringBuilder(terms.Term.Utf8ToString());
            while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS) line.Append(' ').Append(docs.DocID).Append(':').Append(docs.Freq);
            lines.Add(line.ToString());
        }
        return lines;
    }

    private static long[] Norms(IndexReader reader, string field)
    {
        var norms = SlowCompositeReaderWrapper.Wrap(reader).GetNormValues(field);
        return [.. Enumerable.Range(0, reader.MaxDoc).Select(doc => norms.Get(doc))];
    }

    /// <summary>
    /// A large index is analysed in runs on every core and merged in document order; what the site publishes from it
    /// (search files, related lists) must be exactly what one writer gives.
    /// </summary>
    [Theory]
    [InlineData(2)]
    [InlineData(7)]
    public void An_index_analysed_in_runs_side_by_side_publishes_what_one_writer_publishes(int runs)
    {
        using var single = new SearchIndex(Repository.Content);
        using var parallel = SearchIndex.OfParts(Repository.Content, runs);
        Assert.Equal(UpdatedSearchIndexTests.Files(single), UpdatedSearchIndexTests.Files(parallel));
        Assert.Equal(UpdatedSearchIndexTests.Related(single, Repository.Content), UpdatedSearchIndexTests.Related(parallel, Repository.Content));
        Assert.Equal(single.Search("窓口").Hits.Select(h => h.Document.Key), parallel.Search("窓口").Hits.Select(h => h.Document.Key));
    }
}

/// <summary>
/// Watch mode updates the index by analysing only the edited plans and copying every other document from the
/// previous index; what the site publishes from it must be exactly what a fresh index gives.
/// </summary>
public class UpdatedSearchIndexTests
{
    /// <param name="previousRuns">The previous index analysed in this many runs (a large site's index keeps their segments).</param>
    [Theory]
    [InlineData("title edited", 1)]
    [InlineData("initiative removed", 1)]
    [InlineData("plan removed", 1)]
    [InlineData("topic renamed", 1)]
    [InlineData("title edited", 3)]
    [InlineData("initiative removed", 3)]
    [InlineData("plan removed", 3)]
    public void An_index_updated_after_an_edit_publishes_what_a_fresh_index_publishes(string edit, int previousRuns)
    {
        using var folder = new TempContent(copyRealContent: true);
        using var previous = previousRuns == 1 ? new SearchIndex(Repository.Content) : SearchIndex.OfParts(Repository.Content, previousRuns);
        Assert.Equal(previousRuns, previous.Reader.Leaves.Count);
        var koto = Path.Combine(folder.Directory, "plans", "koto.yml");
        var text = File.ReadAllText(koto);
        switch (edit)
        {
            case "title edited":
                File.WriteAllText(koto, text.Replace("title: 窓口改革の推進", "title: 窓口改革の推進と書かない窓口", StringComparison.Ordinal));
                break;
            case "initiative removed":
                // The last initiative of the plan: every later document moves up by one.
                var last = text.LastIndexOf("\n      - number:", StringComparison.Ordinal);
                var next = text.IndexOf("\n  - ", last + 1, StringComparison.Ordinal);
                File.WriteAllText(koto, text[..last] + (next < 0 ? "\n" : text[next..]));
                break;
            case "plan removed":
                File.Delete(koto);
                break;
            case "topic renamed":
                var topics = Path.Combine(folder.Directory, "topics.yml");
                var first = Repository.Content.Topics[0].Label;
                File.WriteAllText(topics, File.ReadAllText(topics).Replace("label: " + first, "label: " + first + "（改）", StringComparison.Ordinal));
                break;
        }
        var loaded = ContentLoader.Load(folder.Directory);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics.Take(5)));
        var content = loaded.Content!.WithoutDrafts();
        // The edit took effect.
        Assert.Equal(edit is "initiative removed" or "plan removed", content.Initiatives.Count < Repository.Content.Initiatives.Count);
        Assert.Equal(edit == "title edited", content.Initiatives.Any(e => e.Initiative.Title == "窓口改革の推進と書かない窓口"));
        Assert.Equal(edit == "topic renamed", content.Topics[0].Label.EndsWith("（改）", StringComparison.Ordinal));

        using var updated = SearchIndex.Updated(previous, content, new HashSet<string>(StringComparer.Ordinal) { "koto" });
        using var fresh = new SearchIndex(content);
        // Taito's documents come first, and a part of them alone is reused as it is; a plan's removal shifts none of them.
        if (previousRuns > 1 && edit != "topic renamed")
            Assert.Contains(previous.PartFolders[0], updated.PartFolders);
        Assert.Equal(Files(fresh), Files(updated));
        Assert.Equal(Related(fresh, content), Related(updated, content));
    }

    internal static SortedDictionary<string, string> Files(SearchIndex index)
    {
        var root = Path.Combine(Path.GetTempPath(), "dxcompare-index-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            StaticSearchExport.Write(index, root);
            var folder = Path.Combine(root, StaticSearchExport.Folder);
            return new SortedDictionary<string, string>(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    internal static List<string> Related(SearchIndex index, ContentSet content) =>
        [.. RelatedInitiatives.Compute(index, content).OrderBy(r => r.Key.Url, StringComparer.Ordinal)
            .Select(r => r.Key.Url + " → " + string.Join(" ", r.Value.Select(x => x.Entry.Url)))];
}
