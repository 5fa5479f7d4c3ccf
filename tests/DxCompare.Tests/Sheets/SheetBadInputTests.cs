using System.Text;
using DxCompare.Sheets;

namespace DxCompare.Tests.Sheets;

/// <summary>Each bad workbook gets located messages, nothing is written and nothing crashes.</summary>
public class SheetBadInputTests
{
    private static IReadOnlyList<string> ProblemsAfter(string slug, Action<WorkbookFile> edit)
    {
        using var book = new WorkbookFile(slug);
        var before = book.PlanBytes(slug);
        edit(book);
        var result = book.Import();
        Assert.False(result.Succeeded);
        Assert.Equal(before, book.PlanBytes(slug));
        return [.. result.Problems.Select(p => p.ToString())];
    }

    [Fact]
    public void A_missing_sheet()
    {
        Assert.Equal(
            ["koto.xlsx!取組: the sheet 「取組」 is missing. Keep every sheet of the exported workbook (an empty sheet keeps its header row). Sheets expected: 説明、計画、視点、取組、基本理念・目指す姿など、出典(版)、指標、年度別の値、取組実績・取組計画."],
            ProblemsAfter("koto", book => book.DeleteSheet("取組")));
    }

    [Fact]
    public void A_renamed_sheet_is_recognised()
    {
        var problems = ProblemsAfter("koto", book => book.RenameSheet("取組", "取り組み"));
        Assert.Contains("koto.xlsx!取組: the sheet 「取組」 is missing; the sheet 「取り組み」 looks like it renamed. Rename it back to 「取組」.", problems);
    }

    [Fact]
    public void A_renamed_column()
    {
        var problems = ProblemsAfter("koto", book => book.Type("視点", "D1", "タイトル"));
        Assert.Equal(
            [
                "koto.xlsx!視点!D1: unknown column 「タイトル」. Keep the headers as exported (columns may be moved, not renamed). Columns of this sheet: 番号、番号の表記、ID、名称、説明、将来像、掲載ページ.",
                "koto.xlsx!視点!1:1: the column 「名称」 is missing (was it renamed or deleted?). Add it back with exactly this header; the order of columns does not matter.",
            ],
            problems);
    }

    [Fact]
    public void Reordered_columns_are_read_by_their_headers()
    {
        using var book = new WorkbookFile("taito");
        book.SwapColumns("取組", "B", "D");
        book.SwapColumns("年度別の値", "E", "G");
        var result = book.Import();
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.False(result.Changed);
    }

    [Fact]
    public void Merged_cells()
    {
        Assert.Equal(
            ["koto.xlsx!取組!B2: cells B2:C2 are merged. Unmerge them (ホーム → セルを結合して中央揃え を解除) and write each value in its own cell; a value that covers several years goes in each year's cell."],
            ProblemsAfter("koto", book => book.Merge("取組", "B2:C2")));
    }

    [Fact]
    public void A_formula()
    {
        Assert.Equal(
            ["koto.xlsx!年度別の値!F2: the cell holds a formula (=SUM(6,6)). Type the value as the plan prints it instead; a figure must be transcribed, not computed."],
            ProblemsAfter("koto", book => book.Formula("年度別の値", "F2", "SUM(6,6)", "12")));
    }

    [Fact]
    public void A_date_where_a_fiscal_year_belongs()
    {
        var problems = ProblemsAfter("koto", book =>
        {
            var row = book.Find("計画", "period.start").Row;
            book.TypeDate("計画", $"C{row}", new DateTime(2025, 4, 1));
        });
        Assert.True(problems.Count == 1, string.Join("\n", problems));
        Assert.Matches(@"^koto\.xlsx!計画!C\d+: a date \(2025-04-01\) is typed where a fiscal year belongs\. Write the fiscal year: 令和7年度（2025年度）, R7 or 2025\.$", problems[0]);
    }

    [Fact]
    public void A_hidden_row()
    {
        Assert.Equal(
            ["koto.xlsx!取組!3:3: row 3 is hidden. Unhide it (select the rows around it → right-click → 再表示) or delete it: a hidden row would be imported unseen."],
            ProblemsAfter("koto", book => book.HideRow("取組", 3)));
    }

    [Fact]
    public void An_extra_sheet()
    {
        Assert.Equal(
            ["koto.xlsx!メモ: the workbook has a sheet 「メモ」 that is not part of a plan workbook, so its content would be lost. Move what it holds to the sheets 計画、視点、取組、基本理念・目指す姿など、出典(版)、指標、年度別の値、取組実績・取組計画, then delete it."],
            ProblemsAfter("koto", book => book.AddSheet("メモ")));
    }

    [Theory]
    [InlineData("password", "koto.xlsx: the workbook is password-protected (encrypted), so it cannot be read.")]
    [InlineData("xls", "koto.xlsx: the file is an Excel 97-2003 workbook (.xls), not .xlsx.")]
    [InlineData("csv", "koto.xlsx: the file is a CSV (text) file renamed to .xlsx, not a workbook.")]
    [InlineData("png", "koto.xlsx: the file is not an Excel workbook (.xlsx).")]
    [InlineData("zip", "koto.xlsx: the file is a zip package but not an Excel workbook")]
    [InlineData("empty", "koto.xlsx: the file is empty.")]
    public void Files_that_are_not_workbooks(string kind, string message)
    {
        var problems = ProblemsAfter("koto", book => File.WriteAllBytes(book.Path, kind switch
        {
            "password" => CompoundFile("EncryptionInfo"),
            "xls" => CompoundFile("Workbook"),
            "csv" => Encoding.UTF8.GetBytes("取組,名称\n1,窓口改革の推進\n"),
            "png" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D],
            "zip" => Zip(),
            _ => [],
        }));
        Assert.Single(problems);
        Assert.StartsWith(message, problems[0], StringComparison.Ordinal);
    }

    /// <summary>An OLE compound file (the container of .xls and of encrypted .xlsx) naming one stream.</summary>
    private static byte[] CompoundFile(string stream) =>
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504], .. Encoding.Unicode.GetBytes(stream), .. new byte[64]];

    private static byte[] Zip()
    {
        using var memory = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(memory, System.IO.Compression.ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write("<w:document/>");
        }
        return memory.ToArray();
    }

    [Fact]
    public void Every_problem_of_a_workbook_in_one_run_with_what_to_write()
    {
        var problems = ProblemsAfter("taito", book =>
        {
            var code = book.Find("計画", "municipality.code").Row;
            book.Type("計画", $"C{code}", "131066");
            var (row, column) = book.Find("年度別の値", "5,500人");
            book.Type("年度別の値", CellRef.Of(row, column), "5,500件");
            var (row2, column2) = book.Find("年度別の値", "34%");
            book.Type("年度別の値", CellRef.Of(row2, column2), "策定中");
            book.Type("取組", $"{CellRef.Column(book.ColumnOf("取組", "番号"))}3", "1");
            book.Type("指標", $"{CellRef.Column(book.ColumnOf("指標", "望ましい方向"))}2", "高い");
        });
        Assert.Equal(
            [
                "taito.xlsx!指標!J2: 「高い」 is not a choice of 望ましい方向. Write one of 高いほど良い、低いほど良い.",
                "taito.xlsx!指標!B7: 「取組2」 names no row of this workbook. Write 計画、目標、施策、取組 with the number of a row on its sheet (e.g. 目標1). Did you mean '取組1'?",
                "taito.xlsx!年度別の値!G34: 「5,500件」 does not read as a value of this indicator (unit 人). Write it as printed with the indicator's unit, e.g. 5,500人, optionally with one of 未満、以上、累計、毎年度、約、目途、—.",
                "taito.xlsx!計画!C2: 'code' 131066 has a wrong check digit: the 6th digit of a 全国地方公共団体コード starting 13106 must be 7 (131067). Check the code against the official list.",
                "taito.xlsx!年度別の値!I10: unknown status word '策定中'. Add it to content/vocabulary.yml under 'status_words' as '- {word: 策定中, class: …}' with the shared class it compares as, one of planning (検討・準備), trial (試行), implementation (実施・導入), operation (運用・推進・継続), expansion (拡充), completed (完了), none (記載なし). Keep the word as the plan prints it.",
                "taito.xlsx!取組!B3: duplicate 取組 number 1 in 施策1 (already used at 取組!B2). Number each 取組 as the plan does; numbers must be unique within their parent.",
            ],
            problems);
    }
}
