using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace DxCompare.Cms;

/// <summary>The model facts written into admin/dxcompare-model.js (window.DXCOMPARE_MODEL) for the CMS plugin.</summary>
public sealed record AdminModel(
    IReadOnlyList<string> StatusWords, IReadOnlyList<string> Qualifiers, IReadOnlyList<string> PrefixQualifiers,
    IReadOnlyList<string> ValueTypes, IReadOnlyDictionary<string, string> ValueTypeLabels, IReadOnlyDictionary<string, string> ActivityTypeLabels,
    AdminModel.FiscalYearRules FiscalYear, string FiscalYearWidget, AdminModel.LevelWords Levels, string Percent,
    IReadOnlyList<string> NumericFields, string CmsFormat, ValidationModel Validation, string ValidationUrl, string SiteCss)
{
    public sealed record FiscalYearRules(int Earliest, int Latest, string WarekiInput, IReadOnlyDictionary<string, string> EraLetters);

    /// <summary>The level-list widget, the plan field holding the plan's words, and each level's key there.</summary>
    public sealed record LevelWords(string Widget, string LabelsField, IReadOnlyDictionary<string, string> Words);
}

/// <summary>What theme/admin/validate.js applies the plan rules with (admin/dxcompare-validation.json).</summary>
public sealed record ValidationModel(
    IReadOnlyDictionary<string, ValidationModel.Message> Messages, IReadOnlyDictionary<string, string> ValueTypeLabels,
    ValidationModel.RuleLimits Rules, ValidationModel.Words Vocabulary, IReadOnlyList<string> Topics,
    IReadOnlyDictionary<string, ValidationModel.MetricUnits> Metrics)
{
    public sealed record Message(string En, string Ja);

    public sealed record RuleLimits(int Horizon, string Placeholder, string PercentClass, ClassLists ClassLists);

    public sealed record ClassLists(string Unit, string Qualifier, string Status);

    /// <summary>Each vocabulary word and its class's YAML name.</summary>
    public sealed record Words(IReadOnlyDictionary<string, string> Units, IReadOnlyDictionary<string, string> Qualifiers, IReadOnlyDictionary<string, string> StatusWords);

    public sealed record MetricUnits(string Unit, IReadOnlyDictionary<string, string> Variants);
}

/// <summary>Serializers for <see cref="AdminModel"/> and <see cref="ValidationModel"/>, generated at compile time.</summary>
[JsonSerializable(typeof(AdminModel))]
[JsonSerializable(typeof(ValidationModel))]
internal sealed partial class AdminModelJson : JsonSerializerContext
{
    /// <summary>For a script: compact, Japanese unescaped.</summary>
    public static AdminModelJson Script { get; } = new(Settings(indented: false));

    /// <summary>For the JSON file tests and the plugin read: indented.</summary>
    public static AdminModelJson File { get; } = new(Settings(indented: true));

    private static JsonSerializerOptions Settings(bool indented) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = indented,
    };
}
