using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DxCompare.Sheets;
using DxCompare.Tests.Support;

namespace DxCompare.Tests.Sheets;

public class SheetExportTests
{
    [Fact]
    public void The_same_plan_is_written_byte_for_byte_twice()
    {
        // Fixed relationship ids and zip entry times: a rebuild changes no download it does not need to.
        static byte[] Bytes()
        {
            using var stream = new MemoryStream();
            SheetExport.Write(Repository.Plan("taito"), Repository.Content, stream);
            return stream.ToArray();
        }
        var first = Bytes();
        Thread.Sleep(2100);
        Assert.Equal(first, Bytes());
        using var document = SpreadsheetDocument.Open(new MemoryStream(first), false);
        Assert.Equal(11, document.WorkbookPart!.WorksheetParts.Count());
    }

    [Fact]
    public void Text_keeps_its_spaces_and_line_breaks_and_only_such_text_is_marked_to_keep_them()
    {
        string[] texts = ["窓口改革の推進", "  字下げ", "末尾 ", "一行目\n二行目", "二つの  空白", "tab\there"];
        var book = new XlsxWriter();
        var sheet = book.AddSheet("取組");
        for (var i = 0; i < texts.Length; i++) sheet.Text(i + 1, 1, texts[i], CellLook.Text);
        using var content = new TempContent();
        var path = Path.Combine(content.Directory, "book.xlsx");
        book.Save(path);

        Assert.Equal(texts, XlsxReader.Read(path, out _)!.Single().Rows.Values.Select(row => row[1].Text));
        using var zip = System.IO.Compression.ZipFile.OpenRead(path);
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var xml = reader.ReadToEnd();
        Assert.Contains("<t>窓口改革の推進</t>", xml);
        Assert.Equal(texts.Length - 1, xml.Split("<t xml:space=\"preserve\">").Length - 1);
    }

    [Fact]
    public void Taito_sheets_are_named_with_its_own_levels()
    {
        using var book = new WorkbookFile("taito");
        Assert.Equal(["説明", "計画", "目標", "施策", "取組", "基本理念・目指す姿など", "出典(版)", "指標", "年度別の値", "取組実績・取組計画", "選択肢"], book.Read().Select(s => s.Name));
        Assert.True(book.Read().Single(s => s.Name == "選択肢").Hidden);
    }

    [Fact]
    public void Koto_has_no_policy_sheet_and_names_its_pillars_視点()
    {
        using var book = new WorkbookFile("koto");
        var names = book.Read().Select(s => s.Name).ToList();
        Assert.Contains("視点", names);
        Assert.DoesNotContain("施策", names);
        Assert.DoesNotContain("目標", names);
    }

    [Fact]
    public void Fiscal_year_columns_are_headed_in_wareki_with_seireki()
    {
        using var book = new WorkbookFile("taito");
        var headers = book.Sheet("年度別の値").Rows[1].Values.Select(c => c.Text).ToList();
        Assert.Equal(["指標No.", "所属(参考)", "指標名(参考)", "種別", "令和7年度\n(2025)", "令和7年度\n(2025) 注記", "令和8年度\n(2026)"], headers.Take(7));
        Assert.Contains("令和10年度\n(2028)", headers);
    }

    [Fact]
    public void Values_are_written_as_printed()
    {
        using var book = new WorkbookFile("taito");
        var grid = book.Sheet("年度別の値");
        string[] Row(string owner, string name, string kind) => [.. grid.Rows.Values
            .Single(r => r.Values.Any(c => c.Text == owner) && r.Values.Any(c => c.Text == name) && r.Values.Any(c => c.Text == kind))
            .Values.Where(c => c.Column > 4).Select(c => c.Text)];

        Assert.Equal(["27%", "34%", "40%"], Row("取組1", "行政手続きのオンライン手続き比率", "目標値"));
        Assert.Equal(["20%"], Row("施策1", "行政手続きのオンライン手続き比率", "基準値・現況"));
        Assert.Equal(["推進", "推進", "推進"], Row("取組2", "オンライン相談対象事業の拡充", "目標値"));
        var printed = grid.Rows.Values.SelectMany(r => r.Values).Select(c => c.Text).ToHashSet();
        Assert.Contains("5,500人", printed);
        Assert.Contains("5.0%未満", printed);
        Assert.Contains("20.0点以上", printed);
    }

    [Fact]
    public void Notes_sit_beside_the_value_they_qualify()
    {
        using var book = new WorkbookFile("koto");
        var grid = book.Sheet("年度別の値");
        var (row, column) = book.Find("年度別の値", "12.1%");
        Assert.Equal("令和6年度\n(2024) 注記", grid.Text(1, column + 1));
        Assert.Equal("令和6年度実績値", grid.Text(row, column + 1));
    }

    [Fact]
    public void The_plan_sheet_is_a_form_of_every_plan_field_with_labels_and_keys()
    {
        using var book = new WorkbookFile("koto");
        var form = book.Sheet("計画");
        var code = form.Rows.Values.Single(r => r.TryGetValue(4, out var key) && key.Text == "municipality.code");
        Assert.Equal(("自治体", "全国地方公共団体コード *", "131083"), (code[1].Text, code[2].Text, code[3].Text));
        var start = form.Rows.Values.Single(r => r.TryGetValue(4, out var key) && key.Text == "period.start");
        Assert.Equal("令和7年度（2025年度）", start[3].Text);
    }

    [Fact]
    public void Cells_offer_the_model_s_choices_as_drop_down_lists()
    {
        using var book = new WorkbookFile("taito");
        using var document = SpreadsheetDocument.Open(book.Path, false);
        var lists = book.Sheet("選択肢");
        var columns = lists.Rows[1].Values.ToDictionary(c => c.Text, c => c.Column);
        IEnumerable<string> Words(string key) => lists.Rows.Values.Skip(1).Where(r => r.ContainsKey(columns[key])).Select(r => r[columns[key]].Text);
        Assert.Equal(["検討", "試行検討", "試行"], Words("状態").Take(3));
        Assert.Equal(["未満", "以上", "累計", "毎年度", "約", "目途", "—"], Words("qualifiers"));
        Assert.Contains("オンライン手続", Words("Topic"));
        Assert.Equal(["高いほど良い", "低いほど良い"], Words("望ましい方向(Direction)"));

        var indicators = WorkbookFile.Worksheet(document, "指標");
        var validations = indicators.Descendants<DataValidation>().ToList();
        var direction = validations.Single(v => v.SequenceOfReferences!.InnerText!.StartsWith(DxCompare.Sheets.CellRef.Column(book.ColumnOf("指標", "望ましい方向")) + "2", StringComparison.Ordinal));
        Assert.True(direction.ShowErrorMessage!.Value);
        Assert.StartsWith("'選択肢'!$", direction.Formula1!.Text, StringComparison.Ordinal);
    }
}
