using DxCompare.Model;

namespace DxCompare.Content;

/// <summary>
/// Plan slugs and page names become the first segment of a URL and a folder of the output: /{slug}/index.html.
/// Each must be a safe segment (pages take theirs from the file name, which no field pattern checks), must not be
/// one of the site's own names, and no two may be equal.
/// </summary>
public static class RouteNames
{
    public static void Check(IReadOnlyList<Plan> plans, IReadOnlyList<ProseDocument> pages, DiagnosticBag diagnostics, SourceMap map)
    {
        var taken = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var plan in plans)
        {
            var slug = plan.Municipality.Slug;
            if (!Ids.IsValid(slug)) continue; // the field pattern has reported it
            var at = map.Of(plan.Municipality, "slug");
            if (SiteUrls.Reserved.TryGetValue(slug, out var what))
                diagnostics.Add(at, $"'slug' '{slug}' is taken by the site's own /{slug}/ ({what}). Choose another slug, e.g. '{slug}-city', and rename the file to match.");
            else taken.TryAdd(slug, $"the plan {at.File}");
        }
        foreach (var page in pages)
        {
            var at = map.Of(page);
            if (!Ids.IsValid(page.Slug))
                diagnostics.Add(at, $"the page file name '{Printable.Shown(page.Slug)}.md' cannot become a URL. Name page files with lowercase ASCII letters, digits and single hyphens, e.g. pages/about.md.");
            else if (SiteUrls.Reserved.TryGetValue(page.Slug, out var what))
                diagnostics.Add(at, $"the page name '{page.Slug}' is taken by the site's own /{page.Slug}/ ({what}). Rename the file, e.g. pages/{page.Slug}-info.md.");
            else if (taken.TryGetValue(page.Slug, out var owner))
                diagnostics.Add(at, $"the page name '{page.Slug}' is also the slug of {owner}: both would be /{page.Slug}/. Rename the page file.");
            else taken[page.Slug] = $"the page {at.File}";
        }
    }

    /// <summary>The problem with a slug for a new plan, or null (the `new` command asks before it writes a file).</summary>
    public static string? Refuse(string slug) =>
        !Ids.IsValid(slug) ? $"'{Printable.Shown(slug)}' must be lowercase ASCII letters, digits and hyphens, e.g. minato."
        : SiteUrls.Reserved.TryGetValue(slug, out var what) ? $"'{slug}' is taken by the site's own /{slug}/ ({what}); choose another, e.g. {slug}-city."
        : null;
}
