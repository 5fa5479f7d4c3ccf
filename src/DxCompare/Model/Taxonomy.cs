namespace DxCompare.Model;

public sealed record Topic
{
    [RequiredField, Pattern(Ids.Pattern, Ids.Expected, Ids.ExpectedJa), Label("ID", Hint = "英小文字・数字・ハイフン(例: online-procedures)")]
    public string Id { get; init; } = "";

    [RequiredField, Label("名称")]
    public string Label { get; init; } = "";

    [Multiline, Label("説明")]
    public string? Description { get; init; }
}

public sealed record TopicList
{
    [RequiredField, Label("トピック"), Summary("{{fields.id}} {{fields.label}}")]
    public IReadOnlyList<Topic> Topics { get; init; } = [];
}

public sealed record Metric
{
    [RequiredField, Pattern(Ids.Pattern, Ids.Expected, Ids.ExpectedJa), Label("ID", Hint = "英小文字・数字・ハイフン(例: online-procedure-rate)")]
    public string Id { get; init; } = "";

    [RequiredField, Label("名称")]
    public string Label { get; init; } = "";

    [RequiredField, Label("単位", Hint = "%、人、回、件、台、時間、回/月 など")]
    public string Unit { get; init; } = "";

    [Label("望ましい方向")]
    public Direction? Direction { get; init; }

    [Multiline, Label("定義")]
    public string? Description { get; init; }

    [References(ReferenceKind.Topic), Label("トピック", Hint = "この指標を表示するトピックのID")]
    public IReadOnlyList<string> Topics { get; init; } = [];

    [Multiline, Label("比較上の注意(共通)", Hint = "どの自治体にも当てはまる注意だけ。自治体ごとの違いは各指標の定義・対象範囲の注記から自動で作られる")]
    public string? Comparability { get; init; }

    [Label("種類", Hint = "同じものを別の単位・定義で測るとき(割合と件数など)。指標は metric_variant で種類を選ぶ"), Summary("{{fields.id}} {{fields.label}}")]
    public IReadOnlyList<MetricVariant> Variants { get; init; } = [];

    /// <summary>The variant an indicator reports: the named one, or the metric itself (its own unit).</summary>
    public MetricVariant? VariantOf(string? id) => id is null ? null : Variants.FirstOrDefault(v => v.Id == id);

    public string UnitOf(string? variant) => VariantOf(variant)?.Unit ?? Unit;
}

/// <summary>One way of measuring a shared metric: a share of procedures (%), or a number of procedures (手続).</summary>
public sealed record MetricVariant
{
    [RequiredField, Pattern(Ids.Pattern, Ids.Expected, Ids.ExpectedJa), Label("ID", Hint = "例: count")]
    public string Id { get; init; } = "";

    [RequiredField, Label("名称", Hint = "例: オンライン化した手続の数")]
    public string Label { get; init; } = "";

    [RequiredField, Label("単位")]
    public string Unit { get; init; } = "";

    [Multiline, Label("定義")]
    public string? Description { get; init; }
}

public sealed record MetricList
{
    [RequiredField, Label("比較指標"), Summary("{{fields.id}} {{fields.label}}")]
    public IReadOnlyList<Metric> Metrics { get; init; } = [];
}

public static class Ids
{
    public const string Pattern = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public const string Expected = "lowercase ASCII letters, digits and single hyphens (e.g. online-procedures)";
    public const string ExpectedJa = "英小文字・数字・ハイフンで入力してください(例: online-procedures)";

    private static readonly System.Text.RegularExpressions.Regex Strict = PatternAttribute.Strict(Pattern);

    /// <summary>Whether <paramref name="text"/> is an id, a slug or a page name: safe as one segment of a URL and a path.</summary>
    public static bool IsValid(string text) => Strict.IsMatch(text);
}

/// <summary>The front matter of a prose page in content/pages/*.md.</summary>
public sealed record PageFrontMatter
{
    [RequiredField, Label("タイトル")]
    public string Title { get; init; } = "";

    [RequiredField, Label("説明", Hint = "検索結果やSNSで表示される1〜2文")]
    public string Description { get; init; } = "";

    [Between(0, 999), Label("並び順")]
    public int Order { get; init; }
}
