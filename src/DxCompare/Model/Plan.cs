using System.Text.Json.Serialization;

namespace DxCompare.Model;

/// <summary>One municipality's DX plan: the content of one file in content/plans/.</summary>
public sealed record Plan
{
    [RequiredField, Label("自治体")]
    public Municipality Municipality { get; init; } = new();

    [RequiredField, Label("計画名")]
    public string Title { get; init; } = "";

    [Label("作成中", Hint = "入力途中の計画。検証は内容の形式だけで、公開サイトには出ない")]
    public bool Draft { get; init; }

    [RequiredField, Label("基本理念・目指す姿など", Hint = "計画書の順に。基本理念、目指す姿、Mission、基本的考え方 …"), Summary("{{fields.label}}")]
    public IReadOnlyList<Statement> Statements { get; init; } = [];

    /// <summary>The first statement: the plan's vision (基本理念, 目指す姿).</summary>
    [JsonIgnore] public string Vision => Statements.Count > 0 ? Statements[0].Text : "";

    /// <summary>The plan's word for its first statement.</summary>
    [JsonIgnore] public string? VisionLabel => Statements.Count > 0 ? Statements[0].Label : null;

    [Markdown, Label("概要")]
    public string? Summary { get; init; }

    [RequiredField, Label("計画期間")]
    public FiscalPeriod Period { get; init; } = new();

    [RequiredField, Pattern(@"^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$", "a date written YYYY-MM or YYYY-MM-DD (令和8年3月 → 2026-03)", "YYYY-MM の形式で入力してください(令和8年3月 → 2026-03)"),
     Label("策定・公表", Hint = "YYYY-MM(例: 2026-03)")]
    public string Published { get; init; } = "";

    [Label("出典(版)", Hint = "計画本体、進捗状況の報告、改定版、後継計画 …。値はその値を載せた版を出典にする"), Summary("{{fields.id}} {{fields.title}}")]
    public IReadOnlyList<SourceDocument> Sources { get; init; } = [];

    [RequiredField, Label("階層の名称")]
    public LevelLabels Labels { get; init; } = new();

    [Label("計画全体の指標"), Summary("{{fields.name}}")]
    public IReadOnlyList<Indicator> Indicators { get; init; } = [];

    [RequiredField, Label("柱(目標・視点)"), Summary("{{fields.number}} {{fields.title}}"), LevelList(PlanLevel.Pillar)]
    public IReadOnlyList<Pillar> Pillars { get; init; } = [];
}

public sealed record Municipality
{
    [RequiredField, Pattern(@"^\d{6}$", "a 6-digit 全国地方公共団体コード in quotes, e.g. \"131067\"", "6桁の全国地方公共団体コード(検査数字を含む)を入力してください(例: 131067)"),
     Label("全国地方公共団体コード", Hint = "6桁(検査数字を含む)。例: 131067")]
    public string Code { get; init; } = "";

    [RequiredField, Label("自治体名")]
    public string Name { get; init; } = "";

    [RequiredField, Label("都道府県")]
    public string Prefecture { get; init; } = "";

    [RequiredField, Pattern(Ids.Pattern, "lowercase ASCII letters, digits and hyphens (e.g. taito)", "英小文字・数字・ハイフンで入力してください(例: minato)"),
     Label("URLスラッグ", Hint = "英小文字(例: taito)")]
    public string Slug { get; init; } = "";

    [Pattern("^https?://", "an http(s) URL", "http:// または https:// で始まるURLを入力してください"), Label("公式サイト")]
    public string? Website { get; init; }
}

/// <summary>A labelled statement of the plan: 基本理念, 目指す姿, Mission, 基本的考え方 …</summary>
public sealed record Statement
{
    [RequiredField, Label("呼び方", Hint = "計画書の見出しのまま(基本理念、目指す姿、Mission など)")]
    public string Label { get; init; } = "";

    [RequiredField, Multiline, Label("内容")]
    public string Text { get; init; } = "";
}

public sealed record FiscalPeriod
{
    [Between(1, 12), Label("開始月", Hint = "年度の途中(4月以外)に始まる計画のとき。例: 令和8年1月開始 → 1")]
    public int? StartMonth { get; init; }

    [RequiredField, FiscalYear(WithinPlanPeriod = false), Label("開始年度(西暦)", Hint = "令和8年度 → 2026")]
    public int Start { get; init; }

    [RequiredField, FiscalYear(WithinPlanPeriod = false), Label("終了年度(西暦)", Hint = "令和10年度 → 2028")]
    public int End { get; init; }
}

[JsonConverter(typeof(YamlNamedEnumConverter<EditionKind>))]
public enum EditionKind
{
    [Label("計画")] Plan,
    [Label("進捗状況")] ProgressReport,
    [Label("改定版")] Revision,
    [Label("後継計画")] Successor,
}

/// <summary>One document (edition) of a plan: the plan itself, a yearly progress report, a revision, a successor plan.</summary>
public sealed record SourceDocument
{
    [Pattern(Ids.Pattern, Ids.Expected, Ids.ExpectedJa), Label("ID", Hint = "値の source に書くID(例: plan-2025、progress-2026)。版が2つ以上なら必須")]
    public string? Id { get; init; }

    [Label("種類", Hint = "plan = 計画、progress_report = 進捗状況、revision = 改定版、successor = 後継計画")]
    public EditionKind? Kind { get; init; }

    [RequiredField, Label("資料名")]
    public string Title { get; init; } = "";

    [Pattern("^https?://", "an http(s) URL", "http:// または https:// で始まるURLを入力してください"), Label("URL")]
    public string? Url { get; init; }

    [Label("発行者")]
    public string? Publisher { get; init; }

    [Pattern(@"^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$", "a date written YYYY-MM or YYYY-MM-DD", "YYYY-MM の形式で入力してください(例: 2026-03)"), Label("発行", Hint = "YYYY-MM")]
    public string? Published { get; init; }

    [Multiline, Label("備考")]
    public string? Note { get; init; }

    [Label("評価の凡例", Hint = "この版が使う評価の語と意味(A = 目標を達成 など)"), Summary("{{fields.grade}} {{fields.meaning}}")]
    public IReadOnlyList<EvaluationGrade> EvaluationLegend { get; init; } = [];
}

/// <summary>One grade of an edition's evaluation legend, as published.</summary>
public sealed record EvaluationGrade
{
    [RequiredField, Label("評価", Hint = "A、達成、◎ など")]
    public string Grade { get; init; } = "";

    [RequiredField, Label("意味", Hint = "凡例の説明のまま")]
    public string Meaning { get; init; } = "";
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

    [Label("番号の表記", Hint = "計画書の表記が番号と違うとき((1)、Ⅰ、重点方針1 など)。同じなら空欄")]
    public string? Label { get; init; }

    [Pattern(Ids.Pattern, Ids.Expected, Ids.ExpectedJa), Label("ID", Hint = Numbering.IdHint)]
    public string? Id { get; init; }

    /// <summary>The number as the plan prints it.</summary>
    [JsonIgnore] public string Printed => Numbering.Printed(Label, Number);

    /// <summary>The id unique within the plan: <see cref="Id"/>, or the number.</summary>
    [JsonIgnore] public string Key => Numbering.Key(Id, Number);

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

    [Label("施策"), Summary("{{fields.number}} {{fields.title}}"), LevelList(PlanLevel.Policy)]
    public IReadOnlyList<Policy> Policies { get; init; } = [];

    [Label("取組(施策の階層がない計画)"), Summary("{{fields.number}} {{fields.title}}"), LevelList(PlanLevel.Initiative, WithoutPolicies = true)]
    public IReadOnlyList<Initiative> Initiatives { get; init; } = [];
}

public sealed record Policy
{
    [RequiredField, Between(1, 999), Label("番号")]
    public int Number { get; init; }

    [Label("番号の表記", Hint = "計画書の表記が番号と違うとき((1)、Ⅰ、重点方針1 など)。同じなら空欄")]
    public string? Label { get; init; }

    [Pattern(Ids.Pattern, Ids.Expected, Ids.ExpectedJa), Label("ID", Hint = Numbering.IdHint)]
    public string? Id { get; init; }

    /// <summary>The number as the plan prints it.</summary>
    [JsonIgnore] public string Printed => Numbering.Printed(Label, Number);

    /// <summary>The id unique within the plan: <see cref="Id"/>, or the number.</summary>
    [JsonIgnore] public string Key => Numbering.Key(Id, Number);

    [RequiredField, Label("名称")]
    public string Title { get; init; } = "";

    [Markdown, Label("説明")]
    public string? Lead { get; init; }

    [Multiline, Label("目指す将来イメージ")]
    public string? FutureImage { get; init; }

    [Between(1, 9999), Label("掲載ページ")]
    public int? Page { get; init; }

    [Multiline, Label("備考", Hint = "評価指標がない など、読者向けの注記")]
    public string? Note { get; init; }

    [Label("評価指標"), Summary("{{fields.name}}")]
    public IReadOnlyList<Indicator> Indicators { get; init; } = [];

    [RequiredField, Label("取組"), Summary("{{fields.number}} {{fields.title}}"), LevelList(PlanLevel.Initiative)]
    public IReadOnlyList<Initiative> Initiatives { get; init; } = [];
}

/// <summary>Which edition a figure comes from.</summary>
public static class Editions
{
    /// <summary>The edition a figure cites when it names none: the plan document itself (its first edition of kind plan, else the first).</summary>
    public static SourceDocument? Default(Plan plan) =>
        plan.Sources.FirstOrDefault(s => s.Kind == EditionKind.Plan) ?? (plan.Sources.Count > 0 ? plan.Sources[0] : null);

    /// <summary>The edition named by a figure's 'source', or the default one.</summary>
    public static SourceDocument? Of(Plan plan, string? id) => id is null ? Default(plan) : plan.Sources.FirstOrDefault(s => s.Id == id);
}
