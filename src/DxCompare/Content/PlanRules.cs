using DxCompare.Model;

namespace DxCompare.Content;

/// <summary>The rules a bound plan must follow beyond its shape: identities, numbering, years, units, references.</summary>
/// <param name="topicIds">Null when topics.yml has a problem of its own: references to it are then not checked.</param>
/// <param name="metrics">Null when metrics.yml has a problem of its own.</param>
public sealed partial class PlanRules(SourceMap map, DiagnosticBag diagnostics, IReadOnlySet<string>? topicIds, IReadOnlyDictionary<string, Metric>? metrics,
    VocabularyList vocabulary)
{
    public bool HasTopic(string id) => topicIds?.Contains(id) ?? true;

    /// <summary>The same rules reporting into <paramref name="own"/>: plans are checked side by side, each with its own messages.</summary>
    public PlanRules Reporting(DiagnosticBag own) => new(map, own, topicIds, metrics, vocabulary);

    public void Check(Plan plan, string fileSlug)
    {
        CheckMunicipality(plan.Municipality, fileSlug);
        CheckPeriod(plan);
        CheckEditions(plan);
        CheckNumbering(plan);
        CheckPlaceholders(plan, plan);
        foreach (var indicator in plan.Indicators) CheckIndicator(indicator, plan);
        foreach (var pillar in plan.Pillars)
        {
            if (pillar.Policies.Count > 0 && string.IsNullOrEmpty(plan.Labels.Policy))
                diagnostics.Add(map.Of(pillar, "policies"), "policies-without-label", new { pillar = $"{plan.Labels.Pillar}{pillar.Printed}" });
            if (pillar.Policies.Count == 0 && pillar.Initiatives.Count == 0 && !plan.Draft && !map.Rejected(pillar, "policies") && !map.Rejected(pillar, "initiatives"))
                diagnostics.Add(map.Of(pillar), "pillar-without-initiatives", new { pillar = $"{plan.Labels.Pillar}{pillar.Printed}" });
            foreach (var indicator in pillar.Indicators) CheckIndicator(indicator, plan);
            foreach (var policy in pillar.Policies)
            {
                if (policy.Initiatives.Count == 0 && !plan.Draft && !map.Rejected(policy, "initiatives"))
                    diagnostics.Add(map.Of(policy), "policy-without-initiatives", new { policy = $"{plan.Labels.Policy}{policy.Printed}" });
                foreach (var indicator in policy.Indicators) CheckIndicator(indicator, plan);
            }
        }
        foreach (var entry in ContentSet.InitiativesOf(plan)) CheckInitiative(entry.Initiative, plan);
    }

    private void CheckMunicipality(Municipality municipality, string fileSlug)
    {
        if (municipality.Code.Length == 6 && municipality.Code.All(char.IsAsciiDigit) && !LocalGovernmentCode.IsValid(municipality.Code))
        {
            var expected = LocalGovernmentCode.CheckDigit(municipality.Code.AsSpan(0, 5));
            diagnostics.Add(map.Of(municipality, "code"), "check-digit",
                new { code = municipality.Code, prefix = municipality.Code[..5], digit = expected, expected = $"{municipality.Code[..5]}{expected}" });
        }
        if (municipality.Slug.Length > 0 && municipality.Slug != fileSlug)
            diagnostics.Add(map.Of(municipality, "slug"), "slug-not-file-name", new { slug = municipality.Slug, file = fileSlug });
    }

    private void CheckPeriod(Plan plan)
    {
        if (plan.Period.Start > plan.Period.End && plan.Period.End > 0)
            diagnostics.Add(map.Of(plan.Period, "end"), "period-reversed", new { start = plan.Period.Start, end = plan.Period.End });
    }

    private void CheckNumbering(Plan plan)
    {
        var policyLabel = plan.Labels.Policy ?? "policy";
        UniqueNumbers(plan.Pillars, p => p.Number, plan.Labels.Pillar, parent: null);
        foreach (var pillar in plan.Pillars)
        {
            var where = $"{plan.Labels.Pillar}{pillar.Printed}";
            UniqueNumbers(pillar.Policies, p => p.Number, policyLabel, where);
            UniqueNumbers(pillar.Initiatives, i => i.Number, plan.Labels.Initiative, where);
            foreach (var policy in pillar.Policies)
                UniqueNumbers(policy.Initiatives, i => i.Number, plan.Labels.Initiative, $"{policyLabel}{policy.Printed}");
        }
        UniqueKeys(plan.Pillars.Select(p => (p.Key, (object)p, p.Id, $"{plan.Labels.Pillar}{p.Printed}", p.Key)), plan.Labels.Pillar);
        UniqueKeys(plan.Pillars.SelectMany(pillar => pillar.Policies.Select(p =>
            (p.Key, (object)p, p.Id, $"{plan.Labels.Pillar}{pillar.Printed} {policyLabel}{p.Printed}", $"{pillar.Key}-{p.Number}"))), policyLabel);
        UniqueKeys(ContentSet.InitiativesOf(plan).Select(e => (e.Initiative.Key, (object)e.Initiative, e.Initiative.Id, Path(plan, e),
            $"{(e.Policy is { } p ? p.Id ?? $"{e.Pillar.Key}-{p.Key}" : e.Pillar.Key)}-{e.Initiative.Number}")), plan.Labels.Initiative);
    }

    /// <summary>目標2 施策1 取組3: where an initiative sits, for messages.</summary>
    private static string Path(Plan plan, InitiativeEntry e) =>
        $"{plan.Labels.Pillar}{e.Pillar.Printed}" + (e.Policy is { } p ? $" {plan.Labels.Policy}{p.Printed}" : "") + $" {e.Numbered}";

    /// <summary>Numbers need only be unique within their parent: many plans number 1, 2, 3 … again under each pillar.</summary>
    /// <param name="parent">目標2 (where the numbers restart); null for the plan's top level.</param>
    private void UniqueNumbers<T>(IEnumerable<T> items, Func<T, int> number, string label, string? parent) where T : notnull
    {
        var first = new Dictionary<int, T>();
        foreach (var item in items)
        {
            var n = number(item);
            if (first.TryGetValue(n, out var earlier))
            {
                var line = map.Of(earlier, "number").Line;
                _reported.Add(item);
                if (parent is null) diagnostics.Add(map.Of(item, "number"), "duplicate-number", new { label, number = n, line });
                else diagnostics.Add(map.Of(item, "number"), "duplicate-number-in", new { label, number = n, parent, line });
            }
            else first[n] = item;
        }
    }

    /// <summary>Items already reported as duplicate numbers within their parent: not reported again as duplicate ids.</summary>
    private readonly HashSet<object> _reported = new(ReferenceEqualityComparer.Instance);

    /// <summary>Ids (the number unless 'id' is given) must be unique within the plan: they are the URLs and anchors.</summary>
    private void UniqueKeys(IEnumerable<(string Key, object Item, string? Id, string Where, string Suggestion)> items, string label)
    {
        var first = new Dictionary<string, (object Item, string Where)>(StringComparer.Ordinal);
        foreach (var (key, item, id, where, suggestion) in items)
        {
            if (first.TryGetValue(key, out var earlier))
            {
                if (id is null && _reported.Contains(item)) continue;
                var line = map.Of(earlier.Item, id is null ? "number" : "id").Line;
                var at = id is null ? map.Of(item, "number") : map.Of(item, "id");
                if (id is null) diagnostics.Add(at, "number-reused", new { where, key, earlier = earlier.Where, line, label, suggestion });
                else diagnostics.Add(at, "duplicate-id", new { label, key, earlier = earlier.Where, line });
            }
            else first[key] = (item, where);
        }
    }

    private void CheckInitiative(Initiative initiative, Plan plan)
    {
        foreach (var (topic, index) in initiative.Topics.Select((t, i) => (t, i)))
        {
            if (!HasTopic(topic))
                diagnostics.Add(map.Of(initiative, "topics"), "unknown-topic",
                    new { topic, initiative = $"{plan.Labels.Initiative}{initiative.Printed}", suggestion = YamlBinder.SuggestionFor(topic, topicIds!) });
        }
        if (initiative.TargetStateFy is { } fy) CheckInPeriod(fy, plan, map.Of(initiative, "target_state_fy"), "target_state_fy");
        foreach (var indicator in initiative.Indicators) CheckIndicator(indicator, plan);
        foreach (var activity in initiative.Activities)
        {
            CheckSource(activity.Source, plan, activity, "source");
            CheckInPeriod(activity.Fy, plan, map.Of(activity, "fy"), "fy");
            if (activity.Until is { } until)
            {
                CheckInPeriod(until, plan, map.Of(activity, "until"), "until");
                if (until < activity.Fy)
                    diagnostics.Add(map.Of(activity, "until"), "until-before-fy", new { until, fy = activity.Fy });
            }
        }
    }

    private void CheckIndicator(Indicator indicator, Plan plan)
    {
        if (indicator.Metric is null && indicator.MetricVariant is not null)
            diagnostics.Add(map.Of(indicator, "metric_variant"), "variant-without-metric", new { name = indicator.Name });
        // Not checked against a metrics.yml with a problem of its own: that message names the cause.
        if (indicator.Metric is { } metricId && metrics is not null)
        {
            if (!metrics.TryGetValue(metricId, out var metric))
                diagnostics.Add(map.Of(indicator, "metric"), "unknown-metric",
                    new { metric = metricId, name = indicator.Name, suggestion = YamlBinder.SuggestionFor(metricId, metrics.Keys) });
            else if (indicator.MetricVariant is { } variant && metric.VariantOf(variant) is null)
            {
                if (metric.Variants.Count == 0) diagnostics.Add(map.Of(indicator, "metric_variant"), "unknown-variant", new { metric = metricId, variant });
                else diagnostics.Add(map.Of(indicator, "metric_variant"), "unknown-variant-of", new { metric = metricId, variant, variants = string.Join(", ", metric.Variants.Select(v => v.Id)) });
            }
            else if (indicator.Unit is { } unit && unit != metric.UnitOf(indicator.MetricVariant))
            {
                if (indicator.MetricVariant is null) diagnostics.Add(map.Of(indicator, "unit"), "metric-unit", new { name = indicator.Name, unit, metric = metricId, metricUnit = metric.Unit });
                else diagnostics.Add(map.Of(indicator, "unit"), "variant-unit", new { name = indicator.Name, unit, variant = indicator.MetricVariant, metric = metricId, metricUnit = metric.UnitOf(indicator.MetricVariant) });
            }
        }

        indicator.UnitClass = Resolve(indicator.Unit, vocabulary.UnitClassOf, indicator, "unit", "units", "unknown-unit");
        indicator.QualifierClass = Resolve(indicator.Qualifier, vocabulary.QualifierClassOf, indicator, "qualifier", "qualifiers", "unknown-qualifier");
        CheckSource(indicator.DecisionSource, plan, indicator, "decision_source");
        if (indicator.DecisionSource is not null && indicator.Decision is null)
            diagnostics.Add(map.Of(indicator, "decision_source"), "decision-source-without-decision", new { name = indicator.Name });

        var hasNumbers = indicator.Values.Any(v => v.Value is not null);
        if (hasNumbers && string.IsNullOrEmpty(indicator.Unit))
            diagnostics.Add(map.Of(indicator), "no-unit", new { name = indicator.Name });

        MarkRevisions(indicator, plan);
        var seen = new HashSet<(int, Model.ValueKind, string?)>();
        foreach (var value in indicator.Values)
        {
            var at = map.Of(value);
            if (value.Value is null && value.Status is null && !map.Has(value, "value") && !map.Has(value, "status"))
                diagnostics.Add(at, "no-value", new { name = indicator.Name, fy = value.Fy });
            if (value.Value is not null && value.Status is not null)
                diagnostics.Add(map.Of(value, "status"), "value-and-status", new { name = indicator.Name, fy = value.Fy });
            value.StatusClass = Resolve(value.Status, vocabulary.StatusClassOf, value, "status", "status_words", "unknown-status");
            value.QualifierClass = Resolve(value.Qualifier, vocabulary.QualifierClassOf, value, "qualifier", "qualifiers", "unknown-qualifier");
            if (value.Value is { } number && indicator.UnitClass == UnitClass.Percent && number is < 0 or > 100)
                diagnostics.Add(map.Of(value, "value"), "percent-range", new { number, unit = indicator.Unit, name = indicator.Name });
            var edition = CheckSource(value.Source, plan, value, "source");
            if (value.Evaluation is { } grade && edition is not null)
            {
                if (edition.EvaluationLegend.Count == 0)
                    diagnostics.Add(map.Of(value, "evaluation"), "evaluation-without-legend", new { grade, name = indicator.Name, fy = value.Fy, edition = EditionName(edition) });
                else if (edition.EvaluationLegend.All(g => g.Grade != grade))
                    diagnostics.Add(map.Of(value, "evaluation"), "evaluation-not-in-legend",
                        new { grade, name = indicator.Name, fy = value.Fy, edition = EditionName(edition), grades = string.Join(", ", edition.EvaluationLegend.Select(g => g.Grade)) });
            }
            if (value.Fy > 0)
            {
                CheckValueYear(value, indicator, plan);
                if (!seen.Add((value.Fy, value.Type, value.Source ?? DefaultEdition(plan)?.Id)))
                    diagnostics.Add(at, "duplicate-value", new { name = indicator.Name, type = ModelCatalog.YamlName(value.Type.ToString()), typeLabel = value.Type.Label(), fy = value.Fy });
            }
        }
    }

    /// <summary>A later edition's value for the same year and type revises the earlier one (editions in date order, then list order).</summary>
    private static void MarkRevisions(Indicator indicator, Plan plan)
    {
        int Rank(IndicatorValue v)
        {
            var index = v.Source is null ? -1 : plan.Sources.ToList().FindIndex(s => s.Id == v.Source);
            return index < 0 && DefaultEdition(plan) is { } d ? plan.Sources.ToList().IndexOf(d) : index;
        }
        string Date(IndicatorValue v) => (v.Source is null ? DefaultEdition(plan) : plan.Sources.FirstOrDefault(s => s.Id == v.Source))?.Published ?? "";
        foreach (var group in indicator.Values.GroupBy(v => (v.Fy, v.Type)).Where(g => g.Count() > 1))
        {
            var ordered = group.OrderBy(Date, StringComparer.Ordinal).ThenBy(Rank).ToList();
            for (var i = 0; i < ordered.Count - 1; i++) ordered[i].RevisedBy = ordered[^1];
        }
    }

    /// <summary>The largest distance, in years, between a value and the plan period: anything farther is a typo.</summary>
    public const int HorizonYears = 30;

    private void CheckValueYear(IndicatorValue value, Indicator indicator, Plan plan)
    {
        if (value.Fy <= 0 || !PeriodKnown(plan)) return;
        var at = map.Of(value, "fy");
        var inside = value.Fy >= plan.Period.Start && value.Fy <= plan.Period.End;
        var distance = value.Fy < plan.Period.Start ? plan.Period.Start - value.Fy : value.Fy - plan.Period.End;
        if (distance > HorizonYears)
        {
            diagnostics.Add(at, "year-far-from-period",
                new { fy = value.Fy, wareki = FiscalYear.Wareki(value.Fy), name = indicator.Name, distance, start = plan.Period.Start, end = plan.Period.End, horizon = HorizonYears });
            return;
        }
        if (value.OutsidePeriod && inside)
            diagnostics.Add(map.Of(value, "outside_period"), "outside-period-flag-inside",
                new { name = indicator.Name, fy = value.Fy, wareki = FiscalYear.Wareki(value.Fy), start = plan.Period.Start, end = plan.Period.End });
        if (value.Type == Model.ValueKind.Baseline)
        {
            if (value.Fy > plan.Period.End && !value.OutsidePeriod)
                diagnostics.Add(at, "baseline-after-period", new { name = indicator.Name, fy = value.Fy, start = plan.Period.Start, end = plan.Period.End });
        }
        else if (!inside && !value.OutsidePeriod)
            diagnostics.Add(at, "value-outside-period", new
            {
                name = indicator.Name,
                fy = value.Fy,
                wareki = FiscalYear.Wareki(value.Fy),
                start = plan.Period.Start,
                end = plan.Period.End,
                period = FiscalYear.PeriodLabel(plan.Period.Start, plan.Period.End),
            });
        if (value.Until is { } until && until < value.Fy)
            diagnostics.Add(map.Of(value, "until"), "value-until-before-fy", new { until, fy = value.Fy, name = indicator.Name });
    }

    /// <summary>A period with its own problem (a missing, unreadable or reversed year) bounds nothing: its message is enough.</summary>
    private static bool PeriodKnown(Plan plan) => plan.Period.Start > 0 && plan.Period.End >= plan.Period.Start;

    private void CheckInPeriod(int fy, Plan plan, SourceLocation at, string field)
    {
        // 0: the year itself was missing or unreadable, and said so (found by the fuzz test: it crashed the 和暦 label).
        if (fy <= 0 || !PeriodKnown(plan)) return;
        if (fy < plan.Period.Start || fy > plan.Period.End)
        {
            diagnostics.Add(at, "outside-period", new
            {
                field,
                fy,
                wareki = FiscalYear.Wareki(fy),
                start = plan.Period.Start,
                end = plan.Period.End,
                period = FiscalYear.PeriodLabel(plan.Period.Start, plan.Period.End),
            });
        }
    }

    /// <summary>The shared class of a word from content/vocabulary.yml; a located error when the word is not listed there.</summary>
    private TClass? Resolve<TClass>(string? word, Func<string, TClass?> classOf, object owner, string field, string list, string rule) where TClass : struct, Enum
    {
        if (word is null) return null;
        var found = classOf(word);
        // No class is guessed for the word: a guess (制定 → 検討?) would change what the plan says.
        if (found is null)
            diagnostics.Add(map.Of(owner, field), rule, new { word, list, classes = ClassList<TClass>() });
        return found;
    }

    /// <summary>"percent (割合), count (件数・人数) …": the shared classes a vocabulary word can take.</summary>
    public static string ClassList<TClass>() where TClass : struct, Enum =>
        string.Join(", ", Enum.GetValues<TClass>().Select(c => $"{ModelCatalog.YamlName(c.ToString())} ({c.Label()})"));

    private static SourceDocument? DefaultEdition(Plan plan) => Editions.Default(plan);

    private static string EditionName(SourceDocument edition) => $"'{edition.Id ?? edition.Title}' ({edition.Title}, {edition.Published})";

    /// <summary>The edition a figure cites; a located error when it names one the plan does not list.</summary>
    private SourceDocument? CheckSource(string? id, Plan plan, object owner, string field)
    {
        if (id is null) return DefaultEdition(plan);
        var edition = plan.Sources.FirstOrDefault(s => s.Id == id);
        if (edition is null)
        {
            var known = plan.Sources.Where(s => s.Id is not null).Select(s => s.Id!).ToList();
            var suggestion = YamlBinder.SuggestionFor(id, known);
            if (known.Count == 0) diagnostics.Add(map.Of(owner, field), "unknown-edition", new { field, id, suggestion });
            else diagnostics.Add(map.Of(owner, field), "unknown-edition-of", new { field, id, suggestion, editions = string.Join(", ", known) });
        }
        return edition;
    }

    private void CheckEditions(Plan plan)
    {
        if (plan.Sources.Count > 1)
        {
            foreach (var source in plan.Sources.Where(s => s.Id is null))
                diagnostics.Add(map.Of(source), "edition-without-id", new { count = plan.Sources.Count, title = source.Title });
        }
        var ids = new Dictionary<string, SourceDocument>(StringComparer.Ordinal);
        var documents = new Dictionary<string, SourceDocument>(StringComparer.Ordinal);
        foreach (var source in plan.Sources)
        {
            if (source.Id is { } id && !ids.TryAdd(id, source))
                diagnostics.Add(map.Of(source, "id"), "duplicate-edition-id", new { id, line = map.Of(ids[id], "id").Line });
            foreach (var identity in new[] { source.Url is { Length: > 0 } url ? "url " + url : null, $"「{source.Title}」（{source.Published}）" }.OfType<string>())
            {
                if (documents.TryGetValue(identity, out var earlier))
                {
                    diagnostics.Add(map.Of(source), "same-document",
                        new { earlier = earlier.Id ?? earlier.Title, line = map.Of(earlier).Line, edition = source.Id ?? source.Title, identity });
                    break;
                }
                documents[identity] = source;
            }
        }
    }

    /// <summary>Scaffold placeholders (【目標1の名称】) may stay in a draft, never in a published plan.</summary>
    private void CheckPlaceholders(object record, Plan plan)
    {
        if (plan.Draft) return;
        foreach (var field in ModelCatalog.FieldsOf(record.GetType()))
        {
            var value = field.Property.GetValue(record);
            switch (value)
            {
                case string text when PlanScaffold.Placeholder().Match(text) is { Success: true } found:
                    diagnostics.Add(map.Of(record, field.Name), "placeholder", new { field = field.Name, placeholder = found.Value });
                    break;
                case string:
                    break;
                case System.Collections.IEnumerable items when field.Shape is FieldShape.ObjectList or FieldShape.TextList:
                    foreach (var item in items)
                    {
                        if (item is string s && PlanScaffold.Placeholder().Match(s) is { Success: true } inList)
                            diagnostics.Add(map.Of(record, field.Name), "placeholder", new { field = field.Name, placeholder = inList.Value });
                        else if (item is not string && item is not null) CheckPlaceholders(item, plan);
                    }
                    break;
                case not null when field.Shape == FieldShape.Object:
                    CheckPlaceholders(value, plan);
                    break;
            }
        }
    }

    /// <summary>A draft is not published: content that links to its pages would break.</summary>
    public void CheckLinksToDrafts(IReadOnlyList<Plan> plans, IReadOnlyList<ProseDocument> pages, string contentRoot)
    {
        foreach (var plan in plans.Where(p => p.Draft && p.Municipality.Slug.Length > 0))
        {
            var link = $"]({SiteUrls.Plan(plan)}";
            foreach (var page in pages.Where(p => p.Markdown.Contains(link, StringComparison.Ordinal)))
            {
                var path = ContentLoader.DisplayPath(System.IO.Path.Combine(contentRoot, ContentLoader.PagesFolder, page.Slug + ".md"));
                diagnostics.Add(map.Of(plan, "draft"), "draft-linked", new { path, url = SiteUrls.Plan(plan) });
            }
        }
    }
}
