namespace DxCompare.Model;

public enum IndicatorKind { 評価指標, 指標, 管理指標, 事業計画 }

public enum Direction
{
    [Label("高いほど良い")] Higher,
    [Label("低いほど良い")] Lower,
}

/// <summary>What a value of a series is: the starting point (Taito's 現況, Koto's 基準値), a target or an actual.</summary>
public enum ValueKind
{
    [Label("基準値・現況")] Baseline,
    [Label("目標値")] Target,
    [Label("実績値")] Actual,
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

    [Label("区分", Hint = "小学生・中学生 など内訳があるとき")]
    public string? Segment { get; init; }

    [Label("単位", Hint = "%、人、名、回、件、台、時間、分、点、回/月 など")]
    public string? Unit { get; init; }

    [Label("望ましい方向", Hint = "higher = 高いほど良い、lower = 低いほど良い")]
    public Direction? Direction { get; init; }

    [OneOf(VocabularyKind.Qualifiers), Label("修飾語")]
    public string? Qualifier { get; init; }

    [Multiline, Label("対象範囲の注記", Hint = "※法令等においてオンライン申請を不可としている手続を除く など")]
    public string? ScopeNote { get; init; }

    [Multiline, Label("注記")]
    public string? Note { get; init; }

    [Between(1, 9999), Label("掲載ページ")]
    public int? Page { get; init; }

    [RequiredField, CmsWidget("fy-values"), Label("値", Hint = "年度ごとの基準値・目標値・実績値。数値か状態(推進、— など)を入力"),
     Summary("{{fields.fy}} {{fields.type}} {{fields.value}}{{fields.status}}")]
    public IReadOnlyList<IndicatorValue> Values { get; init; } = [];
}

public sealed record IndicatorValue
{
    [RequiredField, FiscalYear, Label("年度(西暦)", Hint = "令和8年度 → 2026")]
    public int Fy { get; init; }

    [RequiredField, Label("種別", Hint = "baseline = 現況・基準値、target = 目標値、actual = 実績値")]
    public ValueKind Type { get; init; }

    [Label("数値", Hint = "単位や桁区切りを付けない(5,500人 → 5500)")]
    public decimal? Value { get; init; }

    [OneOf(VocabularyKind.StatusWords), Label("状態", Hint = "数値の代わりに記載された語(推進、実施、— など)")]
    public string? Status { get; init; }

    [OneOf(VocabularyKind.Qualifiers), Label("修飾語")]
    public string? Qualifier { get; init; }

    [Label("注記")]
    public string? Note { get; init; }
}
