using AngleSharp.Html.Parser;
using DxCompare.Bench;
using DxCompare.Build;
using DxCompare.Content;
using DxCompare.Pages;
using DxCompare.Tests.Support;

namespace DxCompare.Tests.Pages;

/// <summary>With more municipalities than fit side by side, comparison pages group them by prefecture.</summary>
[Trait(Speed.Trait, Speed.Slow)]
public class ManyMunicipalitiesTests
{
    [Fact]
    public async Task Topic_compare_home_and_metric_pages_never_render_a_column_per_municipality()
    {
        using var content = new TempContent();
        SyntheticCorpus.Write(Repository.Content, Repository.ContentDirectory, new CorpusRequest(30, 600, Seed: 3), content.Directory);
        var output = Path.Combine(content.Directory, "out");
        var report = await SiteBuilder.BuildAsync(new BuildOptions(content.Directory, Path.Combine(Repository.Root, "theme"), output, BuildOptions.DefaultBaseUrl));
        Assert.True(report.Succeeded, string.Join("\n", report.Diagnostics.Take(3)));
        var parser = new HtmlParser();
        AngleSharp.Dom.IDocument Page(string path) => parser.ParseDocument(File.ReadAllText(Path.Combine(output, path, "index.html")));

        foreach (var path in new[] { "topics/online-procedures", "compare", "", "indicators/online-procedure-rate" })
        {
            var page = Page(path);
            var widest = page.QuerySelectorAll("table tr").Select(r => r.Children.Length).DefaultIfEmpty(0).Max();
            Assert.True(widest <= SiteContext.SideBySideLimit + 1, $"/{path}: a table row with {widest} cells");
        }

        var topic = Page("topics/online-procedures");
        var prefectures = topic.QuerySelectorAll(".prefecture-groups > section h2").Select(h => h.TextContent).ToList();
        Assert.NotEmpty(prefectures);
        Assert.All(topic.QuerySelectorAll(".municipality-cards .card"), card => Assert.False(string.IsNullOrEmpty(card.GetAttribute("data-municipality"))));
        Assert.Equal(30, topic.QuerySelectorAll("[data-municipality-picker] input[name=m]").Length);
        Assert.NotNull(topic.QuerySelector("[data-municipality-picker] details summary"));
        Assert.NotNull(topic.QuerySelector("[data-picker-filter]"));
        Assert.Contains("30自治体の計画を掲載しています", Page("").Body!.TextContent);

        // The topic list sums up instead of naming every municipality on every card.
        var corpus = ContentLoader.Load(content.Directory).Content!;
        var online = corpus.Initiatives.Where(e => e.Initiative.Topics.Contains("online-procedures")).ToList();
        var card = Page("topics").QuerySelectorAll(".topic-cards .card").Single(c => c.QuerySelector("h2")!.TextContent == corpus.TopicsById["online-procedures"].Label);
        Assert.Equal($"{online.Select(e => e.Municipality.Code).Distinct().Count()}自治体 {online.Count}件", card.QuerySelector(".count")!.TextContent);

        // The indicator list links every municipality (grouped by prefecture) instead of a table for each.
        var indicators = Page("indicators");
        Assert.Empty(indicators.QuerySelectorAll("table"));
        Assert.Equal(30, indicators.QuerySelectorAll("#own-heading ~ details li a").Length);
    }
}
