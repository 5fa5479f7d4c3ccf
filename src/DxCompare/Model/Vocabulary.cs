namespace DxCompare.Model;

public enum VocabularyKind { StatusWords, Qualifiers }

/// <summary>The fixed words plans use in place of numbers, and the qualifiers they attach to values.</summary>
public static class Vocabulary
{
    public const string None = "—";
    public const string Percent = "%";

    public static readonly IReadOnlyList<string> StatusWords =
    [
        "検討", "実施", "推進", "構築", "運用", "導入", "構築/運用", "検討/実施", "導入/運用", "拡充", "継続", None,
    ];

    public static readonly IReadOnlyList<string> Qualifiers = ["未満", "以上", "累計", "毎年度"];

    public static IReadOnlyList<string> Of(VocabularyKind kind) => kind switch
    {
        VocabularyKind.StatusWords => StatusWords,
        VocabularyKind.Qualifiers => Qualifiers,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
