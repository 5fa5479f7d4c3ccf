using DxCompare.Content;
using DxCompare.Sheets;

namespace DxCompare.Tests.Sheets;

public class SheetTemplateTests
{
    private static readonly ScaffoldRequest Minato = new("131032", "港区", "minato", ["目標", "施策", "取組"], 2026, 2028);

    [Fact]
    public void The_first_sheet_explains_in_japanese_and_every_sheet_has_an_example_row()
    {
        using var book = new WorkbookFile(Minato);
        var sheets = book.Read();
        Assert.Equal("説明", sheets[0].Name);
        Assert.Equal("港区 港区DX推進計画 — 入力用ブック", sheets[0].Text(1, 1));
        Assert.Contains(sheets[0].Rows.Values.SelectMany(r => r.Values), c => c.Text.StartsWith("年度: R7、令和7年度、2025 のどれでも", StringComparison.Ordinal));
        foreach (var sheet in sheets.Where(s => s.Name is not ("説明" or "計画" or "選択肢")))
            Assert.StartsWith("例）", sheet.Text(2, 1), StringComparison.Ordinal);
        var form = book.Sheet("計画");
        string Value(string key) => form.Rows.Values.Single(r => r.TryGetValue(4, out var k) && k.Text == key)[3].Text;
        Assert.Equal(("131032", "港区", "東京都", "minato", "目標", "施策"), (Value("municipality.code"), Value("municipality.name"), Value("municipality.prefecture"), Value("municipality.slug"), Value("labels.pillar"), Value("labels.policy")));
        Assert.Equal("令和8年度\n(2026)", book.Sheet("年度別の値").Text(1, book.ColumnOf("年度別の値", "令和8年度\n(2026)")));
    }

    [Fact]
    public void An_untouched_template_imports_as_a_draft()
    {
        using var book = new WorkbookFile(Minato);
        var result = book.Import();
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.True(result.Plan!.Draft);
        Assert.Empty(result.Plan.Pillars);
        Assert.Contains("draft: true\n", File.ReadAllText(Path.Combine(book.Content.Directory, "plans", "minato.yml")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_without_its_draft_mark_says_where_the_plan_is_missing()
    {
        using var book = new WorkbookFile(Minato);
        book.Type("計画", $"C{book.Find("計画", "draft").Row}", "");
        var problems = book.Problems();
        Assert.Equal(2, problems.Count);
        Assert.Equal("minato.xlsx!目標: missing required field 'pillars' (柱(目標・視点)) in document. Add 'pillars:' with its fields.", problems[0]);
        Assert.StartsWith("minato.xlsx!基本理念・目指す姿など!B3: 'text' still holds the placeholder", problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_filled_template_becomes_a_valid_plan_file()
    {
        using var book = new WorkbookFile(Minato);
        void Row(string sheet, params (string Header, string Text)[] cells)
        {
            foreach (var (header, text) in cells) book.Type(sheet, CellRef.Of(3, book.ColumnOf(sheet, header)), text);
        }
        Row("目標", ("番号", "1"), ("名称", "便利な区役所"));
        Row("施策", ("所属", "目標1"), ("番号", "1"), ("名称", "手続のオンライン化"));
        Row("取組", ("所属", "施策1"), ("番号", "1"), ("名称", "電子申請の拡充"), ("新規", "○"), ("担当課", "区政情報課、各課"), ("トピック1", "オンライン手続"));
        Row("指標", ("No.", "1"), ("所属", "取組1"), ("指標名", "電子申請の手続数"), ("種別", "事業計画"), ("単位", "件"));
        Row("年度別の値", ("指標No.", "1"), ("種別", "目標値"), ("令和8年度\n(2026)", "１，２００件"), ("令和9年度\n(2027)", "推進"));

        var result = book.Import();
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var text = File.ReadAllText(Path.Combine(book.Content.Directory, "plans", "minato.yml"));
        Assert.Contains("""
                initiatives:
                  - number: 1
                    title: 電子申請の拡充
                    is_new: true
                    departments: [区政情報課, 各課]
                    topics: [online-procedures]
                    indicators:
                      - name: 電子申請の手続数
                        kind: 事業計画
                        unit: 件
                        values:
                          - {fy: 2026, type: target, value: 1200}
                          - {fy: 2027, type: target, status: 推進}
        """, text, StringComparison.Ordinal);
        Assert.Empty(book.Content.Problems());
    }
}
