using System.Text.Json.Serialization;

namespace DxCompare.Model;

public sealed record Initiative
{
    [RequiredField, Between(1, 9999), Label("番号", Hint = "計画での番号(台東区は計画全体で1〜38)。施策・柱ごとに1から振り直す計画もそのまま")]
    public int Number { get; init; }

    [Label("番号の表記", Hint = "計画書の表記が番号と違うとき(3.1.1、(1)-②、施策1-2 など)。同じなら空欄")]
    public string? Label { get; init; }

    [Pattern(Ids.Pattern, Ids.Expected, Ids.ExpectedJa), Label("ID", Hint = "URLに使う計画内で一意のID(例: 3-1-1)。空欄なら番号。番号が柱・施策ごとに振り直されるときは必須")]
    public string? Id { get; init; }

    /// <summary>The number as the plan prints it: 3.1.1, (1)-②, or the number.</summary>
    [JsonIgnore] public string Printed => Numbering.Printed(Label, Number);

    /// <summary>The id unique within the plan, used in its URL: <see cref="Id"/>, or the number.</summary>
    [JsonIgnore] public string Key => Numbering.Key(Id, Number);

    [RequiredField, Label("名称")]
    public string Title { get; init; } = "";

    [Label("新規")]
    public bool IsNew { get; init; }

    [Label("担当課")]
    public IReadOnlyList<string> Departments { get; init; } = [];

    [References(ReferenceKind.Topic), Label("トピック", Hint = "content/topics.yml のID。最初が主なトピック")]
    public IReadOnlyList<string> Topics { get; init; } = [];

    [Markdown, Label("取組内容")]
    public string? Content { get; init; }

    [Multiline, Label("現状")]
    public string? CurrentState { get; init; }

    [Multiline, Label("目指す姿(計画最終年度)")]
    public string? TargetState { get; init; }

    [Multiline, Label("現状と目指す姿の注記", Hint = "図から文を読み取ったときの読み方など、読者向けに")]
    public string? StateNote { get; init; }

    [FiscalYear, Label("目指す姿の年度(西暦)")]
    public int? TargetStateFy { get; init; }

    [Between(1, 9999), Label("掲載ページ")]
    public int? Page { get; init; }

    [Multiline, Label("備考", Hint = "出典の読み取りに曖昧さがある場合などに記載")]
    public string? Note { get; init; }

    [Label("指標・事業計画"), Summary("{{fields.kind}} {{fields.name}}")]
    public IReadOnlyList<Indicator> Indicators { get; init; } = [];

    [Label("取組実績・取組計画"), Summary("{{fields.fy}} {{fields.type}}")]
    public IReadOnlyList<Activity> Activities { get; init; } = [];
}

[JsonConverter(typeof(YamlNamedEnumConverter<ActivityType>))]
public enum ActivityType
{
    [Label("取組実績")] Result,
    [Label("取組計画")] Plan,
}

/// <summary>Koto-style yearly bullet lists: what was done (実績) and what is planned (計画).</summary>
public sealed record Activity
{
    [RequiredField, FiscalYear, Label("年度(西暦)")]
    public int Fy { get; init; }

    [FiscalYear, Label("終了年度(西暦)", Hint = "複数年度にまたがる計画欄のとき")]
    public int? Until { get; init; }

    [RequiredField, Label("種別", Hint = "result = 取組実績、plan = 取組計画")]
    public ActivityType Type { get; init; }

    [Label("見出しの表記", Hint = "計画書の見出しが年度と違うとき(令和8年度取組計画 など)")]
    public string? Heading { get; init; }

    [Label("出典の版", Hint = "この欄を載せた版のID(sources の id)。空欄なら計画本体")]
    public string? Source { get; init; }

    [Label("項目"), Summary("{{fields.text}}")]
    public IReadOnlyList<ActivityItem> Items { get; init; } = [];

    [Multiline, Label("備考")]
    public string? Note { get; init; }
}

public sealed record ActivityItem
{
    [RequiredField, Label("内容")]
    public string Text { get; init; } = "";

    [Label("注記", Hint = "※R9年度まで実施予定 など")]
    public string? Note { get; init; }

    [Label("再掲")]
    public bool Relisted { get; init; }
}
