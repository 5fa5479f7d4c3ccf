using System.Text.Encodings.Web;
using System.Text.Json;
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
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

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

        private void Page(string path, object frontMatter, string body = "")
        {
            var file = Path.Combine(contentDirectory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, JsonSerializer.Serialize(frontMatter, Json) + "\n\n" + body + "\n");
            Count++;
        }

        public void Home() => Page("_index.md", new
        {
            title = "自治体DX推進計画くらべ",
            plans = content.Plans.Select(p => new { name = p.Municipality.Name, url = SiteUrls.Plan(p), title = p.Title, period = FiscalYear.PeriodLabel(p.Period.Start, p.Period.End), structure = PlanFacts.Structure(p) }),
            topics = content.Topics.Select(t => new { label = t.Label, url = SiteUrls.Topic(t.Id), count = content.InitiativesByTopic[t.Id].Count() }),
        });

        public void Plan(Plan plan) => Page($"{plan.Municipality.Slug}/_index.md", new
        {
            title = $"{plan.Municipality.Name} {plan.Title}",
            kind = "plan",
            vision = plan.Vision,
            period = FiscalYear.PeriodLabel(plan.Period.Start, plan.Period.End),
            pillars = plan.Pillars.Select(pillar => new
            {
                heading = $"{plan.Labels.Pillar}{pillar.Printed} {pillar.Title}",
                indicators = pillar.Indicators.Concat(pillar.Policies.SelectMany(p => p.Indicators)).Select(Table),
                initiatives = pillar.Initiatives.Concat(pillar.Policies.SelectMany(p => p.Initiatives))
                    .Select(i => new { label = $"{plan.Labels.Initiative}{i.Printed} {i.Title}", url = SiteUrls.Initiative(plan.Municipality.Slug, i.Key), isNew = i.IsNew }),
            }),
        }, plan.Summary ?? "");

        public void Initiative(InitiativeEntry entry)
        {
            var i = entry.Initiative;
            var years = Enumerable.Range(entry.Plan.Period.Start, entry.Plan.Period.End - entry.Plan.Period.Start + 1).ToList();
            Page($"{entry.Municipality.Slug}/initiatives/{i.Key}.md", new
            {
                title = $"{i.Title}({entry.Municipality.Name} {entry.Numbered})",
                kind = "initiative",
                url = entry.Url,
                departments = string.Join("、", i.Departments),
                topics = i.Topics.Select(t => new { label = content.TopicsById[t].Label, url = SiteUrls.Topic(t) }),
                years = years.Select(FiscalYear.Label),
                schedule = i.Indicators.Where(x => x.Kind == IndicatorKind.事業計画).Select(row => new
                {
                    name = row.Name,
                    cells = years.Select(fy => row.CurrentValues.FirstOrDefault(v => v.Fy == fy && v.Type == ValueKind.Target) is { } v ? Indicators.Format(v, row) : ""),
                }),
                current = i.CurrentState,
                target = i.TargetState,
                related = related[entry].Select(r => new { label = $"{r.Entry.Municipality.Name} {r.Entry.Numbered} {r.Entry.Initiative.Title}", url = r.Entry.Url }),
            }, i.Content ?? "");
        }

        public void Topic(Topic topic) => Page($"topics/{topic.Id}.md", new
        {
            title = $"{topic.Label}をくらべる",
            kind = "topic",
            description = topic.Description,
            columns = content.Plans.Select(p => new
            {
                name = p.Municipality.Name,
                initiatives = content.InitiativesByTopic[topic.Id].Where(e => e.Municipality.Code == p.Municipality.Code)
                    .Select(e => new { label = $"{e.Numbered} {e.Initiative.Title}", url = e.Url }),
            }),
        });

        public void Metric(Metric metric) => Page($"indicators/{metric.Id}.md", new
        {
            title = $"{metric.Label}をくらべる",
            kind = "metric",
            comparability = metric.Comparability,
            series = MetricSeries.For(content, metric.Id).Select(s => new { name = s.Municipality.Name, table = Table(s.Merged) }),
        });

        public void Compare() => Page("compare.md", new
        {
            title = "トピック × 自治体の比較表",
            kind = "compare",
            municipalities = content.Plans.Select(p => p.Municipality.Name),
            rows = content.Topics.Select(t => new
            {
                label = t.Label,
                url = SiteUrls.Topic(t.Id),
                counts = content.Plans.Select(p => content.InitiativesByTopic[t.Id].Count(e => e.Municipality.Code == p.Municipality.Code)),
            }),
        });
    }

    private static object Table(Indicator indicator) => new
    {
        name = Indicators.DisplayName(indicator),
        rows = indicator.CurrentValues.Select(v => v.Fy).Distinct().Order().Select(fy => new
        {
            year = FiscalYear.Label(fy),
            cells = Enum.GetValues<ValueKind>()
                .Select(t => indicator.Values.FirstOrDefault(v => v.Fy == fy && v.Type == t) is { } v ? Indicators.Format(v, indicator) : ""),
        }),
    };
}
