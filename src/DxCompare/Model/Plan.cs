namespace DxCompare.Model;

/// <summary>One municipality's DX plan: the content of one file in content/plans/.</summary>
public sealed record Plan
{
    [RequiredField, Label("自治体")]
    public Municipality Municipality { get; init; } = new();

    [RequiredField, Label("計画名")]
    public string Title { get; init; } = "";

    [Label("理念の呼び方", Hint = "基本理念、目指す姿 など")]
    public string? VisionLabel { get; init; }

    [RequiredField, Label("基本理念・目指す姿")]
    public string Vision { get; init; } = "";

    [Markdown, Label("概要")]
    public string? Summary { get; init; }

    [RequiredField, Label("計画期間")]
    public FiscalPeriod Period { get; init; } = new();

    [RequiredField, Pattern(@"^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$", "a date written YYYY-MM or YYYY-MM-DD (令和8年3月 → 2026-03)"),
     Label("策定・公表", Hint = "YYYY-MM(例: 2026-03)")]
    public string Published { get; init; } = "";

    [Label("出典"), Summary("{{fields.title}}")]
    public IReadOnlyList<SourceDocument> Sources { get; init; } = [];

    [RequiredField, Label("階層の名称")]
    public LevelLabels Labels { get; init; } = new();

    [Label("計画全体の指標"), Summary("{{fields.name}}")]
    public IReadOnlyList<Indicator> Indicators { get; init; } = [];

    [RequiredField, Label("柱(目標・視点)"), Summary("{{fields.number}} {{fields.title}}")]
    public IReadOnlyList<Pillar> Pillars { get; init; } = [];
}

public sealed record Municipality
{
    [RequiredField, Pattern(@"^\d{6}$", "a 6-digit 全国地方公共団体コード in quotes, e.g. \"131067\""),
     Label("全国地方公共団体コード", Hint = "6桁(検査数字を含む)。例: 131067")]
    public string Code { get; init; } = "";

    [RequiredField, Label("自治体名")]
    public string Name { get; init; } = "";

    [RequiredField, Label("都道府県")]
    public string Prefecture { get; init; } = "";

    [RequiredField, Pattern(Ids.Pattern, "lowercase ASCII letters, digits and hyphens (e.g. taito)"),
     Label("URLスラッグ", Hint = "英小文字(例: taito)")]
    public string Slug { get; init; } = "";

    [Pattern("^https?://", "an http(s) URL"), Label("公式サイト")]
    public string? Website { get; init; }
}

public sealed record FiscalPeriod
{
    [RequiredField, FiscalYear(WithinPlanPeriod = false), Label("開始年度(西暦)", Hint = "令和8年度 → 2026")]
    public int Start { get; init; }

    [RequiredField, FiscalYear(WithinPlanPeriod = false), Label("終了年度(西暦)", Hint = "令和10年度 → 2028")]
    public int End { get; init; }
}

public sealed record SourceDocument
{
    [RequiredField, Label("資料名")]
    public string Title { get; init; } = "";

    [Pattern("^https?://", "an http(s) URL"), Label("URL")]
    public string? Url { get; init; }

    [Label("発行者")]
    public string? Publisher { get; init; }

    [Pattern(@"^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$", "a date written YYYY-MM or YYYY-MM-DD"), Label("発行", Hint = "YYYY-MM")]
    public string? Published { get; init; }

    [Multiline, Label("備考")]
    public string? Note { get; init; }
}

/// <summary>The plan's own words for each level of its hierarchy.</summary>
public sealed record LevelLabels
{
    [RequiredField, Label("柱の呼び方", Hint = "目標、視点 など")]
    public string Pillar { get; init; } = "";

    [Label("施策の呼び方", Hint = "施策 など。施策の階層がなければ空欄")]
    public string? Policy { get; init; }

    [RequiredField, Label("取組の呼び方", Hint = "取組 など")]
    public string Initiative { get; init; } = "";
}

public sealed record Pillar
{
    [RequiredField, Between(1, 999), Label("番号")]
    public int Number { get; init; }

    [RequiredField, Label("名称")]
    public string Title { get; init; } = "";

    [Markdown, Label("説明")]
    public string? Lead { get; init; }

    [Multiline, Label("将来像")]
    public string? FutureVision { get; init; }

    [Between(1, 9999), Label("掲載ページ")]
    public int? Page { get; init; }

    [Label("指標"), Summary("{{fields.name}}")]
    public IReadOnlyList<Indicator> Indicators { get; init; } = [];

    [Label("施策"), Summary("{{fields.number}} {{fields.title}}")]
    public IReadOnlyList<Policy> Policies { get; init; } = [];

    [Label("取組(施策の階層がない計画)"), Summary("{{fields.number}} {{fields.title}}")]
    public IReadOnlyList<Initiative> Initiatives { get; init; } = [];
}

public sealed record Policy
{
    [RequiredField, Between(1, 999), Label("番号")]
    public int Number { get; init; }

    [RequiredField, Label("名称")]
    public string Title { get; init; } = "";

    [Markdown, Label("説明")]
    public string? Lead { get; init; }

    [Multiline, Label("目指す将来イメージ")]
    public string? FutureImage { get; init; }

    [Between(1, 9999), Label("掲載ページ")]
    public int? Page { get; init; }

    [Label("評価指標"), Summary("{{fields.name}}")]
    public IReadOnlyList<Indicator> Indicators { get; init; } = [];

    [RequiredField, Label("取組"), Summary("{{fields.number}} {{fields.title}}")]
    public IReadOnlyList<Initiative> Initiatives { get; init; } = [];
}
