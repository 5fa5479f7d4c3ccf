using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DxCompare.Sheets;
using DxCompare.Tests.Support;

namespace DxCompare.Tests.Sheets;

/// <summary>An exported workbook in a temporary content copy, and the edits a staff member makes in Excel.</summary>
public sealed class WorkbookFile : IDisposable
{
    public WorkbookFile(string slug)
    {
        Content = new TempContent(copyRealContent: true);
        Path = System.IO.Path.Combine(Content.Directory, slug + ".xlsx");
        var loaded = Content.Load();
        SheetExport.Write(loaded.Content!.Plans.Single(p => p.Municipality.Slug == slug), loaded.Content, Path);
    }

    /// <summary>A template for a new municipality in a copy of the real content.</summary>
    public WorkbookFile(DxCompare.Content.ScaffoldRequest template)
    {
        Content = new TempContent(copyRealContent: true);
        Path = System.IO.Path.Combine(Content.Directory, template.Slug + ".xlsx");
        SheetExport.WriteTemplate(template, Content.Load().Content!, Path);
    }

    public TempContent Content { get; }
    public string Path { get; }
    public string FileName => System.IO.Path.GetFileName(Path);

    public IReadOnlyList<SheetCells> Read() => XlsxReader.Read(Path, out _)!;

    public SheetCells Sheet(string name) => Read().Single(s => s.Name == name);

    /// <summary>The (row, column) of the first cell of a sheet whose text is <paramref name="text"/>.</summary>
    public (int Row, int Column) Find(string sheet, string text) =>
        Sheet(sheet).Rows.Values.SelectMany(r => r.Values).Where(c => c.Text == text).Select(c => (c.Row, c.Column)).First();

    public int ColumnOf(string sheet, string header) => Sheet(sheet).Rows[1].Values.Single(c => c.Text == header).Column;

    public ImportResult Import(bool write = true) => SheetImport.Run(Path, Content.Directory, write);

    public IReadOnlyList<string> Problems() => [.. Import(write: false).Problems.Select(p => p.ToString())];

    public void Edit(Action<SpreadsheetDocument> edit)
    {
        using var document = SpreadsheetDocument.Open(Path, true);
        edit(document);
        document.WorkbookPart!.Workbook.Save();
    }

    public static Worksheet Worksheet(SpreadsheetDocument document, string sheet)
    {
        var workbook = document.WorkbookPart!;
        var id = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet).Id!.Value!;
        return ((WorksheetPart)workbook.GetPartById(id)).Worksheet;
    }

    public static Cell CellAt(Worksheet worksheet, string reference)
    {
        var (rowNumber, _) = CellRef.Parse(reference);
        var data = worksheet.GetFirstChild<DocumentFormat.OpenXml.Spreadsheet.SheetData>()!;
        var row = data.Elements<Row>().FirstOrDefault(r => r.RowIndex!.Value == rowNumber);
        if (row is null)
        {
            row = new Row { RowIndex = (uint)rowNumber };
            var after = data.Elements<Row>().LastOrDefault(r => r.RowIndex!.Value < rowNumber);
            if (after is null) data.PrependChild(row);
            else after.InsertAfterSelf(row);
        }
        var cell = row.Elements<Cell>().FirstOrDefault(c => c.CellReference == reference);
        if (cell is not null) return cell;
        cell = new Cell { CellReference = reference };
        var next = row.Elements<Cell>().FirstOrDefault(c => CellRef.Parse(c.CellReference!.Value!).Column > CellRef.Parse(reference).Column);
        if (next is null) row.Append(cell);
        else next.InsertBeforeSelf(cell);
        return cell;
    }

    /// <summary>Types text into a cell, as Excel stores it in a text-formatted cell.</summary>
    public void Type(string sheet, string reference, string text) => Edit(document =>
    {
        var cell = CellAt(Worksheet(document, sheet), reference);
        cell.CellValue = null;
        cell.CellFormula = null;
        cell.DataType = CellValues.InlineString;
        cell.InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    });

    /// <summary>Types a number, as Excel stores it in a General cell.</summary>
    public void TypeNumber(string sheet, string reference, string number, uint style = 0) => Edit(document =>
    {
        var cell = CellAt(Worksheet(document, sheet), reference);
        cell.InlineString = null;
        cell.DataType = null;
        cell.StyleIndex = style;
        cell.CellValue = new CellValue(number);
    });

    public void Formula(string sheet, string reference, string formula, string cached) => Edit(document =>
    {
        var cell = CellAt(Worksheet(document, sheet), reference);
        cell.InlineString = null;
        cell.DataType = null;
        cell.CellFormula = new CellFormula(formula);
        cell.CellValue = new CellValue(cached);
    });

    /// <summary>A date, as Excel stores 2025/4/1 typed into a cell: a serial number with a date format.</summary>
    public void TypeDate(string sheet, string reference, DateTime date) => Edit(document =>
    {
        var styles = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        styles.CellFormats!.Append(new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true });
        styles.CellFormats.Count = (uint)styles.CellFormats.ChildElements.Count;
        var cell = CellAt(Worksheet(document, sheet), reference);
        cell.InlineString = null;
        cell.DataType = null;
        cell.StyleIndex = (uint)styles.CellFormats.ChildElements.Count - 1;
        cell.CellValue = new CellValue(date.ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture));
    });

    public void Merge(string sheet, string range) => Edit(document =>
    {
        var worksheet = Worksheet(document, sheet);
        var merges = new MergeCells(new MergeCell { Reference = range });
        worksheet.InsertAfter(merges, worksheet.GetFirstChild<DocumentFormat.OpenXml.Spreadsheet.SheetData>());
    });

    public void HideRow(string sheet, int row) => Edit(document =>
    {
        var data = Worksheet(document, sheet).GetFirstChild<DocumentFormat.OpenXml.Spreadsheet.SheetData>()!;
        data.Elements<Row>().Single(r => r.RowIndex!.Value == row).Hidden = true;
    });

    public void RenameSheet(string from, string to) => Edit(document =>
        document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == from).Name = to);

    public void DeleteSheet(string name) => Edit(document =>
    {
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        workbook.DeletePart(workbook.GetPartById(sheet.Id!.Value!));
        sheet.Remove();
    });

    public void AddSheet(string name) => Edit(document =>
    {
        var workbook = document.WorkbookPart!;
        var part = workbook.AddNewPart<WorksheetPart>();
        part.Worksheet = new Worksheet(new DocumentFormat.OpenXml.Spreadsheet.SheetData(new Row(new Cell { CellReference = "A1", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("メモ")) }) { RowIndex = 1 }));
        var sheets = workbook.Workbook.Sheets!;
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)sheets.ChildElements.Count + 10, Name = name });
    });

    /// <summary>Moves column <paramref name="a"/> to <paramref name="b"/> and back, header and data, as dragging columns in Excel does.</summary>
    public void SwapColumns(string sheet, string a, string b) => Edit(document =>
    {
        var data = Worksheet(document, sheet).GetFirstChild<DocumentFormat.OpenXml.Spreadsheet.SheetData>()!;
        foreach (var row in data.Elements<Row>())
        {
            var cells = row.Elements<Cell>().ToList();
            foreach (var cell in cells)
            {
                var (r, column) = CellRef.Parse(cell.CellReference!.Value!);
                var letter = CellRef.Column(column);
                if (letter == a) cell.CellReference = b + r;
                else if (letter == b) cell.CellReference = a + r;
            }
            foreach (var cell in cells) cell.Remove();
            row.Append(cells.OrderBy(c => CellRef.Parse(c.CellReference!.Value!).Column));
        }
    });

    public byte[] PlanBytes(string slug) => File.ReadAllBytes(System.IO.Path.Combine(Content.Directory, "plans", slug + ".yml"));

    public void Dispose() => Content.Dispose();
}
