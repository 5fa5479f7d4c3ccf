using DxCompare.Model;

namespace DxCompare.Pages.ViewModels;

/// <summary>The figure a compare cell leads with: the municipality's final target on a metric of the topic.</summary>
public sealed record KeyFigure(Metric Metric, string Text);

/// <summary>One municipality's initiatives for one topic; empty is a gap.</summary>
public sealed record CompareCell(Plan Plan, int Column, IReadOnlyList<InitiativeItem> Initiatives, IReadOnlyList<KeyFigure> Figures)
{
    public bool IsGap => Initiatives.Count == 0;
}

public sealed record CompareRow(Topic Topic, IReadOnlyList<CompareCell> Cells)
{
    /// <summary>How many municipalities have at least one initiative on the topic.</summary>
    public int Covered => Cells.Count(c => !c.IsGap);
}

/// <summary>/compare/: topics × municipalities, each cell with the initiatives' titles and the key figure.</summary>
public sealed record CompareView(IReadOnlyList<Plan> Plans, IReadOnlyList<CompareRow> Rows)
{
    public static CompareView Of(SiteContext site)
    {
        var plans = site.Content.Plans;
        var series = site.Content.Metrics.ToDictionary(m => m.Id, m => MetricSeries.For(site.Content, m.Id), StringComparer.Ordinal);
        var rows = site.Content.Topics.Select(topic => new CompareRow(topic, [.. plans.Select((plan, i) =>
            new CompareCell(plan, i + 1, InitiativeItem.OfTopic(plan, topic.Id),
                [.. site.Content.Metrics.Where(m => m.Topics.Contains(topic.Id))
                    .SelectMany(m => series[m.Id].Where(s => s.Plan == plan && s.FinalTarget is not null)
                        .Select(s => new KeyFigure(m, $"{m.Label} 最終目標 {Indicators.Format(s.FinalTarget!, s.Merged)}（{FiscalYear.Wareki(s.FinalTarget!.Fy)}）")))]))]));
        return new(plans, [.. rows]);
    }
}
