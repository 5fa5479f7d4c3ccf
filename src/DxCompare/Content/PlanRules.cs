using DxCompare.Model;

namespace DxCompare.Content;

/// <summary>The rules a bound plan must follow beyond its shape: identities, numbering, years, units, references.</summary>
/// <param name="topicIds">Null when topics.yml has a problem of its own: references to it are then not checked.</param>
/// <param name="metrics">Null when metrics.yml has a problem of its own.</param>
public sealed class PlanRules(SourceMap map, DiagnosticBag diagnostics, IReadOnlySet<string>? topicIds, IReadOnlyDictionary<string, Metric>? metrics)
{
    public bool HasTopic(string id) => topicIds?.Contains(id) ?? true;

    public void Check(Plan plan, string fileSlug)
    {
        CheckMunicipality(plan.Municipality, fileSlug);
        CheckPeriod(plan);
        CheckNumbering(plan);
        foreach (var indicator in plan.Indicators) CheckIndicator(indicator, plan);
        foreach (var pillar in plan.Pillars)
        {
            if (pillar.Policies.Count > 0 && string.IsNullOrEmpty(plan.Labels.Policy))
                diagnostics.Add(map.Of(pillar, "policies"), $"{plan.Labels.Pillar}{pillar.Number} has policies but 'labels.policy' is empty. Name the level as the plan does (e.g. 'policy: 施策') or move the initiatives up to the pillar.");
            if (pillar.Policies.Count == 0 && pillar.Initiatives.Count == 0 && !map.Rejected(pillar, "policies") && !map.Rejected(pillar, "initiatives"))
                diagnostics.Add(map.Of(pillar), $"{plan.Labels.Pillar}{pillar.Number} has no initiatives. Add 'initiatives:' (or 'policies:' with initiatives) under it.");
            foreach (var indicator in pillar.Indicators) CheckIndicator(indicator, plan);
            foreach (var policy in pillar.Policies)
            {
                if (policy.Initiatives.Count == 0 && !map.Rejected(policy, "initiatives"))
                    diagnostics.Add(map.Of(policy), $"{plan.Labels.Policy}{policy.Number} has no initiatives. Add 'initiatives:' under it.");
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
        Unique(plan.Pillars, p => p.Number, plan.Labels.Pillar);
        Unique(plan.Pillars.SelectMany(p => p.Policies), p => p.Number, plan.Labels.Policy ?? "policy");
        Unique(ContentSet.InitiativesOf(plan).Select(e => e.Initiative), i => i.Number, plan.Labels.Initiative);
    }

    private void Unique<T>(IEnumerable<T> items, Func<T, int> number, string label) where T : notnull
    {
        var first = new Dictionary<int, T>();
        foreach (var item in items)
        {
            var n = number(item);
            if (first.TryGetValue(n, out var earlier))
            {
                var line = map.Of(earlier, "number").Line;
                diagnostics.Add(map.Of(item, "number"), $"duplicate {label} number {n} (already used at line {line}). Number each {label} as the plan does; numbers must be unique within the plan.");
            }
            else first[n] = item;
        }
    }

    private void CheckInitiative(Initiative initiative, Plan plan)
    {
        foreach (var (topic, index) in initiative.Topics.Select((t, i) => (t, i)))
        {
            if (!HasTopic(topic))
                diagnostics.Add(map.Of(initiative, "topics"), $"unknown topic id '{topic}' in {plan.Labels.Initiative}{initiative.Number}.{YamlBinder.SuggestionFor(topic, topicIds!)} Use an id from content/topics.yml or add the topic there.");
        }
        if (initiative.TargetStateFy is { } fy) CheckInPeriod(fy, plan, map.Of(initiative, "target_state_fy"), "target_state_fy");
        foreach (var indicator in initiative.Indicators) CheckIndicator(indicator, plan);
        foreach (var activity in initiative.Activities)
        {
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
        if (indicator.Metric is { } metricId && metrics is not null)
        {
            if (!metrics.TryGetValue(metricId, out var metric))
                diagnostics.Add(map.Of(indicator, "metric"), $"unknown metric id '{metricId}' on indicator '{indicator.Name}'.{YamlBinder.SuggestionFor(metricId, metrics.Keys)} Use an id from content/metrics.yml, add the metric there, or remove 'metric'.");
            else if (indicator.Unit is { } unit && unit != metric.Unit)
                diagnostics.Add(map.Of(indicator, "unit"), $"indicator '{indicator.Name}' is in '{unit}' but metric '{metricId}' is measured in '{metric.Unit}'. Comparable indicators must share a unit: convert the values or remove 'metric'.");
        }

        var hasNumbers = indicator.Values.Any(v => v.Value is not null);
        if (hasNumbers && string.IsNullOrEmpty(indicator.Unit))
            diagnostics.Add(map.Of(indicator), $"indicator '{indicator.Name}' has numeric values but no 'unit'. Add e.g. 'unit: \"%\"', 'unit: 人' or 'unit: 回/月'.");

        var seen = new HashSet<(int, Model.ValueKind)>();
        foreach (var value in indicator.Values)
        {
            var at = map.Of(value);
            if (value.Value is null && value.Status is null && !map.Has(value, "value") && !map.Has(value, "status"))
                diagnostics.Add(at, $"a value of '{indicator.Name}' for {value.Fy} has neither 'value' nor 'status'. Give the number as 'value: 40' or a word such as 'status: 推進' (or 'status: —' when the plan shows none).");
            if (value.Value is not null && value.Status is not null)
                diagnostics.Add(map.Of(value, "status"), $"a value of '{indicator.Name}' for {value.Fy} has both 'value' and 'status'. Keep one: the number, or the word the plan prints instead of a number.");
            if (value.Value is { } number && indicator.Unit == Vocabulary.Percent && number is < 0 or > 100)
                diagnostics.Add(map.Of(value, "value"), $"{number}% is outside 0–100 for '{indicator.Name}'. A percentage must be between 0 and 100; check the value or the unit.");
            if (value.Fy > 0)
            {
                if (value.Type == Model.ValueKind.Baseline)
                {
                    if (PeriodKnown(plan) && value.Fy > plan.Period.End)
                        diagnostics.Add(map.Of(value, "fy"), $"the baseline of '{indicator.Name}' is for {value.Fy}, after the plan period ({plan.Period.Start}–{plan.Period.End}). A baseline is the situation before or at the start of the plan.");
                }
                else CheckInPeriod(value.Fy, plan, map.Of(value, "fy"), "fy");
                if (!seen.Add((value.Fy, value.Type)))
                    diagnostics.Add(at, $"'{indicator.Name}' has two {ModelCatalog.YamlName(value.Type.ToString())} values for {value.Fy}. Keep one per fiscal year and type.");
            }
        }
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
}
