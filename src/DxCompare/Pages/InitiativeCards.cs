using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using DxCompare.Model;
using DxCompare.Pages.ViewModels;
using Microsoft.AspNetCore.Components;

namespace DxCompare.Pages;

/// <summary>
/// The initiatives a topic page lists for a municipality, as HTML written here rather than by a Razor component, as
/// <see cref="SvgChart"/> draws its charts: at 1,788 municipalities a topic page is 1,788 such cards (1–4 MB), and watch
/// mode draws all 26 topic pages again after each edit though only the edited plan's cards changed. A card is written
/// once per plan object and topic (a plan nobody edited keeps its object from one edit to the next), so those pages
/// join strings instead of building and encoding a render tree of every card.
/// </summary>
public static class InitiativeCards
{
    /// <summary>A municipality's card at scale: its name linking to its plan, then its initiatives under the topic.</summary>
    public static MarkupString Card(Plan plan, string topicId) =>
        Cards.GetValue(plan, _ => new(StringComparer.Ordinal)).GetOrAdd(topicId, static (id, p) => WriteCard(p, InitiativeItem.OfTopic(p, id)), plan);

    private static readonly ConditionalWeakTable<Plan, ConcurrentDictionary<string, MarkupString>> Cards = [];

    /// <summary>The list of initiatives with one or two lines each of what they do (<see cref="InitiativeSummary"/>) and where they sit in their plan.</summary>
    public static MarkupString List(IReadOnlyList<InitiativeItem> items)
    {
        var html = new StringWriter(new StringBuilder(256 * items.Count));
        WriteList(html, items);
        return new MarkupString(html.ToString());
    }

    private static MarkupString WriteCard(Plan plan, IReadOnlyList<InitiativeItem> items)
    {
        var slug = plan.Municipality.Slug;
        var html = new StringWriter(new StringBuilder(512 + 256 * items.Count));
        html.Write("<section class=\"card\" data-municipality=\"");
        Encode(html, slug);
        html.Write("\" aria-labelledby=\"m-");
        Encode(html, slug);
        html.Write("\"><h3 id=\"m-");
        Encode(html, slug);
        html.Write("\"><a href=\"");
        Encode(html, SiteContext.PlanUrl(plan));
        html.Write("\">");
        Encode(html, plan.Municipality.Name);
        html.Write("</a></h3>\n");
        WriteList(html, items);
        html.Write("</section>\n");
        return new MarkupString(html.ToString());
    }

    private static void WriteList(TextWriter html, IReadOnlyList<InitiativeItem> items)
    {
        html.Write("<ul class=\"initiative-items\">\n");
        foreach (var item in items)
        {
            html.Write("<li><a href=\"");
            Encode(html, item.Entry.Url);
            html.Write("\">");
            Encode(html, item.Label);
            html.Write("</a>");
            if (item.Entry.Initiative.IsNew) html.Write("<span class=\"badge badge-new\">新規</span>");
            if (item.Summary.Length > 0)
            {
                html.Write("\n<span class=\"summary\">");
                Encode(html, item.Summary);
                html.Write("</span>");
            }
            html.Write("\n<span class=\"context\">");
            Encode(html, item.Context);
            html.Write("</span></li>\n");
        }
        html.Write("</ul>\n");
    }

    /// <summary>Escaped as Razor escapes the rest of the page (the same encoder: Japanese as it is, markup characters as entities).</summary>
    private static void Encode(TextWriter html, string text) => PageRenderer.Encoder.Encode(html, text);
}
