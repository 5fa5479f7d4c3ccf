using DxCompare.Model;

namespace DxCompare.Content;

/// <summary>The rules a bound plan must follow beyond its shape: identities, numbering, years, units, references.</summary>
public sealed class PlanRules(SourceMap map, DiagnosticBag diagnostics, IReadOnlySet<string> topicIds, IReadOnlyDictionary<string, Metric> metrics)
{
    public bool HasTopic(string id) => topicIds.Contains(id);

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
            if (pillar.Policies.Count == 0 && pillar.Initiatives.Count == 0)
                diagnostics.Add(map.Of(pillar), $"{plan.Labels.Pillar}{pillar.Number} has no initiatives. Add 'initiatives:' (or 'policies:' with initiatives) under it.");
            foreach (var indicator in pillar.Indicators) CheckIndicator(indicator, plan);
            foreach (var policy in pillar.Policies)
            {
                if (policy.Initiatives.Count == 0)
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
            diagnostics.Add(map.Of(municipality, "code"), "check-digit", new Dictionary<string, object?>
            {
                ["code"] = municipality.Code,
                ["prefix"] = municipality.Code[..5],
                ["digit"] = expected,
                ["expected"] = $"{municipality.Code[..5]}{expected}",
            });
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
                diagnostics.Add(map.Of(item, "number"), "duplicate-number", new Dictionary<string, object?> { ["label"] = label, ["number"] = n, ["line"] = line });
            }
            else first[n] = item;
        }
    }

    private void CheckInitiative(Initiative initiative, Plan plan)
    {
        foreach (var (topic, index) in initiative.Topics.Select((t, i) => (t, i)))
        {
            if (!topicIds.Contains(topic))
                diagnostics.Add(map.Of(initiative, "topics"), "unknown-topic", new Dictionary<string, object?>
                {
                    ["topic"] = topic,
                    ["initiative"] = $"{plan.Labels.Initiative}{initiative.Number}",
                    ["suggestion"] = YamlBinder.SuggestionFor(topic, topicIds),
                });
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
                    diagnostics.Add(map.Of(activity, "until"), "until-before-fy", new Dictionary<string, object?> { ["until"] = until, ["fy"] = activity.Fy });
            }
        }
    }

    private void CheckIndicator(Indicator indicator, Plan plan)
    {
        if (indicator.Metric is { } metricId)
        {
            if (!metrics.TryGetValue(metricId, out var metric))
                diagnostics.Add(map.Of(indicator, "metric"), "unknown-metric", new Dictionary<string, object?>
                {
                    ["metric"] = metricId,
                    ["name"] = indicator.Name,
                    ["suggestion"] = YamlBinder.SuggestionFor(metricId, metrics.Keys),
                });
            else if (indicator.Unit is { } unit && unit != metric.Unit)
                diagnostics.Add(map.Of(indicator, "unit"), "metric-unit", new Dictionary<string, object?>
                {
                    ["name"] = indicator.Name,
                    ["unit"] = unit,
                    ["metric"] = metricId,
                    ["metricUnit"] = metric.Unit,
                });
        }

        var hasNumbers = indicator.Values.Any(v => v.Value is not null);
        if (hasNumbers && string.IsNullOrEmpty(indicator.Unit))
            diagnostics.Add(map.Of(indicator), "no-unit", new Dictionary<string, object?> { ["name"] = indicator.Name });

        var seen = new HashSet<(int, Model.ValueKind)>();
        foreach (var value in indicator.Values)
        {
            var at = map.Of(value);
            if (value.Value is null && value.Status is null && !map.Has(value, "value") && !map.Has(value, "status"))
                diagnostics.Add(at, "no-value", new Dictionary<string, object?> { ["name"] = indicator.Name, ["fy"] = value.Fy });
            if (value.Value is not null && value.Status is not null)
                diagnostics.Add(map.Of(value, "status"), "value-and-status", new Dictionary<string, object?> { ["name"] = indicator.Name, ["fy"] = value.Fy });
            if (value.Value is { } number && indicator.Unit == Vocabulary.Percent && number is < 0 or > 100)
                diagnostics.Add(map.Of(value, "value"), "percent-range", new Dictionary<string, object?> { ["number"] = number, ["name"] = indicator.Name });
            if (value.Fy > 0)
            {
                if (value.Type == Model.ValueKind.Baseline)
                {
                    if (value.Fy > plan.Period.End)
                        diagnostics.Add(map.Of(value, "fy"), "baseline-after-period", new Dictionary<string, object?>
                        {
                            ["name"] = indicator.Name,
                            ["fy"] = value.Fy,
                            ["start"] = plan.Period.Start,
                            ["end"] = plan.Period.End,
                        });
                }
                else CheckInPeriod(value.Fy, plan, map.Of(value, "fy"), "fy");
                if (!seen.Add((value.Fy, value.Type)))
                    diagnostics.Add(at, "duplicate-value", new Dictionary<string, object?>
                    {
                        ["name"] = indicator.Name,
                        ["type"] = ModelCatalog.YamlName(value.Type.ToString()),
                        ["typeLabel"] = value.Type.Label(),
                        ["fy"] = value.Fy,
                    });
            }
        }
    }

    private void CheckInPeriod(int fy, Plan plan, SourceLocation at, string field)
    {
        if (plan.Period.Start == 0 || plan.Period.End == 0) return;
        if (fy < plan.Period.Start || fy > plan.Period.End)
        {
            diagnostics.Add(at, "outside-period", new Dictionary<string, object?>
            {
                ["field"] = field,
                ["fy"] = fy,
                ["wareki"] = FiscalYear.Wareki(fy),
                ["start"] = plan.Period.Start,
                ["end"] = plan.Period.End,
                ["period"] = FiscalYear.PeriodLabel(plan.Period.Start, plan.Period.End),
            });
        }
    }
}
