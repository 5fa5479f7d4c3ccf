using System.Text.Json;
using DxCompare.Search;
using DxCompare.Tests.Support;

namespace DxCompare.Tests.Search;

/// <summary>The browser client (theme/assets/search.js, run by node) analyses and ranks exactly as the CLI.</summary>
[Trait(Speed.Trait, Speed.Slow)]
[Collection(BuiltSiteCollection.Name)]
public class BrowserParityTests(BuiltSite site)
{
    private static readonly string VectorsPath = Path.Combine(Repository.Root, "tests", "search-js", "vectors.json");
    private static readonly JsonSerializerOptions VectorJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };

    /// <summary>Texts from every initiative plus edge cases; the C# analyzer's terms are the expected output.</summary>
    public static string GenerateVectors()
    {
        using var analyzer = new JapaneseAnalyzer(AnalyzerOptions.Shipped);
        var edges = new[]
        {
            "ＤＸ ﾃﾞｼﾞﾀﾙ ①", "1,000時間", "3.5%", "5.0%未満", "Microsoft365 (Teams)", "e.g. the AND", "Wi-Fi", "AI・RPA", "5G",
            "ICT-BCP", "令和8年度", "スマートフォン教室", "スマホ教室", "**", "AND", ":", "\\", "\"", "a_b c", "co-op", "O'Neil",
            "々", "出生届のオンライン化", "GovTech東京", "テレワーク、フリーアドレス", "１２３４５", "Ｒ８", "(仮称)江東区DX推進センター",
        };
        var texts = Repository.Content.Initiatives
            .SelectMany(e => new[] { e.Initiative.Title, e.Initiative.Content ?? "", e.Initiative.CurrentState ?? "", e.Initiative.TargetState ?? "" })
            .Concat(Repository.Content.Indicators.Select(i => i.Indicator.Name))
            .Where(t => t.Length > 0)
            .Concat(edges)
            .Distinct();
        var options = AnalyzerOptions.Shipped;
        var payload = new
        {
            analyzer = new { unigrams = options.OutputUnigrams, bridge = options.BridgeScripts, synonyms = options.Synonyms, phrases = options.Phrases },
            cases = texts.Select(t => new { text = t, terms = analyzer.Terms(t) }),
        };
        return JsonSerializer.Serialize(payload, VectorJson) + "\n";
    }

    [Fact]
    public void Committed_vectors_match_the_csharp_analyzer()
    {
        var fresh = GenerateVectors();
        if (Environment.GetEnvironmentVariable("UPDATE_SEARCH_VECTORS") == "1") File.WriteAllText(VectorsPath, fresh);
        Assert.True(File.ReadAllText(VectorsPath) == fresh, "tests/search-js/vectors.json is stale: run the tests once with UPDATE_SEARCH_VECTORS=1");
    }

    [Fact]
    public void Node_analyzer_tests_pass()
    {
        var output = BrowserSearch.Node("--test", "tests/search-js/");
        Assert.Contains("# fail 0", output);
    }

    [Fact]
    public void Browser_and_cli_return_the_same_top_10_for_every_judged_query_and_bad_input()
    {
        var judged = Evaluation.LoadJudgedQueries(SearchQualityTests.JudgedPath)
            .Concat(Evaluation.LoadJudgedQueries(SearchQualityTests.EverydayPath)).Select(q => q.Query).Distinct()
            .Concat(["", "   ", "*", "\"", "AND", ":", "\\", "？！。、", new string('テ', 10_000), "テレワーク AND 防災", "生成ＡＩ"])
            .ToList();
        var queries = judged.Select(q => new { query = q }).Cast<object>()
            .Concat([
                new { query = "テレワーク", filters = new { m = "koto" } }, new { query = "オンライン", filters = new { t = "online-procedures" } },
                new { query = "デジタル", filters = new { p = "koto-1" } }, new { query = "オンライン", filters = new { n = "1" } },
            ])
            .ToList();
        var browser = BrowserSearch.Run(site.Output, queries);

        using var index = new SearchIndex(Repository.Content);
        var mismatches = new List<string>();
        void Compare(string key, SearchResults cli)
        {
            var js = browser.GetProperty(key);
            var cliUrls = cli.Hits.Select(h => h.Document.Entry.Url).ToList();
            var jsUrls = js.GetProperty("urls").EnumerateArray().Select(u => u.GetString()).ToList();
            if (!cliUrls.SequenceEqual(jsUrls) || cli.Total != js.GetProperty("total").GetInt32())
                mismatches.Add($"{key[..Math.Min(30, key.Length)]}: CLI {cli.Total} [{string.Join(" ", cliUrls)}] vs browser {js.GetProperty("total")} [{string.Join(" ", jsUrls)}]");
            // What the results page writes for each hit comes from the fragments; it must say what the CLI says.
            var cliShown = cli.Hits.Select(h => h.Document.Entry).Select(e =>
                $"{e.Municipality.Name} {e.Plan.Labels.Initiative}{e.Initiative.Number}{(e.Initiative.IsNew ? " 新規" : "")} {e.Initiative.Title}");
            var jsShown = js.GetProperty("shown").EnumerateArray().Select(u => u.GetString());
            if (!cliShown.SequenceEqual(jsShown)) mismatches.Add($"{key[..Math.Min(30, key.Length)]}: shown [{string.Join(" | ", jsShown)}]");
            // The snippet under each result, and the municipality a query named.
            var terms = cli.Plan?.Terms ?? [];
            var cliSnippets = cli.Hits.Select(h => Snippet.Of(h.Document.SnippetSource(cli.Plan!.AsksForFigure), terms).Text);
            var jsSnippets = js.GetProperty("snippets").EnumerateArray().Select(u => u.GetString());
            if (!cliSnippets.SequenceEqual(jsSnippets)) mismatches.Add($"{key[..Math.Min(30, key.Length)]}: snippets [{string.Join(" | ", jsSnippets)}]");
            var jsMunicipality = js.GetProperty("municipality").ValueKind == JsonValueKind.Null ? null : js.GetProperty("municipality").GetString();
            if (cli.Plan?.Municipality != jsMunicipality) mismatches.Add($"{key[..Math.Min(30, key.Length)]}: municipality {cli.Plan?.Municipality} vs {jsMunicipality}");
        }
        foreach (var query in judged) Compare(query, index.Search(query, limit: 10));
        Assert.True(browser.GetProperty("オンライン{\"n\":\"1\"}").GetProperty("total").GetInt32() > 0);
        Compare("テレワーク{\"m\":\"koto\"}", index.Search("テレワーク", new SearchFilters(Municipality: "koto"), 10));
        Compare("オンライン{\"t\":\"online-procedures\"}", index.Search("オンライン", new SearchFilters(Topic: "online-procedures"), 10));
        Compare("デジタル{\"p\":\"koto-1\"}", index.Search("デジタル", new SearchFilters(Municipality: "koto", Pillar: 1), 10));
        Compare("オンライン{\"n\":\"1\"}", index.Search("オンライン", new SearchFilters(NewOnly: true), 10));
        Assert.Empty(mismatches);
    }
}
