using DxCompare.Content;
using DxCompare.Model;

namespace DxCompare.Sheets;

/// <summary>The Japanese text of a workbook's first sheet (説明): how to fill it in and how each column is read.</summary>
public static class SheetGuide
{
    public const string ImportCommand = "dotnet run --project src/DxCompare -- sheet import";

    public static IEnumerable<string> Lines(Plan plan, WorkbookLayout layout, bool template)
    {
        var sheets = string.Join("、", layout.SheetNames.Skip(1).Select(s => $"「{s}」"));
        yield return template
            ? "この計画の内容を、計画書のとおりに各シートへ入力してください。入力が終わったら、下のコマンドで読み込むと、問題のあるセルが一度にすべて表示されます。"
            : "このブックは公開中の計画から書き出したものです。値を直したり、翌年度の実績を書き足したりして、下のコマンドで読み込むと、変えたところだけがYAMLファイルに反映されます。";
        yield return $"シート: {sheets}。シートの名前と1行目の見出しは変えないでください(列の順番は入れ替えても構いません)。";
        yield return $"読み込み: {ImportCommand} ファイル名.xlsx (問題はすべて「ファイル名.xlsx!シート!セル: 内容」の形で表示され、1つでも問題があれば何も書き込みません)";
        yield return "年度: R7、令和7年度、2025 のどれでも令和7年度(2025年度)と読みます。全角の数字も読めます。日付(2025/4/1 など)は年度として読みません。";
        yield return $"「{WorkbookLayout.GridSheetName}」の値は計画書の表記のまま書きます: 5,500人、5.0%未満、40%、90人（累計）、毎年度70人。数値の代わりの語(推進、実施、— など)は一覧から選べます。単位は「指標」シートの単位と同じにします。";
        yield return $"注記は値の右の「注記」の列に書きます。灰色の列は参照用で、読み込みません。{CellText.Yes} は「はい」(新規、再掲など)の印です。";
        yield return $"行の追加: 各シートの最後の行の下に書き足します。「{WorkbookLayout.OwnerHeader}」にはその行が属するもの(計画、{LevelExamples(plan)})を書きます。";
        yield return $"「{WorkbookLayout.ExampleMark}」で始まる行は記入例で、読み込みません。";
        yield return "セルの結合、数式、行の非表示、シートの追加は使わないでください(読み込み時にエラーになります)。パスワードを付けずに .xlsx 形式で保存してください。";
    }

    private static string LevelExamples(Plan plan) =>
        string.Join("、", new[] { typeof(Pillar), typeof(Policy), typeof(Initiative) }
            .Select(t => WorkbookLayout.LevelName(plan.Labels, t)).OfType<string>().Select(l => l + "1"));

    public static string ColumnHelp(SheetColumn column, Plan plan) => column.Kind switch
    {
        ColumnKind.Number => "行の番号。「年度別の値」の行はこの番号で指標を指します。新しい行には未使用の番号を付けます。",
        ColumnKind.Owner => $"この行が属するもの: 計画、{LevelExamples(plan)} など。",
        ColumnKind.Info => "参考(読み込みません)。",
        ColumnKind.RowKind => "基準値・現況、目標値、実績値のどれか。種類ごとに1行。",
        ColumnKind.YearValue => "その年度の値を計画書の表記のまま(5,500人、5.0%未満、推進、—)。値のない年度は空欄。",
        _ => Help(column.Field!),
    };

    private static string Help(FieldSpec field)
    {
        var parts = new List<string>();
        if (field.Required) parts.Add("必須");
        if (field.Hint is { } hint) parts.Add(hint);
        parts.Add(field.Shape switch
        {
            FieldShape.Integer when field.FiscalYear is not null => "年度(R8、令和8年度、2026)",
            FieldShape.Integer => "整数",
            FieldShape.Boolean => $"{CellText.Yes} か空欄",
            FieldShape.Enum => "一覧から選ぶ",
            FieldShape.TextList => "「、」区切り",
            _ when field.Markdown => "複数行可(箇条書きは「- 」で始める)",
            _ when field.Multiline => "複数行可",
            _ => "文字",
        });
        return string.Join("。", parts) + "。";
    }
}
