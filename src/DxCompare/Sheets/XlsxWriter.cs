using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DxCompare.Sheets;

/// <summary>How a written cell looks; the index is the cell format in the workbook's style sheet.</summary>
public enum CellLook
{
    Plain = 0,
    Header = 1,
    /// <summary>Text typed as is (number format @), wrapped: values as printed, notes, Markdown.</summary>
    Text = 2,
    /// <summary>For reading only: repeated from another sheet, not imported.</summary>
    Reference = 3,
    Title = 4,
    /// <summary>An example row of the template.</summary>
    Example = 5,
}

/// <summary>A thin layer over DocumentFormat.OpenXml that writes the few things workbooks here need.</summary>
public sealed class XlsxWriter
{
    private readonly List<SheetWriter> _sheets = [];

    public SheetWriter AddSheet(string name, bool hidden = false)
    {
        var sheet = new SheetWriter(name, hidden);
        _sheets.Add(sheet);
        return sheet;
    }

    public void Add(SheetWriter sheet) => _sheets.Add(sheet);

    public void Save(Stream stream)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Styles();
        var sheets = workbookPart.Workbook.AppendChild(new DocumentFormat.OpenXml.Spreadsheet.Sheets());
        uint id = 1;
        foreach (var sheet in _sheets)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            part.Worksheet = sheet.Build();
            sheets.Append(new Sheet
            {
                Id = workbookPart.GetIdOfPart(part),
                SheetId = id++,
                Name = sheet.Name,
                State = sheet.Hidden ? SheetStateValues.Hidden : null,
            });
        }
        var firstVisible = _sheets.FindIndex(s => !s.Hidden);
        workbookPart.Workbook.InsertAt(new BookViews(new WorkbookView { ActiveTab = (uint)Math.Max(0, firstVisible) }), 0);
        workbookPart.Workbook.Save();
    }

    public void Save(string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite);
        Save(stream);
    }

    private static Stylesheet Styles()
    {
        var fonts = new Fonts(
            new Font(new FontSize { Val = 11 }),
            new Font(new Bold(), new FontSize { Val = 11 }),
            new Font(new Bold(), new FontSize { Val = 14 }),
            new Font(new Italic(), new FontSize { Val = 11 }, new Color { Rgb = "FF595959" }));
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9E1F2" }) { PatternType = PatternValues.Solid }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFEDEDED" }) { PatternType = PatternValues.Solid }));
        var borders = new Borders(new Border());
        var top = new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true };
        CellFormat Format(uint font, uint fill, uint numberFormat = 0) => new(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true })
        {
            FontId = font,
            FillId = fill,
            BorderId = 0,
            NumberFormatId = numberFormat,
            ApplyFont = font != 0,
            ApplyFill = fill != 0,
            ApplyNumberFormat = numberFormat != 0,
            ApplyAlignment = true,
        };
        // Order matches CellLook.
        var formats = new CellFormats(
            new CellFormat(top.CloneNode(true)) { FontId = 0, FillId = 0, BorderId = 0, ApplyAlignment = true },
            Format(1, 2),
            Format(0, 0, 49),
            Format(0, 3, 49),
            Format(2, 0),
            Format(3, 0, 49));
        return new Stylesheet(fonts, fills, borders, new CellStyleFormats(new CellFormat()), formats);
    }
}

/// <summary>One worksheet being written: cells by row and column (1-based), widths, lists to choose from.</summary>
public sealed class SheetWriter(string name, bool hidden)
{
    private readonly SortedDictionary<int, SortedDictionary<int, Cell>> _rows = [];
    private readonly Dictionary<int, double> _widths = [];
    private readonly List<DataValidation> _validations = [];

    public string Name { get; } = name;
    public bool Hidden { get; } = hidden;
    public int FrozenRows { get; set; }
    public int FrozenColumns { get; set; }
    public int LastRow => _rows.Count == 0 ? 0 : _rows.Keys.Max();

    public void Width(int column, double width) => _widths[column] = width;

    public void Text(int row, int column, string? text, CellLook look = CellLook.Plain)
    {
        if (string.IsNullOrEmpty(text) && look == CellLook.Plain) return;
        var cell = new Cell { CellReference = CellRef.Of(row, column), StyleIndex = (uint)look };
        if (!string.IsNullOrEmpty(text))
        {
            cell.DataType = CellValues.InlineString;
            cell.InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        }
        Put(row, column, cell);
    }

    public void Number(int row, int column, decimal value, CellLook look = CellLook.Plain) =>
        Put(row, column, new Cell
        {
            CellReference = CellRef.Of(row, column),
            StyleIndex = (uint)(look == CellLook.Text ? CellLook.Plain : look),
            CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)),
        });

    /// <summary>A drop-down list on a range, from a range of the lists sheet. Strict lists refuse other input; others only offer.</summary>
    public void Choices(string range, string source, bool strict, string prompt)
    {
        _validations.Add(new DataValidation
        {
            Type = DataValidationValues.List,
            AllowBlank = true,
            ShowInputMessage = true,
            ShowErrorMessage = strict,
            ErrorStyle = DataValidationErrorStyleValues.Stop,
            PromptTitle = Clip("入力", 32),
            Prompt = Clip(prompt, 255),
            ErrorTitle = "選択肢にない値",
            Error = Clip(prompt, 225),
            SequenceOfReferences = new ListValue<StringValue> { InnerText = range },
            Formula1 = new Formula1(source),
        });
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];

    private void Put(int row, int column, Cell cell)
    {
        if (!_rows.TryGetValue(row, out var cells)) _rows[row] = cells = [];
        cells[column] = cell;
    }

    internal Worksheet Build()
    {
        var worksheet = new Worksheet();
        if (FrozenRows > 0 || FrozenColumns > 0)
        {
            var pane = new Pane
            {
                State = PaneStateValues.Frozen,
                TopLeftCell = CellRef.Of(FrozenRows + 1, FrozenColumns + 1),
                ActivePane = FrozenColumns > 0 ? PaneValues.BottomRight : PaneValues.BottomLeft,
            };
            if (FrozenRows > 0) pane.VerticalSplit = FrozenRows;
            if (FrozenColumns > 0) pane.HorizontalSplit = FrozenColumns;
            worksheet.Append(new SheetViews(new SheetView(pane) { WorkbookViewId = 0 }));
        }
        if (_widths.Count > 0)
        {
            worksheet.Append(new Columns(_widths.OrderBy(w => w.Key).Select(w =>
                new Column { Min = (uint)w.Key, Max = (uint)w.Key, Width = w.Value, CustomWidth = true })));
        }
        var data = new SheetData();
        foreach (var (row, cells) in _rows)
            data.Append(new Row(cells.Values) { RowIndex = (uint)row });
        worksheet.Append(data);
        if (_validations.Count > 0)
            worksheet.Append(new DataValidations(_validations) { Count = (uint)_validations.Count });
        return worksheet;
    }
}

/// <summary>A1-style cell references.</summary>
public static class CellRef
{
    public static string Column(int column)
    {
        var name = "";
        for (var n = column; n > 0; n = (n - 1) / 26) name = (char)('A' + ((n - 1) % 26)) + name;
        return name;
    }

    public static string Of(int row, int column) => Column(column) + row.ToString(CultureInfo.InvariantCulture);

    public static (int Row, int Column) Parse(string reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
            column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        return (int.Parse(reference.AsSpan(i), CultureInfo.InvariantCulture), column);
    }
}
