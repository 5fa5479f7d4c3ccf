using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using DxCompare.Model;
using DxCompare.Pages;
using DxCompare.Pages.ViewModels;
using DxCompare.Search;

namespace DxCompare.Bench;

/// <summary>
/// The same pages as DxCompare's (home, plans, initiatives, topics, metrics, compare), as a Hugo site:
/// Markdown files whose front matter carries each page's data, rendered by the theme in bench/hugo-theme.
/// Data that needs the whole corpus (related initiatives, topic columns) is precomputed here, so Hugo
/// is measured on what it does: templating and writing pages.
/// </summary>
public static class HugoExport
{
    /// <summary>Source-generated (NativeAOT-safe); camelCase names are the front-matter keys the theme reads.</summary>
    private static readonly HugoFrontMatterJson Json = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    });

    public static int Write(ContentSet content, string siteDirectory, string themeDirectory)
    {
        var contentDirectory = Path.Combine(siteDirectory, "content");
        Directory.CreateDirectory(contentDirectory);
        File.WriteAllText(Path.Combine(siteDirectory, "hugo.toml"),
            $"baseURL = \"https://dxcompare.netlify.app/\"\nlanguageCode = \"ja\"\ntitle = \"DxCompare\"\ntheme = \"dxcompare\"\nthemesDir = \"{Path.GetDirectoryName(Path.GetFullPath(themeDirectory))}\"\n" +
            "disableKinds = [\"taxonomy\", \"term\", \"RSS\"]\n[markup.goldmark.renderer]\n  unsafe = false\n");
        using var search = new SearchIndex(content);
        var pages = new HugoPages(content, contentDirectory, RelatedInitiatives.Compute(search, content));
        pages.Home();
        foreach (var plan in content.Plans) pages.Plan(plan);
        foreach (var entry in content.Initiatives) pages.Initiative(entry);
        foreach (var topic in content.Topics) pages.Topic(topic);
        foreach (var metric in content.Metrics) pages.Metric(metric);
        pages.Compare();
        return pages.Count;
    }

    /// <summary>One Markdown file per page, its data in JSON front matter.</summary>
    private sealed class HugoPages(ContentSet content, string contentDirectory, IReadOnlyDictionary<InitiativeEntry, IReadOnlyList<Related>> related)
    {
        public int Count { get; private set; }

        private void Page<T>(string path, T frontMatter, JsonTypeInfo<T> typeInfo, string body = "")
        {
            var file = Path.Combine(contentDirectory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, JsonSerializer.Serialize(frontMatter, typeInfo) + "\n\n" + body + "\n");
            Count++;
        }

        public void Home() => Page("_index.md", new HomeFrontMatter(
            Title: "自治体DX推進計画くらべ",
            Plans: [.. content.Plans.Select(p => new PlanCard(p.Municipality.Name, SiteUrls.Plan(p), p.Title, FiscalYear.PeriodLabel(p.Period.Start, p.Period.End), PlanFacts.Structure(p)))],
            Topics: [.. content.Topics.Select(t => new TopicCount(t.Label, SiteUrls.Topic(t.Id), content.InitiativesByTopic[t.Id].Count()))]),
            Json.HomeFrontMatter);

        public void Plan(Plan plan) => Page($"{plan.Municipality.Slug}/_index.md", new PlanFrontMatter(
            Title: $"{plan.Municipality.Name} {plan.Title}",
            Kind: "plan",
            Vision: plan.Vision,
            Period: FiscalYear.PeriodLabel(plan.Period.Start, plan.Period.End),
            Pillars: [.. plan.Pillars.Select(pillar => new PillarSection(
                Heading: $"{plan.Labels.Pillar}{pillar.Printed} {pillar.Title}",
                Indicators: [.. pillar.Indicators.Concat(pillar.Policies.SelectMany(p => p.Indicators)).Select(Table)],
                Initiatives: [.. pillar.Initiatives.Concat(pillar.Policies.SelectMany(p => p.Initiatives))
                    .Select(i => new InitiativeLink($"{plan.Labels.Initiative}{i.Printed} {i.Title}", SiteUrls.Initiative(plan.Municipality.Slug, i.Key), i.IsNew))]))]),
            Json.PlanFrontMatter, plan.Summary ?? "");

        public void Initiative(InitiativeEntry entry)
        {
            var i = entry.Initiative;
            var years = Enumerable.Range(entry.Plan.Period.Start, entry.Plan.Period.End - entry.Plan.Period.Start + 1).ToList();
            Page($"{entry.Municipality.Slug}/initiatives/{i.Key}.md", new InitiativeFrontMatter(
                Title: $"{i.Title}({entry.Municipality.Name} {entry.Numbered})",
                Kind: "initiative",
                Url: entry.Url,
                Departments: string.Join("、", i.Departments),
                Topics: [.. i.Topics.Select(t => new Link(content.TopicsById[t].Label, SiteUrls.Topic(t)))],
                Years: [.. years.Select(FiscalYear.Label)],
                Schedule: [.. i.Indicators.Where(x => x.Kind == IndicatorKind.事業計画).Select(row => new ScheduleRow(
                    Name: row.Name,
                    Cells: [.. years.Select(fy => row.CurrentValues.FirstOrDefault(v => v.Fy == fy && v.Type == ValueKind.Target) is { } v ? Indicators.Format(v, row) : "")]))],
                Current: i.CurrentState,
                Target: i.TargetState,
                Related: [.. related[entry].Select(r => new Link($"{r.Entry.Municipality.Name} {r.Entry.Numbered} {r.Entry.Initiative.Title}", r.Entry.Url))]),
                Json.InitiativeFrontMatter, i.Content ?? "");
        }

        public void Topic(Topic topic) => Page($"topics/{topic.Id}.md", new TopicFrontMatter(
            Title: $"{topic.Label}をくらべる",
            Kind: "topic",
            Description: topic.Description,
            Columns: [.. content.Plans.Select(p => new TopicColumn(
                Name: p.Municipality.Name,
                Initiatives: [.. content.InitiativesByTopic[topic.Id].Where(e => e.Municipality.Code == p.Municipality.Code)
                    .Select(e => new Link($"{e.Numbered} {e.Initiative.Title}", e.Url))]))]),
            Json.TopicFrontMatter);

        public void Metric(Metric metric) => Page($"indicators/{metric.Id}.md", new MetricFrontMatter(
            Title: $"{metric.Label}をくらべる",
            Kind: "metric",
            Comparability: metric.Comparability,
            Series: [.. MetricSeries.For(content, metric.Id).Select(s => new MetricSeriesTable(s.Municipality.Name, Table(s.Merged)))]),
            Json.MetricFrontMatter);

        public void Compare() => Page("compare.md", new CompareFrontMatter(
            Title: "トピック × 自治体の比較表",
            Kind: "compare",
            Municipalities: [.. content.Plans.Select(p => p.Municipality.Name)],
            Rows: [.. content.Topics.Select(t => new CompareRow(
                Label: t.Label,
                Url: SiteUrls.Topic(t.Id),
                Counts: [.. content.Plans.Select(p => content.InitiativesByTopic[t.Id].Count(e => e.Municipality.Code == p.Municipality.Code))]))]),
            Json.CompareFrontMatter);
    }

    private static IndicatorTable Table(Indicator indicator) => new(
        Name: Indicators.DisplayName(indicator),
        Rows: [.. indicator.CurrentValues.Select(v => v.Fy).Distinct().Order().Select(fy => new IndicatorTableRow(
            Year: FiscalYear.Label(fy),
            Cells: [.. Enum.GetValues<ValueKind>()
                .Select(t => indicator.Values.FirstOrDefault(v => v.Fy == fy && v.Type == t) is { } v ? Indicators.Format(v, indicator) : "")]))]);

    // Front matter, one record per page kind; property order is the JSON key order.

    /// <summary>A label linking to a page.</summary>
    internal sealed record Link(string Label, string Url);

    internal sealed record HomeFrontMatter(string Title, IReadOnlyList<PlanCard> Plans, IReadOnlyList<TopicCount> Topics);

    internal sealed record PlanCard(string Name, string Url, string Title, string Period, string Structure);

    internal sealed record TopicCount(string Label, string Url, int Count);

    internal sealed record PlanFrontMatter(string Title, string Kind, string Vision, string Period, IReadOnlyList<PillarSection> Pillars);

    internal sealed record PillarSection(string Heading, IReadOnlyList<IndicatorTable> Indicators, IReadOnlyList<InitiativeLink> Initiatives);

    internal sealed record InitiativeLink(string Label, string Url, bool IsNew);

    internal sealed record InitiativeFrontMatter(
        string Title, string Kind, string Url, string Departments, IReadOnlyList<Link> Topics, IReadOnlyList<string> Years,
        IReadOnlyList<ScheduleRow> Schedule, string? Current, string? Target, IReadOnlyList<Link> Related);

    internal sealed record ScheduleRow(string Name, IReadOnlyList<string> Cells);

    internal sealed record TopicFrontMatter(string Title, string Kind, string? Description, IReadOnlyList<TopicColumn> Columns);

    internal sealed record TopicColumn(string Name, IReadOnlyList<Link> Initiatives);

    internal sealed record MetricFrontMatter(string Title, string Kind, string? Comparability, IReadOnlyList<MetricSeriesTable> Series);

    internal sealed record MetricSeriesTable(string Name, IndicatorTable Table);

    internal sealed record CompareFrontMatter(string Title, string Kind, IReadOnlyList<string> Municipalities, IReadOnlyList<CompareRow> Rows);

    internal sealed record CompareRow(string Label, string Url, IReadOnlyList<int> Counts);

    internal sealed record IndicatorTable(string Name, IReadOnlyList<IndicatorTableRow> Rows);

    internal sealed record IndicatorTableRow(string Year, IReadOnlyList<string> Cells);
}

/// <summary>Source-generated serialization of <see cref="HugoExport"/>'s front matter, one entry per page kind.</summary>
[JsonSerializable(typeof(HugoExport.HomeFrontMatter))]
[JsonSerializable(typeof(HugoExport.PlanFrontMatter))]
[JsonSerializable(typeof(HugoExport.InitiativeFrontMatter))]
[JsonSerializable(typeof(HugoExport.TopicFrontMatter))]
[JsonSerializable(typeof(HugoExport.MetricFrontMatter))]
[JsonSerializable(typeof(HugoExport.CompareFrontMatter))]
internal sealed partial class HugoFrontMatterJson : JsonSerializerContext;
