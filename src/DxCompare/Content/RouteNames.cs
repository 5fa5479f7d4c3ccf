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
        var taken = new Dictionary<string, (string En, string Ja)>(StringComparer.Ordinal);
        foreach (var plan in plans)
        {
            var slug = plan.Municipality.Slug;
            if (!Ids.IsValid(slug)) continue; // the field pattern has reported it
            var at = map.Of(plan.Municipality, "slug");
            if (SiteUrls.Reserved.TryGetValue(slug, out var what))
                diagnostics.Add(at, "reserved-slug", new { slug, what });
            else taken.TryAdd(slug, ($"the plan {at.File}", $"計画 {at.File}"));
        }
        foreach (var page in pages)
        {
            var at = map.Of(page);
            if (!Ids.IsValid(page.Slug))
                diagnostics.Add(at, "page-name-not-a-url", new { name = Printable.Shown(page.Slug) });
            else if (SiteUrls.Reserved.TryGetValue(page.Slug, out var what))
                diagnostics.Add(at, "reserved-page-name", new { name = page.Slug, what });
            else if (taken.TryGetValue(page.Slug, out var owner))
                diagnostics.Add(at, "page-name-taken", new { name = page.Slug, owner = owner.En, ownerJa = owner.Ja });
            else taken[page.Slug] = ($"the page {at.File}", $"ページ {at.File}");
        }
    }

    /// <summary>The problem with a slug for a new plan, or null (the `new` command asks before it writes a file).</summary>
    public static string? Refuse(string slug) =>
        !Ids.IsValid(slug) ? $"'{Printable.Shown(slug)}' must be lowercase ASCII letters, digits and hyphens, e.g. minato."
        : SiteUrls.Reserved.TryGetValue(slug, out var what) ? $"'{slug}' is taken by the site's own /{slug}/ ({what}); choose another, e.g. {slug}-city."
        : null;
}
