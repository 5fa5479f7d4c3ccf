using DxCompare.Model;

namespace DxCompare.Pages.ViewModels;

/// <summary>Short facts about a plan and where its parts live, in the plan's own level names.</summary>
public static class PlanFacts
{
    /// <summary>3目標・19施策・38取組; 3視点・22取組 for a plan without policies.</summary>
    public static string Structure(Plan plan)
    {
        var parts = new List<string> { $"{plan.Pillars.Count}{plan.Labels.Pillar}" };
        var policies = plan.Pillars.Sum(p => p.Policies.Count);
        if (policies > 0) parts.Add($"{policies}{plan.Labels.Policy}");
        parts.Add($"{ContentSet.InitiativesOf(plan).Count}{plan.Labels.Initiative}");
        return string.Join("・", parts);
    }

    /// <summary>令和7〜11年度（2025〜2029年度）, or 令和6年1月〜令和7年度（2023〜2025年度） for a plan that starts mid-year.</summary>
    public static string Period(Plan plan) => plan.Period.StartMonth is { } month and not 4
        ? $"{PublishedDate.Wareki($"{(month < 4 ? plan.Period.Start + 1 : plan.Period.Start)}-{month:00}")}〜{FiscalYear.Wareki(plan.Period.End)}（{plan.Period.Start}〜{plan.Period.End}年度）"
        : FiscalYear.PeriodLabel(plan.Period.Start, plan.Period.End);

    /// <summary>The page (and anchor) that shows what an indicator is attached to: by id, as numbers may restart under each parent.</summary>
    public static string AttachedUrl(Plan plan, IndicatorEntry e) => e.Owner switch
    {
        Initiative i => SiteUrls.Initiative(plan.Municipality.Slug, i.Key),
        Policy p => $"{SiteUrls.Plan(plan)}#{SiteUrls.PolicyAnchor(p)}",
        Pillar p => $"{SiteUrls.Plan(plan)}#{SiteUrls.PillarAnchor(p)}",
        _ => SiteUrls.Plan(plan),
    };

    /// <summary>取組4 窓口業務改革, 施策1 …, 目標1 …, or 計画全体, with the number as the plan prints it (アクションNo 1.1.1).</summary>
    public static string AttachedLabel(Plan plan, IndicatorEntry e) => e.AttachedTo switch
    {
        AttachedTo.Initiative => $"{plan.Labels.Initiative}{e.AttachedLabel} {e.AttachedTitle}",
        AttachedTo.Policy => $"{plan.Labels.Policy}{e.AttachedLabel} {e.AttachedTitle}",
        AttachedTo.Pillar => $"{plan.Labels.Pillar}{e.AttachedLabel} {e.AttachedTitle}",
        _ => "計画全体",
    };

    /// <summary>Why another municipality's initiative is listed as related to this one.</summary>
    public static string RelatedReason(Search.Related related) => (related.SimilarText, related.SharedTopics.Count) switch
    {
        (true, > 0) => $"内容が近い取組・共通のトピック: {string.Join("、", related.SharedTopics.Select(t => t.Label))}",
        (true, _) => "内容が近い取組",
        _ => $"共通のトピック: {string.Join("、", related.SharedTopics.Select(t => t.Label))}",
    };
}
