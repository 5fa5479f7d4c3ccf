using System.Text.Json.Serialization;
namespace DxCompare.Model;

/// <summary>
/// Japanese label and editor hint for a field or an enum value; shown on the site, in the CMS, the JSON Schema
/// and error messages. Read enum labels with <see cref="EnumLabels.Label{T}(T)"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class LabelAttribute(string label) : Attribute
{
    public string Label { get; } = label;
    public string? Hint { get; init; }
}

/// <summary>The field must be present and non-empty.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredFieldAttribute : Attribute;

/// <summary>A Gregorian fiscal year (令和N年度 = 2018 + N) that must fall inside the plan period.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class FiscalYearAttribute : Attribute
{
    /// <summary>False for years that describe the plan itself (its period), which bound the others.</summary>
    public bool WithinPlanPeriod { get; init; } = true;
}

/// <summary>
/// A string that must match a regular expression; the message says what is expected. <see cref="Regex"/> is
/// written for JSON Schema and the CMS (ECMAScript); <see cref="Matches"/> gives it the same meaning in .NET,
/// where <c>\d</c> would also match full-width digits (１３１０８３) and <c>$</c> would match before a final newline.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PatternAttribute(string regex, string expected, string expectedJa) : Attribute
{
    public string Regex { get; } = regex;

    /// <summary>What a matching value looks like, for the validator's English message.</summary>
    public string Expected { get; } = expected;

    /// <summary>The same for editors: the CMS field's hint and the Japanese message (「…を入力してください」).</summary>
    public string ExpectedJa { get; } = expectedJa;

    private readonly System.Text.RegularExpressions.Regex _compiled = Strict(regex);

    public bool Matches(string text) => _compiled.IsMatch(text);

    /// <summary>ECMAScript character classes, and a final <c>$</c> that means the end of the text.</summary>
    public static System.Text.RegularExpressions.Regex Strict(string regex) =>
        new(regex.EndsWith('$') ? regex[..^1] + @"\z" : regex,
            System.Text.RegularExpressions.RegexOptions.ECMAScript | System.Text.RegularExpressions.RegexOptions.CultureInvariant);
}

[JsonConverter(typeof(YamlNamedEnumConverter<VocabularyKind>))]
public enum VocabularyKind { StatusWords, Qualifiers, Units }

/// <summary>A word from content/vocabulary.yml (status words, qualifiers, units), kept as printed.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class VocabularyWordAttribute(VocabularyKind kind) : Attribute
{
    public VocabularyKind Kind { get; } = kind;

    /// <summary>The list's key in content/vocabulary.yml: status_words, qualifiers, units.</summary>
    public string List => Kind switch { VocabularyKind.StatusWords => "status_words", VocabularyKind.Qualifiers => "qualifiers", _ => "units" };
}

/// <summary>An inclusive numeric range.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class BetweenAttribute(double min, double max) : Attribute
{
    public double Min { get; } = min;
    public double Max { get; } = max;
}

[JsonConverter(typeof(YamlNamedEnumConverter<ReferenceKind>))]
public enum ReferenceKind { Topic, Metric }

/// <summary>The value is (or the list holds) ids defined in a taxonomy file.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ReferencesAttribute(ReferenceKind kind) : Attribute
{
    public ReferenceKind Kind { get; } = kind;
}

/// <summary>Multi-line text that may contain Markdown.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MarkdownAttribute : Attribute;

/// <summary>Multi-line plain text.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MultilineAttribute : Attribute;

/// <summary>In list summaries (CMS, errors), this field identifies an item.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SummaryAttribute(string template) : Attribute
{
    public string Template { get; } = template;
}

/// <summary>The levels of a plan's hierarchy; each plan names them in its <see cref="LevelLabels"/> (目標, 施策, 取組 …).</summary>
[JsonConverter(typeof(YamlNamedEnumConverter<PlanLevel>))]
public enum PlanLevel { Pillar, Policy, Initiative }

/// <summary>
/// The list holds one level of the plan's hierarchy. The CMS names it with the plan's own word for that level,
/// renders its collapsed items as one-line summaries, and shows it only when the plan uses the level.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class LevelListAttribute(PlanLevel level) : Attribute
{
    public PlanLevel Level { get; } = level;

    /// <summary>The list is for plans without a policy level (a pillar's own initiatives).</summary>
    public bool WithoutPolicies { get; init; }
}

/// <summary>The CMS edits this field with a custom widget from theme/admin/cms-plugin.js.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class CmsWidgetAttribute(string widget) : Attribute
{
    public string Widget { get; } = widget;
}
