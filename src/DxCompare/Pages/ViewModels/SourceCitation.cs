using DxCompare.Model;

namespace DxCompare.Pages.ViewModels;

/// <summary>Where a figure or page comes from: 江東区「DX推進計画の進捗状況」（令和8年4月）12ページ, linked when the document's URL is known.</summary>
public sealed record SourceCitation(string Text, string? Url)
{
    /// <summary>The plan's main source document (its first), with the page the figure is printed on.</summary>
    public static SourceCitation Of(Plan plan, int? page = null)
    {
        var source = plan.Sources.Count > 0 ? plan.Sources[0] : null;
        var publisher = source?.Publisher ?? plan.Municipality.Name;
        var title = source?.Title ?? plan.Title;
        var date = PublishedDate.Wareki(source?.Published ?? plan.Published);
        return new($"{publisher}「{title}」（{date}）" + (page is { } p ? $" {p}ページ" : ""), source?.Url);
    }
}
