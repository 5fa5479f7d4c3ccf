using DxCompare.Model;

namespace DxCompare.Pages.ViewModels;

/// <summary>Where a figure or page comes from: 江東区「DX推進計画の進捗状況」（令和8年4月）12ページ, linked when the document's URL is known.</summary>
public sealed record SourceCitation(string Text, string? Url)
{
    /// <summary>The plan's main document (its edition of kind plan, else its first source), with the page the figure is printed on.</summary>
    public static SourceCitation Of(Plan plan, int? page = null) => Of(plan, Editions.Default(plan), page);

    /// <summary>One edition of the plan, with a page.</summary>
    public static SourceCitation Of(Plan plan, SourceDocument? source, int? page = null)
    {
        var publisher = source?.Publisher ?? plan.Municipality.Name;
        var title = source?.Title ?? plan.Title;
        var date = PublishedDate.Wareki(source?.Published ?? plan.Published);
        return new($"{publisher}「{title}」（{date}）" + (page is { } p ? $" {p}ページ" : ""), source?.Url);
    }

    /// <summary>
    /// Each edition an indicator's figures come from, with what it gives: 「目標値（令和7〜11年度）」 from the plan of 2025-03,
    /// 「基準値・現況（令和6年度）、実績値（令和7年度）」 from the progress report of 2026-04.
    /// </summary>
    public static IReadOnlyList<(string What, SourceCitation Source)> ForIndicator(Plan plan, Indicator indicator)
    {
        var groups = indicator.Values.GroupBy(v => Editions.Of(plan, v.Source)).ToList();
        return [.. groups.Select(g =>
        {
            var what = string.Join("、", g.GroupBy(v => v.Type).OrderBy(t => t.Key).Select(t =>
                $"{t.Key.Label()}（{ViewModels.KpiLine.Years(t.Min(v => v.Fy), t.Max(v => v.Fy))}）"));
            var pages = g.Select(v => v.Page).Distinct().ToList();
            var page = pages is [{ } only] ? only : g.Key == Editions.Default(plan) ? indicator.Page : null;
            return (what, Of(plan, g.Key, page));
        })];
    }

    /// <summary>The editions an initiative page draws on, in the plan's order: its figures' and its yearly items'.</summary>
    public static IReadOnlyList<SourceCitation> ForInitiative(Plan plan, Initiative initiative, IEnumerable<Indicator> indicators)
    {
        // By reference: every edition is one of the plan's own records, and hashing a record hashes all its text.
        var cited = new HashSet<SourceDocument?>(ReferenceEqualityComparer.Instance) { Editions.Default(plan) };
        foreach (var activity in initiative.Activities) cited.Add(Editions.Of(plan, activity.Source));
        foreach (var value in indicators.SelectMany(i => i.Values)) cited.Add(Editions.Of(plan, value.Source));
        var ordered = plan.Sources.Where(cited.Contains).ToList();
        return ordered.Count == 0 ? [Of(plan, initiative.Page)] : [.. ordered.Select(s => Of(plan, s, s == Editions.Default(plan) ? initiative.Page : null))];
    }
}
