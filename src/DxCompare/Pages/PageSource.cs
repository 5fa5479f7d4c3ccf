namespace DxCompare.Pages;

public enum PageSourceKind { Plan, EveryPlan, ProsePage, Downloads, RelatedList, Menu, SharedMetric }

/// <summary>
/// Something a page is made from. Each route declares its sources (<see cref="PageRoute.Sources"/>), and watch
/// mode re-renders exactly the pages one of whose sources changed (<see cref="Build.RebuildPlanner"/>). Sources are
/// whole units of content, never single fields: a page that starts to show one more field of a plan is still
/// re-rendered when that plan changes.
/// </summary>
public readonly record struct PageSource(PageSourceKind Kind, string Key = "")
{
    /// <summary>One municipality's plan file, by slug.</summary>
    public static PageSource Plan(string slug) => new(PageSourceKind.Plan, slug);

    /// <summary>Pages drawn from all plans together (home, topics, indicators, compare): any plan edit changes them.</summary>
    public static readonly PageSource EveryPlan = new(PageSourceKind.EveryPlan);

    public static PageSource ProsePage(string slug) => new(PageSourceKind.ProsePage, slug);

    /// <summary>The open-data files (their names and sizes).</summary>
    public static readonly PageSource Downloads = new(PageSourceKind.Downloads);

    /// <summary>Which initiatives are listed as related to the initiative at this URL, and why.</summary>
    public static PageSource RelatedList(string initiativeUrl) => new(PageSourceKind.RelatedList, initiativeUrl);

    /// <summary>The plans the menu of every page lists (<see cref="SiteContext.MenuPlans"/>): their names and URLs.</summary>
    public static readonly PageSource Menu = new(PageSourceKind.Menu);

    /// <summary>Whether more than one municipality reports this metric: an indicator card links to its comparison only then.</summary>
    public static PageSource SharedMetric(string metricId) => new(PageSourceKind.SharedMetric, metricId);

    public override string ToString() => Key.Length == 0 ? Kind.ToString() : $"{Kind}:{Key}";
}
