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
        parts.Add($"{ContentSet.InitiativesOf(plan).Count()}{plan.Labels.Initiative}");
        return string.Join("・", parts);
    }

    /// <summary>The page (and anchor) that shows what an indicator is attached to.</summary>
    public static string AttachedUrl(Plan plan, IndicatorEntry e) => e.AttachedTo switch
    {
        AttachedTo.Initiative => SiteUrls.Initiative(plan.Municipality.Slug, e.AttachedNumber ?? 0),
        AttachedTo.Policy => $"{SiteUrls.Plan(plan)}#policy-{e.AttachedNumber}",
        AttachedTo.Pillar => $"{SiteUrls.Plan(plan)}#pillar-{e.AttachedNumber}",
        _ => SiteUrls.Plan(plan),
    };

    /// <summary>取組4 窓口業務改革, 施策1 …, 目標1 …, or 計画全体.</summary>
    public static string AttachedLabel(Plan plan, IndicatorEntry e) => e.AttachedTo switch
    {
        AttachedTo.Initiative => $"{plan.Labels.Initiative}{e.AttachedNumber} {e.AttachedTitle}",
        AttachedTo.Policy => $"{plan.Labels.Policy}{e.AttachedNumber} {e.AttachedTitle}",
        AttachedTo.Pillar => $"{plan.Labels.Pillar}{e.AttachedNumber} {e.AttachedTitle}",
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
