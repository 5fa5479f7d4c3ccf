using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
namespace DxCompare.Model;

/// <summary>A prose page from content/pages/*.md.</summary>
public sealed record ProseDocument(string Slug, string Title, string Description, string Markdown, int Order);

[JsonConverter(typeof(YamlNamedEnumConverter<AttachedTo>))]
public enum AttachedTo { Plan, Pillar, Policy, Initiative }

/// <summary>An initiative with the levels above it, as the site and the exports see it.</summary>
public sealed record InitiativeEntry(Plan Plan, Pillar Pillar, Policy? Policy, Initiative Initiative)
{
    public Municipality Municipality => Plan.Municipality;
    /// <summary>Made once: pages, routes, related lists and exports ask for it hundreds of thousands of times at 1,788 municipalities.</summary>
    public string Url { get; } = SiteUrls.Initiative(Plan.Municipality.Slug, Initiative.Key);

    /// <summary>取組3.1.1: the level's name and the number as printed.</summary>
    public string Numbered => Plan.Labels.Initiative + Initiative.Printed;
}

/// <summary>An indicator with what it is attached to (<paramref name="Owner"/>: the pillar, policy or initiative record; null for the plan).</summary>
public sealed record IndicatorEntry(Plan Plan, AttachedTo AttachedTo, int? AttachedNumber, string? AttachedTitle, Indicator Indicator, object? Owner = null, string? AttachedLabel = null)
{
    public Municipality Municipality => Plan.Municipality;
}

/// <summary>The normalized model: every plan and taxonomy, validated, with the lookups every output needs.</summary>
public sealed class ContentSet
{
    public ContentSet(IEnumerable<Plan> plans, IReadOnlyList<Topic> topics, IReadOnlyList<Metric> metrics, IReadOnlyList<ProseDocument> pages, VocabularyList? vocabulary = null)
    {
        Vocabulary = vocabulary ?? new VocabularyList();
        Plans = [.. plans.OrderBy(p => p.Municipality.Code, StringComparer.Ordinal)];
        Topics = topics;
        Metrics = metrics;
        Pages = [.. pages.OrderBy(p => p.Order).ThenBy(p => p.Slug, StringComparer.Ordinal)];
        Initiatives = [.. Plans.SelectMany(InitiativesOf)];
        Indicators = [.. Plans.SelectMany(IndicatorsOf)];
        TopicsById = topics.ToDictionary(t => t.Id, StringComparer.Ordinal);
        MetricsById = metrics.ToDictionary(m => m.Id, StringComparer.Ordinal);
        InitiativesByTopic = Initiatives
            .SelectMany(e => e.Initiative.Topics.Distinct().Select(t => (topic: t, entry: e)))
            .ToLookup(x => x.topic, x => x.entry, StringComparer.Ordinal);
        IndicatorsByMetric = Indicators
            .Where(i => i.Indicator.Metric is not null)
            .ToLookup(i => i.Indicator.Metric!, StringComparer.Ordinal);
    }

    /// <summary>content/vocabulary.yml: the status words, qualifiers and units plans may use, with their shared classes.</summary>
    public VocabularyList Vocabulary { get; }
    public IReadOnlyList<Plan> Plans { get; }
    public IReadOnlyList<Topic> Topics { get; }
    public IReadOnlyList<Metric> Metrics { get; }
    public IReadOnlyList<ProseDocument> Pages { get; }
    public IReadOnlyList<InitiativeEntry> Initiatives { get; }
    public IReadOnlyList<IndicatorEntry> Indicators { get; }
    public IReadOnlyDictionary<string, Topic> TopicsById { get; }
    public IReadOnlyDictionary<string, Metric> MetricsById { get; }
    public ILookup<string, InitiativeEntry> InitiativesByTopic { get; }
    public ILookup<string, IndicatorEntry> IndicatorsByMetric { get; }

    /// <summary>The content the public site shows: without the plans marked draft (作成中).</summary>
    public ContentSet WithoutDrafts() =>
        Plans.Any(p => p.Draft) ? new ContentSet(Plans.Where(p => !p.Draft), Topics, Metrics, Pages, Vocabulary) : this;

    /// <summary>
    /// A plan's initiatives with the levels above them, made once per plan object: watch mode loads again only the plans
    /// whose files changed, so the other plans' entries stay the same objects from one generation to the next, and what
    /// is made from an entry (its search document) need not be made again.
    /// </summary>
    public static IReadOnlyList<InitiativeEntry> InitiativesOf(Plan plan) => EntriesByPlan.GetValue(plan, MakeEntries);

    private static readonly ConditionalWeakTable<Plan, InitiativeEntry[]> EntriesByPlan = [];

    private static InitiativeEntry[] MakeEntries(Plan plan) =>
    [
        .. from pillar in plan.Pillars
           from entry in pillar.Initiatives.Select(i => new InitiativeEntry(plan, pillar, null, i))
               .Concat(pillar.Policies.SelectMany(policy => policy.Initiatives.Select(i => new InitiativeEntry(plan, pillar, policy, i))))
           select entry,
    ];

    /// <summary>A plan's indicators with what they are attached to, made once per plan object (<see cref="InitiativesOf(Plan)"/>).</summary>
    public static IReadOnlyList<IndicatorEntry> IndicatorsOf(Plan plan) => IndicatorsByPlan.GetValue(plan, p => [.. MakeIndicators(p)]);

    private static readonly ConditionalWeakTable<Plan, IndicatorEntry[]> IndicatorsByPlan = [];

    /// <summary>A plan's initiatives by topic (an initiative once under each topic it names), made once per plan object.</summary>
    public static IReadOnlyDictionary<string, InitiativeEntry[]> InitiativesByTopicOf(Plan plan) => TopicsByPlan.GetValue(plan, p =>
        InitiativesOf(p).SelectMany(e => e.Initiative.Topics.Distinct().Select(topic => (Topic: topic, Entry: e)))
            .GroupBy(x => x.Topic, x => x.Entry, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal));

    private static readonly ConditionalWeakTable<Plan, Dictionary<string, InitiativeEntry[]>> TopicsByPlan = [];

    /// <summary>A plan's initiatives under one topic: topic and comparison pages ask for every (municipality, topic) pair, 1,788 × 24 at scale.</summary>
    public static IReadOnlyList<InitiativeEntry> InitiativesOf(Plan plan, string topicId) => InitiativesByTopicOf(plan).GetValueOrDefault(topicId, []);

    private static IEnumerable<IndicatorEntry> MakeIndicators(Plan plan)
    {
        foreach (var indicator in plan.Indicators) yield return new(plan, AttachedTo.Plan, null, null, indicator);
        foreach (var pillar in plan.Pillars)
        {
            foreach (var indicator in pillar.Indicators) yield return new(plan, AttachedTo.Pillar, pillar.Number, pillar.Title, indicator, pillar, pillar.Printed);
            foreach (var policy in pillar.Policies)
            {
                foreach (var indicator in policy.Indicators) yield return new(plan, AttachedTo.Policy, policy.Number, policy.Title, indicator, policy, policy.Printed);
            }
        }
        foreach (var entry in InitiativesOf(plan))
        {
            foreach (var indicator in entry.Initiative.Indicators)
                yield return new(plan, AttachedTo.Initiative, entry.Initiative.Number, entry.Initiative.Title, indicator, entry.Initiative, entry.Initiative.Printed);
        }
    }
}
