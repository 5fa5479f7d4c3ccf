using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using DxCompare.Model;

namespace DxCompare.Search;

/// <summary>An initiative as the search sees it: weighted text fields, facet values and the text snippets come from.</summary>
public sealed partial record SearchDocument(int Id, InitiativeEntry Entry, IReadOnlyDictionary<string, string> Fields, string Figures)
{
    public const string Title = "title";
    public const string IndicatorNames = "indicators";
    public const string Body = "body";
    public const string Meta = "meta";
    public const string PolicyLead = "policy";
    /// <summary>The initiative's own text again (title, indicators, body, meta) at weight 4: analysed like every field, a second copy of its bigrams (see <see cref="JapaneseAnalyzer"/>).</summary>
    public const string Phrase = "phrase";

    /// <summary>
    /// Field weights: title > indicator names > 取組内容 and state texts > departments, topics, municipality,
    /// pillar/policy titles > the policy's lead (shared by all initiatives of the policy); the phrase field
    /// (trigrams of the initiative's own text) only scores a query's trigrams. Tuned on both judged sets.
    /// </summary>
    /// <summary>The phrase field's weight: a query's trigrams found together (docs/search.md: 0.5 to 8 measured on both judged sets, flat from 4).</summary>
    public const float PhraseWeight = 4f;

    public static readonly IReadOnlyList<(string Field, float Weight)> WeightedFields =
        [(Title, 2f), (IndicatorNames, 1.5f), (Body, 1.2f), (Meta, 1f), (PolicyLead, 0.5f), (Phrase, PhraseWeight)];


    public static IReadOnlyList<(string Field, float Weight)> FieldsFor(AnalyzerOptions options) =>
        [.. WeightedFields.Where(f => options.Phrases || f.Field != Phrase).Select(f => options.WeightedFields ? f : (f.Field, 1f))];

    /// <summary>The fields the phrase field repeats, in order, joined by line breaks.</summary>
    public static readonly IReadOnlyList<string> PhraseParts = [Title, IndicatorNames, Body, Meta];

    public string Slug => Entry.Municipality.Slug;
    /// <summary>Made once: watch mode matches 70,000 documents by key after every edit.</summary>
    public string Key { get; } = $"{Entry.Municipality.Slug}/{Entry.Initiative.Key}";

    /// <summary>
    /// What the initiative's page shows: its texts, its own indicators and those of its policy (Taito's
    /// 評価指標 are set per 施策), its topics and departments, and the policy's lead.
    /// </summary>
    public static SearchDocument From(int id, InitiativeEntry entry, ContentSet content)
    {
        // An entry of a plan that was not loaded again is the same object (ContentSet.InitiativesOf): its document is
        // reused unless a topic it names was renamed, at 1,788 municipalities 70,000 documents after every edit.
        if (Made.TryGetValue(entry, out var made) && made.TopicLabels.SequenceEqual(entry.Initiative.Topics.Select(t => content.TopicsById[t].Label), StringComparer.Ordinal))
            return made.Document.Id == id ? made.Document : made.Document with { Id = id };
        var document = Make(id, entry, content);
        Made.AddOrUpdate(entry, new MadeDocument([.. entry.Initiative.Topics.Select(t => content.TopicsById[t].Label)], document));
        return document;
    }

    private static readonly ConditionalWeakTable<InitiativeEntry, MadeDocument> Made = [];

    private sealed record MadeDocument(string[] TopicLabels, SearchDocument Document);

    private static SearchDocument Make(int id, InitiativeEntry entry, ContentSet content)
    {
        var i = entry.Initiative;
        var body = new[] { i.Content, i.CurrentState, i.TargetState }
            .Concat(i.Activities.SelectMany(a => a.Items.Select(item => item.Text)))
            .Where(t => !string.IsNullOrWhiteSpace(t));
        var meta = i.Departments
            .Concat(i.Topics.Select(t => content.TopicsById[t].Label))
            .Append(entry.Municipality.Name)
            .Append(entry.Pillar.Title)
            .Concat(entry.Policy is { } p ? [p.Title] : []);
        var indicators = i.Indicators.Concat(entry.Policy?.Indicators ?? []).ToList();
        var fields = new Dictionary<string, string>
        {
            [Title] = i.Title,
            [IndicatorNames] = string.Join("\n", indicators.Select(Indicators.DisplayName)),
            [Body] = string.Join("\n", body),
            [Meta] = string.Join("\n", meta),
            [PolicyLead] = entry.Policy?.Lead ?? "",
        };
        fields[Phrase] = string.Join("\n", PhraseParts.Select(part => fields[part]));
        return new SearchDocument(id, entry, fields, string.Join(" ", indicators.Where(x => x.Values.Any(v => v.Value is not null)).Select(FigureLine)));
    }

    /// <summary>An indicator with its values as the page shows them: 行政手続きのオンライン手続き比率: 令和7年度基準値20% → 令和10年度目標値40%.</summary>
    private static string FigureLine(Indicator indicator) =>
        $"{Indicators.DisplayName(indicator)}: " + string.Join(" → ", indicator.Values.Where(v => v.Value is not null).OrderBy(v => v.Fy).ThenBy(v => v.Type)
            .Select(v => $"{FiscalYear.Wareki(v.Fy)}{v.Type.Label()}{Indicators.Format(v, indicator)}")) + "。";

    /// <summary>Characters of each part of the snippet source kept in the browser's fragments (and so by the CLI).</summary>
    public const int SnippetBodyLength = 400, SnippetFiguresLength = 300, SnippetMetaLength = 150;

    /// <summary>The parts snippets are cut from: the 取組内容 without Markdown list marks and the rest of the body; the indicators with their figures; topics and departments.</summary>
    public (string Body, string Figures, string Meta) SnippetParts => (
        Cut(ListMark().Replace(Fields[Body], "").Replace('\n', ' '), SnippetBodyLength),
        Cut(Figures, SnippetFiguresLength),
        Cut(Fields[Meta].Replace('\n', ' '), SnippetMetaLength));

    /// <summary>Plain text for snippets: body, figures, topics; the figures first when the query asks for a figure.</summary>
    public string SnippetSource(bool figuresFirst) => Snippet.Source(SnippetParts, figuresFirst);

    private static string Cut(string text, int length) => text.Length > length ? text[..length] : text;

    [GeneratedRegex(@"^\s*[-*]\s+", RegexOptions.Multiline)]
    private static partial Regex ListMark();
}
