namespace DxCompare.Model;

/// <summary>
/// The URL contract (DESIGN.md): every path the site publishes is built here, so pages, routes, search
/// documents, exports and the Hugo benchmark cannot disagree. Paths are site-relative and end in '/'
/// for pages.
/// </summary>
public static class SiteUrls
{
    public const string Home = "/";
    public const string Topics = "/topics/";
    public const string Indicators = "/indicators/";
    public const string Compare = "/compare/";
    public const string Search = "/search/";
    public const string Data = "/data/";
    public const string Admin = "/admin/";
    public const string NotFound = "/404.html";
    public const string Sitemap = "/sitemap.xml";

    /// <summary>The folder of the downloads in the output, and the prefix of their URLs.</summary>
    public const string DataFolder = "data";

    /// <summary>
    /// Top-level names the generator writes itself: its own pages (/topics/, /compare/ …) and site files (/assets/,
    /// /admin/, sitemap.xml …). A plan slug or page name equal to one of them would overwrite it, so the validator
    /// refuses them; a test checks this list against a built site.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Reserved = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["index.html"] = "home page",
        ["404.html"] = "not-found page",
        ["topics"] = "topic pages",
        ["indicators"] = "indicator pages",
        ["compare"] = "comparison page",
        ["search"] = "search page and index",
        [DataFolder] = "open-data downloads",
        ["admin"] = "CMS",
        ["assets"] = "theme assets",
        ["sitemap.xml"] = "sitemap",
        ["robots.txt"] = "robots file",
        ["_headers"] = "headers file",
    };

    public static string Plan(string slug) => $"/{slug}/";
    public static string Plan(Plan plan) => Plan(plan.Municipality.Slug);
    /// <summary>/{slug}/initiatives/{key}/: the initiative's id within the plan, which is its number unless the plan numbers per parent.</summary>
    public static string Initiative(string slug, string key) => $"/{slug}/initiatives/{key}/";
    public static string Topic(string topicId) => $"{Topics}{topicId}/";
    public static string Metric(string metricId) => $"{Indicators}{metricId}/";
    public static string Page(string slug) => $"/{slug}/";
    public static string Download(string file) => $"/{DataFolder}/{file}";
    public static string SearchFor(string query) => $"{Search}?q={Uri.EscapeDataString(query)}";

    public static string PolicyAnchor(Policy policy) => $"policy-{policy.Key}";
    public static string PillarAnchor(Pillar pillar) => $"pillar-{pillar.Key}";
}
