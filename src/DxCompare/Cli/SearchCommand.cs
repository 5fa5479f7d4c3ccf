using System.CommandLine;
using System.Text.Json;
using DxCompare.Content;
using DxCompare.Exports;
using DxCompare.Search;
using Spectre.Console;

namespace DxCompare.Cli;

public static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "What to search for, in Japanese or English (e.g. テレワーク, 生成AI)" };
        var content = CommonOptions.Content();
        var municipality = new Option<string?>("--municipality") { Description = "Only this municipality (slug, e.g. koto)" };
        var topic = new Option<string?>("--topic") { Description = "Only this topic id (e.g. telework-workstyle)" };
        var limit = new Option<int>("--limit") { Description = "How many results", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Machine-readable output" };
        var indexFolder = new Option<string?>("--index") { Description = "Where the Lucene index is kept between searches (default: a folder per content folder under the temp folder)" };
        var command = new Command("search", "Search the initiatives of every plan, ranked by BM25") { query, content, municipality, topic, limit, json, indexFolder };
        command.SetAction(parse =>
        {
            var loaded = ContentLoader.Load(parse.GetValue(content)!);
            if (!loaded.Succeeded) return ValidateCommand.Report(loaded, Console.Out, Console.Error);
            var slug = parse.GetValue(municipality);
            var topicId = parse.GetValue(topic);
            if (slug is not null && loaded.Content!.Plans.All(p => p.Municipality.Slug != slug))
            {
                Console.Error.WriteLine($"unknown municipality '{slug}'. Use one of: {string.Join(", ", loaded.Content.Plans.Select(p => p.Municipality.Slug))}.");
                return 2;
            }
            if (topicId is not null && !loaded.Content!.TopicsById.ContainsKey(topicId))
            {
                Console.Error.WriteLine($"unknown topic '{topicId}'. Use an id from content/topics.yml, e.g. {string.Join(", ", loaded.Content.Topics.Take(3).Select(t => t.Id))}.");
                return 2;
            }
            // Reused from the cache folder while the content is unchanged: a search answers without re-indexing.
            var contentDirectory = Path.GetFullPath(parse.GetValue(content)!);
            var cache = parse.GetValue(indexFolder) ?? DefaultIndexFolder(contentDirectory);
            using var index = SearchIndex.OpenOrBuild(loaded.Content!, contentDirectory, cache);
            var text = parse.GetValue(query) ?? "";
            var results = index.Search(text, new SearchFilters(slug, topicId), Math.Clamp(parse.GetValue(limit), 1, 1000));
            if (parse.GetValue(json)) Console.WriteLine(ToJson(results, index));
            else Print(results, index);
            return 0;
        });
        return command;
    }

    public static string DefaultIndexFolder(string contentDirectory) =>
        Path.Combine(Path.GetTempPath(), "dxcompare-search", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(contentDirectory)))[..12]);

    public static string ToJson(SearchResults results, SearchIndex index)
    {
        var terms = results.Plan?.Terms ?? [];
        var figuresFirst = results.Plan?.AsksForFigure ?? false;
        var payload = new SearchJson(results.Query, results.Total, results.Message, results.Plan?.Municipality,
            [.. results.Hits.Select(hit =>
            {
                var snippet = Snippet.Of(hit.Document.SnippetSource(figuresFirst), terms);
                return new SearchHitJson(hit.Document.Slug, hit.Document.Entry.Initiative.Number, hit.Document.Entry.Initiative.Title,
                    hit.Document.Entry.Url, SearchIndex.RankingScore(hit.Score), snippet.Text, [.. snippet.Highlights.Select(h => new[] { h.Start, h.Length })]);
            })]);
        return JsonSerializer.Serialize(payload, OpenDataJson.Published.SearchJson);
    }

    private static void Print(SearchResults results, SearchIndex index)
    {
        if (results.Message is not null)
        {
            Console.WriteLine(results.Message);
            return;
        }
        var terms = results.Plan?.Terms ?? [];
        // The query is echoed as typed, but never a terminal escape sequence or a screenful of text.
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(Printable.Shown(results.Query, 20))}[/]: {results.Total}件");
        foreach (var (hit, rank) in results.Hits.Select((h, i) => (h, i + 1)))
        {
            var entry = hit.Document.Entry;
            AnsiConsole.MarkupLine($"{rank,2}. [bold]{Markup.Escape(entry.Municipality.Name)} {Markup.Escape(entry.Numbered)} {Markup.Escape(entry.Initiative.Title)}[/]  [dim]{entry.Url}  {SearchIndex.RankingScore(hit.Score):0.####}[/]");
            var snippet = Snippet.Of(hit.Document.SnippetSource(results.Plan!.AsksForFigure), terms);
            AnsiConsole.MarkupLine("    " + snippet.Render(Markup.Escape, s => $"[yellow bold]{Markup.Escape(s)}[/]"));
        }
    }

    /// <summary>What `search --json` prints.</summary>
    internal sealed record SearchJson(string Query, int Total, string? Message, string? Municipality, IReadOnlyList<SearchHitJson> Results);

    /// <summary>One hit of <see cref="SearchJson"/>; highlights are [start, length] in the snippet.</summary>
    internal sealed record SearchHitJson(string Municipality, int Number, string Title, string Url, double Score, string Snippet, IReadOnlyList<int[]> Highlights);
}
