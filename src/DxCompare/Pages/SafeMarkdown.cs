using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DxCompare.Pages;

/// <summary>
/// Prose from content: raw HTML is never passed through (Markdig's DisableHtml writes it as text), and a link or
/// image whose address is not relative, http(s) or mailto is replaced by its text before rendering, so an editor's
/// Markdown cannot inject script. Markdig has already decoded the address (entities, escapes) when it is checked.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    private static readonly string[] SafeSchemes = ["http:", "https:", "mailto:"];

    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().Where(link => !IsSafe(link.Url)).ToList())
        {
            // The label (an image's alt text) stays where the link was, as text.
            foreach (var child in link.ToList())
            {
                child.Remove();
                link.InsertBefore(child);
            }
            link.Remove();
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().Where(link => !IsSafe(link.Url)).ToList())
            autolink.ReplaceBy(new LiteralInline(autolink.Url));
        return document.ToHtml(Pipeline);
    }

    private static bool IsSafe(string? url)
    {
        var address = (url ?? "").Trim().ToLowerInvariant();
        return address.StartsWith('/') || address.StartsWith('#') || !address.Contains(':')
            || SafeSchemes.Any(scheme => address.StartsWith(scheme, StringComparison.Ordinal));
    }
}
