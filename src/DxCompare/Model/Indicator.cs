using System.Text.Json.Serialization;

namespace DxCompare.Model;

[JsonConverter(typeof(YamlNamedEnumConverter<IndicatorKind>))]
public enum IndicatorKind { 評価指標, 指標, 管理指標, 事業計画 }

[JsonConverter(typeof(YamlNamedEnumConverter<Direction>))]
public enum Direction
{
    [Label("高いほど良い")] Higher,
    [Label("低いほど良い")] Lower,
}

/// <summary>What a value of a series is: the starting point (Taito's 現況, Koto's 基準値), a target or an actual.</summary>
[JsonConverter(typeof(YamlNamedEnumConverter<ValueKind>))]
public enum ValueKind
{
    [Label("基準値・現況")] Baseline,
    [Label("目標値")] Target,
    [Label("実績値")] Actual,
}

/// <summary>How an indicator counts its years: 年度 (April–March, the default) or 年 (calendar years).</summary>
[JsonConverter(typeof(YamlNamedEnumConverter<YearBasis>))]
public enum YearBasis
{
    [Label("年度")] Fiscal,
    [Label("年")] Calendar,
}

/// <summary>A KPI as a series of values by fiscal year (IATI-like: baseline → targets → actuals).</summary>
public sealed record Indicator
{
    [RequiredField, Label("指標名")]
    public string Name { get; init; } = "";

    [RequiredField, Label("種別")]
    public IndicatorKind Kind { get; init; }

    [References(ReferenceKind.Metric), Label("比較指標ID", Hint = "content/metrics.yml のID。他自治体と比較できる場合")]
    public string? Metric { get; init; }

    [Label("比較指標の種類", Hint = "比較指標に variants があるとき、この指標が報告している種類のID(例: count)")]
    public string? MetricVariant { get; init; }

    [Label("区分", Hint = "小学生・中学生 など内訳があるとき")]
    public string? Segment { get; init; }

    [VocabularyWord(VocabularyKind.Units), Label("単位", Hint = "content/vocabulary.yml の単位(%、人、名、回、件、台、時間、分、点、回/月 など)")]
    public string? Unit { get; init; }

    [Label("年の数え方", Hint = "fiscal = 年度(既定)、calendar = 暦年(1〜12月)")]
    public YearBasis? YearBasis { get; init; }

    [Label("望ましい方向", Hint = "higher = 高いほど良い、lower = 低いほど良い")]
    public Direction? Direction { get; init; }

    [VocabularyWord(VocabularyKind.Qualifiers), Label("修飾語", Hint = "すべての値に付く語(累計、毎年度、約 など)。content/vocabulary.yml の語")]
    public string? Qualifier { get; init; }

    [Multiline, Label("定義", Hint = "何を数えるか(分母・分子など)。比較上の注意に使われる")]
    public string? Definition { get; init; }

    [Multiline, Label("対象範囲の注記", Hint = "※法令等においてオンライン申請を不可としている手続を除く など")]
    public string? ScopeNote { get; init; }

    [Multiline, Label("注記")]
    public string? Note { get; init; }

    [Between(1, 9999), Label("掲載ページ")]
    public int? Page { get; init; }

    [Label("再掲", Hint = "計画書が【再掲】と示す指標(ほかの箇所と同じ指標)")]
    public bool Relisted { get; init; }

    [Label("計画終了時の判断", Hint = "第2期計画で継続 など、計画の最後に示された指標の扱い")]
    public string? Decision { get; init; }

    [Label("判断の出典", Hint = "判断を載せた版のID(sources の id)")]
    public string? DecisionSource { get; init; }

    [RequiredField, CmsWidget("fy-values"), Label("値", Hint = "年度ごとの基準値・目標値・実績値。数値か状態(推進、— など)を入力"),
     Summary("{{fields.fy}} {{fields.type}} {{fields.value}}{{fields.status}}")]
    public IReadOnlyList<IndicatorValue> Values { get; init; } = [];

    /// <summary>The class of <see cref="Qualifier"/>, resolved from content/vocabulary.yml when the plan is loaded.</summary>
    [JsonIgnore] public QualifierClass? QualifierClass { get; internal set; }

    /// <summary>The values in force: a target a later edition revised is left out (it stays in <see cref="Values"/>).</summary>
    [JsonIgnore] public IEnumerable<IndicatorValue> CurrentValues => Values.Where(v => v.RevisedBy is null);

    /// <summary>The class of <see cref="Unit"/>, resolved from content/vocabulary.yml when the plan is loaded.</summary>
    [JsonIgnore] public UnitClass? UnitClass { get; internal set; }
}

public sealed record IndicatorValue
{
    [RequiredField, FiscalYear, Label("年度(西暦)", Hint = "令和8年度 → 2026")]
    public int Fy { get; init; }

    [FiscalYear, Label("終了年度(西暦)", Hint = "1つの値が複数年度にまたがるとき(R3年5月〜R5年3月 → fy: 2021, until: 2022)")]
    public int? Until { get; init; }

    [Label("期間の表記", Hint = "計画書の表記のまま(R3年5月〜R5年3月 など)。年度と違う区切りのとき")]
    public string? PeriodText { get; init; }

    [RequiredField, Label("種別", Hint = "baseline = 現況・基準値、target = 目標値、actual = 実績値")]
    public ValueKind Type { get; init; }

    [Label("数値", Hint = "単位や桁区切りを付けない(5,500人 → 5500)")]
    public decimal? Value { get; init; }

    [VocabularyWord(VocabularyKind.StatusWords), Label("状態", Hint = "数値の代わりに記載された語(推進、実施、制定、— など)。content/vocabulary.yml の語")]
    public string? Status { get; init; }

    [VocabularyWord(VocabularyKind.Qualifiers), Label("修飾語", Hint = "未満、以上、累計、毎年度、約、目途 など。— で指標の修飾語を打ち消す")]
    public string? Qualifier { get; init; }

    [Label("計画期間外", Hint = "計画書が計画期間の外の年度に示した値(長期目標、計画前の実績)なら true")]
    public bool OutsidePeriod { get; init; }

    [Label("評価", Hint = "公表された評価のまま(A、達成、◎ など)。出典の版の評価の凡例にある語")]
    public string? Evaluation { get; init; }

    [Label("出典の版", Hint = "この値を載せた版のID(sources の id)。空欄なら計画本体")]
    public string? Source { get; init; }

    [Between(1, 9999), Label("掲載ページ")]
    public int? Page { get; init; }

    [Label("注記")]
    public string? Note { get; init; }

    /// <summary>The value of a later edition that revised this one (same year and type); null while it is in force.</summary>
    [JsonIgnore] public IndicatorValue? RevisedBy { get; internal set; }

    /// <summary>The class of <see cref="Status"/>, resolved from content/vocabulary.yml when the plan is loaded.</summary>
    [JsonIgnore] public StatusClass? StatusClass { get; internal set; }

    /// <summary>The class of <see cref="Qualifier"/>, resolved from content/vocabulary.yml when the plan is loaded.</summary>
    [JsonIgnore] public QualifierClass? QualifierClass { get; internal set; }
}
