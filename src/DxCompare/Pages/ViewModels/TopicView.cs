using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using DxCompare.Model;

namespace DxCompare.Pages.ViewModels;

/// <summary>An initiative as a comparison shows it: its title, one or two lines of what it does, and where it sits in its plan.</summary>
public sealed record InitiativeItem(InitiativeEntry Entry, string Summary, string Context)
{
    /// <summary>Made once per entry: topic and comparison pages show every initiative, and watch mode draws them again after each edit.</summary>
    public static InitiativeItem Of(InitiativeEntry e) => Made.GetValue(e, Make);

    private static readonly ConditionalWeakTable<InitiativeEntry, InitiativeItem> Made = [];

    /// <summary>A plan's initiatives under a topic, made once per plan object: at scale every topic page asks for 1,788 plans' lists, after each edit in watch mode.</summary>
    public static IReadOnlyList<InitiativeItem> OfTopic(Plan plan, string topicId) =>
        ByTopic.GetValue(plan, _ => new(StringComparer.Ordinal)).GetOrAdd(topicId, static (id, p) => [.. ContentSet.InitiativesOf(p, id).Select(Of)], plan);

    private static readonly ConditionalWeakTable<Plan, ConcurrentDictionary<string, InitiativeItem[]>> ByTopic = [];

    private static InitiativeItem Make(InitiativeEntry e) => new(e, InitiativeSummary.Of(e.Initiative),
        e.Policy is { } policy ? $"{e.Plan.Labels.Policy}{policy.Printed} {policy.Title}" : $"{e.Plan.Labels.Pillar}{e.Pillar.Printed} {e.Pillar.Title}");

    public string Label { get; } = $"{Entry.Numbered} {Entry.Initiative.Title}";
}

/// <summary>An indicator in one line, with the shared metric it can be compared on (when another municipality reports it too).</summary>
public sealed record KpiItem(IndicatorEntry Entry, KpiLine Line, Metric? SharedMetric);

/// <summary>One municipality's column of a topic: its initiatives and KPIs for the topic. <see cref="Column"/> counts from 1 (the picker's CSS hides by it).</summary>
public sealed record TopicColumn(Plan Plan, int Column, IReadOnlyList<InitiativeItem> Initiatives, IReadOnlyList<KpiItem> Kpis);

/// <summary>
/// What a topic page shows, computed once: a column per municipality and the topic's metrics answered. Side by side a
/// column also lists its KPIs; at scale (<see cref="SiteContext.Many"/>) the page shows each municipality's initiatives
/// only, and the KPIs of 1,788 plans are not looked up for nothing.
/// </summary>
public sealed record TopicView(Topic Topic, IReadOnlyList<TopicColumn> Columns, IReadOnlyList<MetricHeadline> Metrics)
{
    public static TopicView Of(SiteContext site, Topic topic)
    {
        var metrics = site.Content.Metrics.Where(m => m.Topics.Contains(topic.Id)).ToList();
        var metricIds = metrics.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var columns = site.Content.Plans.Select((plan, i) =>
        {
            return new TopicColumn(plan, i + 1, InitiativeItem.OfTopic(plan, topic.Id),
                site.Many ? [] : [.. KpisOf(site, plan, ContentSet.InitiativesOf(plan, topic.Id), metricIds).Select(e => new KpiItem(e, KpiLine.Of(e.Indicator), SharedMetric(site, e.Indicator)))]);
        }).ToList();
        return new(topic, columns, [.. metrics.Select(m => MetricHeadline.For(site.Content, m))]);
    }

    public static Metric? SharedMetric(SiteContext site, Indicator indicator) =>
        site.IsShared(indicator) && site.Content.MetricsById.TryGetValue(indicator.Metric!, out var metric) ? metric : null;

    /// <summary>KPIs of the topic's initiatives and of the policies above them, and every indicator of a metric tagged with the topic.</summary>
    private static IEnumerable<IndicatorEntry> KpisOf(SiteContext site, Plan plan, IReadOnlyList<InitiativeEntry> entries, HashSet<string> metricIds)
    {
        var owners = entries.Select(e => (object)e.Initiative).Concat(entries.Where(e => e.Policy is not null).Select(e => (object)e.Policy!))
            .ToHashSet(ReferenceEqualityComparer.Instance);
        return ContentSet.IndicatorsOf(plan).Where(e =>
            (e.AttachedTo is AttachedTo.Initiative or AttachedTo.Policy && e.Owner is not null && owners.Contains(e.Owner))
            || (e.Indicator.Metric is { } m && metricIds.Contains(m)));
    }
}
