using AngleSharp.Html.Parser;
using Markdig;

namespace DxCompare.Pages;

/// <summary>
/// Prose from content: raw HTML is never passed through (Markdig's DisableHtml writes it as text), and
/// links are kept only for safe schemes, so an editor's Markdown cannot inject script.
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
        var html = Markdown.ToHtml(markdown, Pipeline);
        return RemoveUnsafeLinks(html);
    }

    private static string RemoveUnsafeLinks(string html)
    {
        if (!html.Contains("href=", StringComparison.Ordinal) && !html.Contains("src=", StringComparison.Ordinal)) return html;
        var parser = new HtmlParser();
        var document = parser.ParseDocument("<body></body>");
        var body = document.Body!;
        body.InnerHtml = html;
        foreach (var element in body.QuerySelectorAll("[href], [src]"))
        {
            foreach (var attribute in new[] { "href", "src" })
            {
                var value = element.GetAttribute(attribute);
                if (value is null) continue;
                var trimmed = value.Trim().ToLowerInvariant();
                var isRelative = trimmed.StartsWith('/') || trimmed.StartsWith('#') || !trimmed.Contains(':');
                if (!isRelative && !SafeSchemes.Any(s => trimmed.StartsWith(s, StringComparison.Ordinal))) element.RemoveAttribute(attribute);
            }
        }
        return body.InnerHtml;
    }
}
