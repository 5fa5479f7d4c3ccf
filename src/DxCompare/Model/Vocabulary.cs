using System.Text.Json.Serialization;
namespace DxCompare.Model;

/// <summary>
/// The words plans print in place of numbers or beside them. The words themselves are content
/// (content/vocabulary.yml), kept as printed; each maps to one of the shared classes below, which is
/// what comparisons and exports read. A new municipality's word needs an entry there, not a C# change.
/// </summary>
public static class Vocabulary
{
    public const string File = "vocabulary.yml";
    public const string None = "—";
    public const string Percent = "%";
}

/// <summary>What a status word printed instead of a number means, for comparison across plans.</summary>
[JsonConverter(typeof(YamlNamedEnumConverter<StatusClass>))]
public enum StatusClass
{
    [Label("検討・準備")] Planning,
    [Label("試行")] Trial,
    [Label("実施・導入")] Implementation,
    [Label("運用・推進・継続")] Operation,
    [Label("拡充")] Expansion,
    [Label("完了")] Completed,
    [Label("記載なし")] None,
}

/// <summary>How a qualifier changes a value, and where it is written: 5.0%未満, 約40%, 90件（累計）, 毎年度70人, 40%を目途.</summary>
[JsonConverter(typeof(YamlNamedEnumConverter<QualifierClass>))]
public enum QualifierClass
{
    [Label("未満")] Below,
    [Label("以上")] AtLeast,
    [Label("累計")] Cumulative,
    [Label("毎年度")] EveryYear,
    [Label("概数")] Approximately,
    [Label("目途")] Aim,
    [Label("修飾なし")] None,
}

/// <summary>What a unit measures; a percentage must lie between 0 and 100.</summary>
[JsonConverter(typeof(YamlNamedEnumConverter<UnitClass>))]
public enum UnitClass
{
    [Label("割合")] Percent,
    [Label("数・人数・件数")] Count,
    [Label("時間")] Duration,
    [Label("頻度")] Rate,
    [Label("点数")] Score,
    [Label("その他")] Other,
}

public sealed record StatusWord
{
    [RequiredField, Label("語", Hint = "計画書の表記のまま(推進、制定、試行検討 など)")]
    public string Word { get; init; } = "";

    [RequiredField, Label("分類", Hint = "比較に使う共通の分類")]
    public StatusClass Class { get; init; }
}

public sealed record QualifierWord
{
    [RequiredField, Label("語", Hint = "未満、以上、累計、毎年度、約、目途 など")]
    public string Word { get; init; } = "";

    [RequiredField, Label("分類")]
    public QualifierClass Class { get; init; }
}

public sealed record UnitWord
{
    [RequiredField, Label("単位", Hint = "%、人、件、回/月 など")]
    public string Word { get; init; } = "";

    [RequiredField, Label("分類")]
    public UnitClass Class { get; init; }
}

/// <summary>content/vocabulary.yml: every status word, qualifier and unit a plan may use.</summary>
public sealed record VocabularyList
{
    [RequiredField, Label("状態の語"), Summary("{{fields.word}} {{fields.class}}")]
    public IReadOnlyList<StatusWord> StatusWords { get; init; } = [];

    [RequiredField, Label("修飾語"), Summary("{{fields.word}} {{fields.class}}")]
    public IReadOnlyList<QualifierWord> Qualifiers { get; init; } = [];

    [RequiredField, Label("単位"), Summary("{{fields.word}} {{fields.class}}")]
    public IReadOnlyList<UnitWord> Units { get; init; } = [];

    public StatusClass? StatusClassOf(string word) => StatusWords.FirstOrDefault(w => w.Word == word)?.Class;

    public QualifierClass? QualifierClassOf(string word) => Qualifiers.FirstOrDefault(w => w.Word == word)?.Class;

    public UnitClass? UnitClassOf(string word) => Units.FirstOrDefault(w => w.Word == word)?.Class;
}
