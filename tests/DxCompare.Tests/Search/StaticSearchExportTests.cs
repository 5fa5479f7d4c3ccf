using System.Security.Cryptography;
using DxCompare.Build;
using DxCompare.Content;
using DxCompare.Search;
using DxCompare.Tests.Support;

namespace DxCompare.Tests.Search;

/// <summary>
/// Watch mode exports the search index again after each edit, reading again only the postings of the terms whose
/// postings the edit changed and keeping the file of every term shard that holds none of them. The folder it leaves must be exactly
/// what a fresh export of the same content writes.
/// </summary>
public class StaticSearchExportTests
{
    [Theory]
    [InlineData("title edited")]
    [InlineData("words removed")]
    [InlineData("initiative removed")]
    public void After_an_edit_the_export_in_place_is_what_a_fresh_export_writes(string edit)
    {
        using var folder = new TempContent(copyRealContent: true);
        using var previous = new SearchIndex(Repository.Content);
        var output = Path.Combine(folder.Directory, "out");
        var before = StaticSearchExport.Write(previous, output);

        var koto = Path.Combine(folder.Directory, "plans", "koto.yml");
        var text = File.ReadAllText(koto);
        var edited = edit switch
        {
            "title edited" => text.Replace("title: 窓口改革の推進", "title: 窓口改革の推進と書かない窓口", StringComparison.Ordinal),
            // 迷わない and スマート are in no other initiative: their terms leave the index.
            "words removed" => text.Replace("「迷わない」「行かない」、4つのスマートな窓口", "「行かない」窓口", StringComparison.Ordinal),
            _ => RemoveLastInitiative(text),
        };
        Assert.NotEqual(text, edited);
        File.WriteAllText(koto, edited);
        var loaded = ContentLoader.Load(folder.Directory);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics.Take(5)));
        var content = loaded.Content!.WithoutDrafts();

        using var updated = SearchIndex.Updated(previous, content, new HashSet<string>(StringComparer.Ordinal) { "koto" });
        var after = StaticSearchExport.Write(updated, output, before);
        SiteGeneration.PruneSearchIndex(output, before, after);
        using var fresh = new SearchIndex(content);

        Assert.Equal(UpdatedSearchIndexTests.Files(fresh), Files(output));
        var terms = after.Terms!;
        if (edit == "initiative removed")
        {
            // Every later document moved up by one: every term's postings were read again.
            Assert.Equal(0, terms.ShardsKept);
        }
        else
        {
            Assert.True(terms.ShardsKept > terms.ShardCount / 2, $"{terms.ShardsKept} of {terms.ShardCount} shards kept");
            Assert.True(terms.ShardsKept < terms.ShardCount, "the edited words' shards were kept");
        }
    }

    private static string RemoveLastInitiative(string text)
    {
        var last = text.LastIndexOf("\n      - number:", StringComparison.Ordinal);
        var next = text.IndexOf("\n  - ", last + 1, StringComparison.Ordinal);
        return text[..last] + (next < 0 ? "\n" : text[next..]);
    }

    private static SortedDictionary<string, string> Files(string root)
    {
        var folder = Path.Combine(root, StaticSearchExport.Folder);
        return new SortedDictionary<string, string>(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);
    }
}
