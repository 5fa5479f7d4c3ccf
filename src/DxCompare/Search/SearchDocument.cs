using DxCompare.Model;

namespace DxCompare.Search;

/// <summary>An initiative as the search sees it: weighted text fields and facet values.</summary>
public sealed record SearchDocument(int Id, InitiativeEntry Entry, IReadOnlyDictionary<string, string> Fields)
{
    public const string Title = "title";
    public const string IndicatorNames = "indicators";
    public const string Body = "body";
    public const string Meta = "meta";

    /// <summary>Field weights: title > indicator names > 取組内容 and state texts > departments, topics, municipality.</summary>
    public static readonly IReadOnlyList<(string Field, float Weight)> WeightedFields =
        [(Title, 2f), (IndicatorNames, 1.5f), (Body, 1.2f), (Meta, 1f)];

    public static IReadOnlyList<(string Field, float Weight)> FieldsFor(AnalyzerOptions options) =>
        options.WeightedFields ? WeightedFields : [.. WeightedFields.Select(f => (f.Field, 1f))];

    public string Slug => Entry.Municipality.Slug;
    public string Key => $"{Slug}/{Entry.Initiative.Number}";

    public static SearchDocument From(int id, InitiativeEntry entry, ContentSet content)
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
        return new SearchDocument(id, entry, new Dictionary<string, string>
        {
            [Title] = i.Title,
            [IndicatorNames] = string.Join("\n", i.Indicators.Select(Indicators.DisplayName)),
            [Body] = string.Join("\n", body),
            [Meta] = string.Join("\n", meta),
        });
    }

    /// <summary>Plain text for snippets: the 取組内容 without Markdown list marks, then the rest.</summary>
    public string SnippetSource =>
        System.Text.RegularExpressions.Regex.Replace(Fields[Body], @"^\s*[-*]\s+", "", System.Text.RegularExpressions.RegexOptions.Multiline).Replace('\n', ' ');
}
