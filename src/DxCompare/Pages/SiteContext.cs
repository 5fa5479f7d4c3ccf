using DxCompare.Model;

namespace DxCompare.Pages;

public sealed record Crumb(string Label, string Path);

/// <summary>What every page knows about itself: the layout turns it into title, meta, canonical and breadcrumbs.</summary>
public sealed record PageMeta(string Path, string Title, string Description, IReadOnlyList<Crumb> Breadcrumbs)
{
    public static PageMeta Of(string path, string title, string description, params Crumb[] parents) =>
        new(path, title, description, [new Crumb("ホーム", SiteUrls.Home), .. parents]);
}

/// <summary>The content plus everything pages derive from it, computed once per build and shared by all workers.</summary>
public sealed class SiteContext(ContentSet content, string baseUrl, AssetManifest assets)
{
    public AssetManifest Assets { get; } = assets;

    public ContentSet Content { get; } = content;

    /// <summary>The public origin used for canonical and OpenGraph URLs, without a trailing slash.</summary>
    public string BaseUrl { get; } = baseUrl.TrimEnd('/');

    public const string SiteName = "DxCompare 自治体DX推進計画くらべ";

    /// <summary>Up to this many municipalities, comparison pages put them side by side in one table; beyond, they group by prefecture.</summary>
    public const int SideBySideLimit = 8;

    public bool Many => Content.Plans.Count > SideBySideLimit;

    /// <summary>How many plans the menu of every page lists, in content order: the ones that fit; the home page and /compare/ list them all.</summary>
    public const int PlansInMenu = 6;

    public IReadOnlyList<Plan> MenuPlans { get; } = [.. content.Plans.Take(PlansInMenu)];

    /// <summary>The plans grouped by prefecture, in code order: made once, as every topic page and the picker on it list them (1,788 plans at scale).</summary>
    public IReadOnlyList<IGrouping<string, Plan>> PlansByPrefecture => _plansByPrefecture.Value;

    private readonly Lazy<IReadOnlyList<IGrouping<string, Plan>>> _plansByPrefecture = new(() =>
        [.. content.Plans.GroupBy(p => p.Municipality.Prefecture).OrderBy(g => g.First().Municipality.Code, StringComparer.Ordinal)]);

    public string Absolute(string path) => BaseUrl + path;

    private readonly Lazy<HashSet<string>> _sharedMetrics = new(() =>
        [.. content.IndicatorsByMetric.Where(g => g.Select(i => i.Municipality.Code).Distinct().Skip(1).Any()).Select(g => g.Key)]);

    public static string PlanUrl(Plan plan) => SiteUrls.Plan(plan);
    public static string TopicUrl(string topicId) => SiteUrls.Topic(topicId);
    public static string MetricUrl(string metricId) => SiteUrls.Metric(metricId);
    public static string DataUrl(string file) => SiteUrls.Download(file);
    public static string TopicCsvUrl(string topicId) => DataUrl(Exports.OpenDataExport.TopicCsv(topicId));
    public static string MetricCsvUrl(string metricId) => DataUrl(Exports.OpenDataExport.MetricCsv(metricId));

    public static string PolicyAnchor(Policy policy) => SiteUrls.PolicyAnchor(policy);
    public static string PillarAnchor(Pillar pillar) => SiteUrls.PillarAnchor(pillar);

    /// <summary>Indicators that no other municipality shares: those without a metric, or whose metric only this plan uses.</summary>
    public bool IsShared(Indicator indicator) =>
        indicator.Metric is { } id && _sharedMetrics.Value.Contains(id);

    /// <summary>The metrics more than one municipality reports (<see cref="IsShared"/>).</summary>
    public IReadOnlySet<string> SharedMetrics => _sharedMetrics.Value;

    /// <summary>Related initiatives in other municipalities, computed once per build by the search index.</summary>
    public IReadOnlyDictionary<InitiativeEntry, IReadOnlyList<Search.Related>> Related { get; init; } =
        new Dictionary<InitiativeEntry, IReadOnlyList<Search.Related>>();
}
