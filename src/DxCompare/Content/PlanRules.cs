using DxCompare.Model;

namespace DxCompare.Content;

/// <summary>The rules a bound plan must follow beyond its shape: identities, numbering, years, units, references.</summary>
/// <param name="topicIds">Null when topics.yml has a problem of its own: references to it are then not checked.</param>
/// <param name="metrics">Null when metrics.yml has a problem of its own.</param>
public sealed partial class PlanRules(SourceMap map, DiagnosticBag diagnostics, IReadOnlySet<string>? topicIds, IReadOnlyDictionary<string, Metric>? metrics,
    VocabularyList vocabulary)
{
    /// <summary>The same rules reporting into <paramref name="problems"/>: one instance per plan when plans are checked in parallel.</summary>
    public PlanRules With(DiagnosticBag problems) => new(map, problems, topicIds, metrics, vocabulary);

    public bool HasTopic(string id) => topicIds?.Contains(id) ?? true;

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
                diagnostics.Add(map.Of(pillar, "policies"), $"{plan.Labels.Pillar}{pillar.Printed} has policies but 'labels.policy' is empty. Name the level as the plan does (e.g. 'policy: 施策') or move the initiatives up to the pillar.");
            if (pillar.Policies.Count == 0 && pillar.Initiatives.Count == 0 && !plan.Draft && !map.Rejected(pillar, "policies") && !map.Rejected(pillar, "initiatives"))
                diagnostics.Add(map.Of(pillar), $"{plan.Labels.Pillar}{pillar.Printed} has no initiatives. Add 'initiatives:' (or 'policies:' with initiatives) under it.");
            foreach (var indicator in pillar.Indicators) CheckIndicator(indicator, plan);
            foreach (var policy in pillar.Policies)
            {
                if (policy.Initiatives.Count == 0 && !plan.Draft && !map.Rejected(policy, "initiatives"))
                    diagnostics.Add(map.Of(policy), $"{plan.Labels.Policy}{policy.Printed} has no initiatives. Add 'initiatives:' under it.");
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
            diagnostics.Add(map.Of(municipality, "code"),
                $"'code' {municipality.Code} has a wrong check digit: the 6th digit of a 全国地方公共団体コード starting {municipality.Code[..5]} must be {expected} ({municipality.Code[..5]}{expected}). Check the code against the official list.");
        }
        if (municipality.Slug.Length > 0 && municipality.Slug != fileSlug)
            diagnostics.Add(map.Of(municipality, "slug"), $"'slug' is '{municipality.Slug}' but the file is named '{fileSlug}.yml'. Rename the file to '{municipality.Slug}.yml' or change the slug, so each municipality has exactly one file.");
    }

    private void CheckPeriod(Plan plan)
    {
        if (plan.Period.Start > plan.Period.End && plan.Period.End > 0)
            diagnostics.Add(map.Of(plan.Period, "end"), $"the plan period ends ({plan.Period.End}) before it starts ({plan.Period.Start}). 'end' must be the last fiscal year, e.g. 令和10年度 → 2028.");
    }

    private void CheckNumbering(Plan plan)
    {
        var policyLabel = plan.Labels.Policy ?? "policy";
        UniqueNumbers(plan.Pillars, p => p.Number, plan.Labels.Pillar, "the plan");
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
    private void UniqueNumbers<T>(IEnumerable<T> items, Func<T, int> number, string label, string parent) where T : notnull
    {
        var first = new Dictionary<int, T>();
        foreach (var item in items)
        {
            var n = number(item);
            if (first.TryGetValue(n, out var earlier))
            {
                var line = map.Of(earlier, "number").Line;
                _reported.Add(item);
                diagnostics.Add(map.Of(item, "number"), $"duplicate {label} number {n} in {parent} (already used at line {line}). Number each {label} as the plan does; numbers must be unique within their {(parent == "the plan" ? "plan" : "parent")}.");
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
                diagnostics.Add(at, id is null
                    ? $"{where} has the same id '{key}' as {earlier.Where} (line {line}): its number is reused under another parent. Give each {label} an 'id' unique within the plan for its URL, e.g. 'id: {suggestion}'."
                    : $"duplicate {label} id '{key}' (already used by {earlier.Where} at line {line}). Each id must be unique within the plan.");
            }
            else first[key] = (item, where);
        }
    }

    private void CheckInitiative(Initiative initiative, Plan plan)
    {
        foreach (var (topic, index) in initiative.Topics.Select((t, i) => (t, i)))
        {
            if (!HasTopic(topic))
                diagnostics.Add(map.Of(initiative, "topics"), $"unknown topic id '{topic}' in {plan.Labels.Initiative}{initiative.Printed}.{YamlBinder.SuggestionFor(topic, topicIds!)} Use an id from content/topics.yml or add the topic there.");
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
                    diagnostics.Add(map.Of(activity, "until"), $"'until' ({until}) is before 'fy' ({activity.Fy}). 'until' is the last fiscal year the cell covers.");
            }
        }
    }

    private void CheckIndicator(Indicator indicator, Plan plan)
    {
        if (indicator.Metric is null && indicator.MetricVariant is not null)
            diagnostics.Add(map.Of(indicator, "metric_variant"), $"'metric_variant' is set on indicator '{indicator.Name}' but 'metric' is not. Add 'metric:' with the shared metric's id, or remove 'metric_variant'.");
        // Not checked against a metrics.yml with a problem of its own: that message names the cause.
        if (indicator.Metric is { } metricId && metrics is not null)
        {
            if (!metrics.TryGetValue(metricId, out var metric))
                diagnostics.Add(map.Of(indicator, "metric"), $"unknown metric id '{metricId}' on indicator '{indicator.Name}'.{YamlBinder.SuggestionFor(metricId, metrics.Keys)} Use an id from content/metrics.yml, add the metric there, or remove 'metric'.");
            else if (indicator.MetricVariant is { } variant && metric.VariantOf(variant) is null)
                diagnostics.Add(map.Of(indicator, "metric_variant"), $"metric '{metricId}' has no variant '{variant}'. " + (metric.Variants.Count == 0
                    ? $"Add it under 'variants' of '{metricId}' in content/metrics.yml (id, label, unit), or remove 'metric_variant'."
                    : $"Use one of {string.Join(", ", metric.Variants.Select(v => v.Id))}, or add it under 'variants' of '{metricId}' in content/metrics.yml."));
            else if (indicator.Unit is { } unit && unit != metric.UnitOf(indicator.MetricVariant))
                diagnostics.Add(map.Of(indicator, "unit"), indicator.MetricVariant is null
                    ? $"indicator '{indicator.Name}' is in '{unit}' but metric '{metricId}' is measured in '{metric.Unit}'. Comparable indicators must share a unit: name the variant it reports ('metric_variant:'; add one in content/metrics.yml if none is in '{unit}'), convert the values, or remove 'metric'."
                    : $"indicator '{indicator.Name}' is in '{unit}' but variant '{indicator.MetricVariant}' of metric '{metricId}' is measured in '{metric.UnitOf(indicator.MetricVariant)}'. Choose the variant in '{unit}' or convert the values.");
        }

        indicator.UnitClass = Resolve(indicator.Unit, vocabulary.UnitClassOf, indicator, "unit", "units");
        indicator.QualifierClass = Resolve(indicator.Qualifier, vocabulary.QualifierClassOf, indicator, "qualifier", "qualifiers");
        CheckSource(indicator.DecisionSource, plan, indicator, "decision_source");
        if (indicator.DecisionSource is not null && indicator.Decision is null)
            diagnostics.Add(map.Of(indicator, "decision_source"), $"'decision_source' is set on '{indicator.Name}' but 'decision' is not. Write the decision as published (e.g. 'decision: 第2期計画で継続'), or remove 'decision_source'.");

        var hasNumbers = indicator.Values.Any(v => v.Value is not null);
        if (hasNumbers && string.IsNullOrEmpty(indicator.Unit))
            diagnostics.Add(map.Of(indicator), $"indicator '{indicator.Name}' has numeric values but no 'unit'. Add e.g. 'unit: \"%\"', 'unit: 人' or 'unit: 回/月'.");

        MarkRevisions(indicator, plan);
        var seen = new HashSet<(int, Model.ValueKind, string?)>();
        foreach (var value in indicator.Values)
        {
            var at = map.Of(value);
            if (value.Value is null && value.Status is null && !map.Has(value, "value") && !map.Has(value, "status"))
                diagnostics.Add(at, $"a value of '{indicator.Name}' for {value.Fy} has neither 'value' nor 'status'. Give the number as 'value: 40' or a word such as 'status: 推進' (or 'status: —' when the plan shows none).");
            if (value.Value is not null && value.Status is not null)
                diagnostics.Add(map.Of(value, "status"), $"a value of '{indicator.Name}' for {value.Fy} has both 'value' and 'status'. Keep one: the number, or the word the plan prints instead of a number.");
            value.StatusClass = Resolve(value.Status, vocabulary.StatusClassOf, value, "status", "status_words");
            value.QualifierClass = Resolve(value.Qualifier, vocabulary.QualifierClassOf, value, "qualifier", "qualifiers");
            if (value.Value is { } number && indicator.UnitClass == UnitClass.Percent && number is < 0 or > 100)
                diagnostics.Add(map.Of(value, "value"), $"{number}{indicator.Unit} is outside 0–100 for '{indicator.Name}'. A percentage must be between 0 and 100; check the value or the unit.");
            var edition = CheckSource(value.Source, plan, value, "source");
            if (value.Evaluation is { } grade && edition is not null)
            {
                if (edition.EvaluationLegend.Count == 0)
                    diagnostics.Add(map.Of(value, "evaluation"), $"evaluation '{grade}' of '{indicator.Name}' for {value.Fy} cites {EditionName(edition)}, which has no 'evaluation_legend'. Add the legend as published to that edition (e.g. '- {{grade: A, meaning: 目標を達成}}'), or set 'source' to the edition that graded it.");
                else if (edition.EvaluationLegend.All(g => g.Grade != grade))
                    diagnostics.Add(map.Of(value, "evaluation"), $"evaluation '{grade}' of '{indicator.Name}' for {value.Fy} is not in the legend of {EditionName(edition)} ({string.Join(", ", edition.EvaluationLegend.Select(g => g.Grade))}). Use a grade from that legend, or add '{grade}' to its 'evaluation_legend' with its meaning.");
            }
            if (value.Fy > 0)
            {
                CheckValueYear(value, indicator, plan);
                if (!seen.Add((value.Fy, value.Type, value.Source ?? DefaultEdition(plan)?.Id)))
                    diagnostics.Add(at, $"'{indicator.Name}' has two {ModelCatalog.YamlName(value.Type.ToString())} values for {value.Fy} from the same edition. Keep one per fiscal year, type and edition; a revised figure from a later report needs 'source:' naming that report.");
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
            diagnostics.Add(at, $"'fy' {value.Fy} ({FiscalYear.Wareki(value.Fy)}) of '{indicator.Name}' is {distance} years from the plan period {plan.Period.Start}–{plan.Period.End}; a plan's values lie within {HorizonYears} years of it. Check the year (和暦 → 西暦: 令和N年度 = 2018 + N).");
            return;
        }
        if (value.OutsidePeriod && inside)
            diagnostics.Add(map.Of(value, "outside_period"), $"'outside_period' is set on '{indicator.Name}' for {value.Fy}, but {value.Fy} ({FiscalYear.Wareki(value.Fy)}) is inside the plan period {plan.Period.Start}–{plan.Period.End}. Remove 'outside_period', or correct the year.");
        if (value.Type == Model.ValueKind.Baseline)
        {
            if (value.Fy > plan.Period.End && !value.OutsidePeriod)
                diagnostics.Add(at, $"the baseline of '{indicator.Name}' is for {value.Fy}, after the plan period ({plan.Period.Start}–{plan.Period.End}). A baseline is the situation before or at the start of the plan.");
        }
        else if (!inside && !value.OutsidePeriod)
            diagnostics.Add(at, $"'fy' {value.Fy} ({FiscalYear.Wareki(value.Fy)}) is outside the plan period {plan.Period.Start}–{plan.Period.End} ({FiscalYear.PeriodLabel(plan.Period.Start, plan.Period.End)}). Use a fiscal year inside the period, or widen 'period'; if the plan itself gives this value outside its period (a long-term target, a pre-plan actual), add 'outside_period: true'.");
        if (value.Until is { } until && until < value.Fy)
            diagnostics.Add(map.Of(value, "until"), $"'until' ({until}) is before 'fy' ({value.Fy}) on '{indicator.Name}'. 'until' is the last fiscal year the value covers.");
    }

    /// <summary>A period with its own problem (a missing, unreadable or reversed year) bounds nothing: its message is enough.</summary>
    private static bool PeriodKnown(Plan plan) => plan.Period.Start > 0 && plan.Period.End >= plan.Period.Start;

    private void CheckInPeriod(int fy, Plan plan, SourceLocation at, string field)
    {
        // 0: the year itself was missing or unreadable, and said so (found by the fuzz test: it crashed the 和暦 label).
        if (fy <= 0 || !PeriodKnown(plan)) return;
        if (fy < plan.Period.Start || fy > plan.Period.End)
        {
            diagnostics.Add(at, $"'{field}' {fy} ({FiscalYear.Wareki(fy)}) is outside the plan period {plan.Period.Start}–{plan.Period.End} ({FiscalYear.PeriodLabel(plan.Period.Start, plan.Period.End)}). Use a fiscal year inside the period, or widen 'period'.");
        }
    }

    /// <summary>The shared class of a word from content/vocabulary.yml; a located error when the word is not listed there.</summary>
    private TClass? Resolve<TClass>(string? word, Func<string, TClass?> classOf, object owner, string field, string list) where TClass : struct, Enum
    {
        if (word is null) return null;
        var found = classOf(word);
        if (found is null) diagnostics.Add(map.Of(owner, field), Unknown<TClass>(field == "status" ? "status word" : field, word, list));
        return found;
    }

    /// <summary>No class is guessed for the word: a guess (制定 → 検討?) would change what the plan says.</summary>
    private static string Unknown<TClass>(string what, string word, string list) where TClass : struct, Enum =>
        $"unknown {what} '{word}'. Add it to content/vocabulary.yml under '{list}' as '- {{word: {word}, class: …}}' with the shared class it compares as, one of " +
        $"{string.Join(", ", Enum.GetValues<TClass>().Select(c => $"{ModelCatalog.YamlName(c.ToString())} ({c.Label()})"))}. Keep the word as the plan prints it.";

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
            diagnostics.Add(map.Of(owner, field), $"'{field}' names edition '{id}', but the plan lists no such edition in 'sources'.{YamlBinder.SuggestionFor(id, known)} " +
                (known.Count == 0 ? "Give each document under 'sources' an 'id' (e.g. 'id: progress-2026') and cite it here." : $"Use one of {string.Join(", ", known)}, or add the document under 'sources' with that 'id'."));
        }
        return edition;
    }

    private void CheckEditions(Plan plan)
    {
        if (plan.Sources.Count > 1)
        {
            foreach (var source in plan.Sources.Where(s => s.Id is null))
                diagnostics.Add(map.Of(source), $"the plan lists {plan.Sources.Count} editions in 'sources', so each needs an 'id' that figures cite (e.g. 'id: progress-2026' for 「{source.Title}」).");
        }
        var ids = new Dictionary<string, SourceDocument>(StringComparer.Ordinal);
        var documents = new Dictionary<string, SourceDocument>(StringComparer.Ordinal);
        foreach (var source in plan.Sources)
        {
            if (source.Id is { } id && !ids.TryAdd(id, source))
                diagnostics.Add(map.Of(source, "id"), $"duplicate edition id '{id}' (already used at line {map.Of(ids[id], "id").Line}). Each document under 'sources' needs its own id.");
            foreach (var identity in new[] { source.Url is { Length: > 0 } url ? "url " + url : null, $"「{source.Title}」（{source.Published}）" }.OfType<string>())
            {
                if (documents.TryGetValue(identity, out var earlier))
                {
                    diagnostics.Add(map.Of(source), $"editions '{earlier.Id ?? earlier.Title}' (line {map.Of(earlier).Line}) and '{source.Id ?? source.Title}' claim the same document ({identity}). List each document once; a later report or revision is a new edition with its own title or date.");
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
                    diagnostics.Add(map.Of(record, field.Name), $"'{field.Name}' still holds the placeholder '{found.Value}'. Replace it with the plan's own words, or mark the plan 'draft: true' while it is being entered (drafts are not published).");
                    break;
                case string:
                    break;
                case System.Collections.IEnumerable items when field.Shape is FieldShape.ObjectList or FieldShape.TextList:
                    foreach (var item in items)
                    {
                        if (item is string s && PlanScaffold.Placeholder().Match(s) is { Success: true } inList)
                            diagnostics.Add(map.Of(record, field.Name), $"'{field.Name}' still holds the placeholder '{inList.Value}'. Replace it with the plan's own words, or mark the plan 'draft: true' while it is being entered (drafts are not published).");
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
                diagnostics.Add(map.Of(plan, "draft"), $"the plan is marked 'draft: true', but {path} links to {SiteUrls.Plan(plan)}; drafts are not published, so that link would break. Remove the link, or remove 'draft' once the plan is complete.");
            }
        }
    }
}
