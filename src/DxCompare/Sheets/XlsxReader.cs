using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DxCompare.Sheets;

public enum CellKind { Text, Number, Boolean, Date, Error }

/// <summary>One non-empty cell as stored: its text (numbers in invariant form), what Excel holds it as, and any formula.</summary>
public sealed record CellData(int Row, int Column, string Text, CellKind Kind, string? Formula)
{
    public string Reference => CellRef.Of(Row, Column);
}

/// <summary>What one worksheet holds: cells by row, merged ranges, hidden rows and columns.</summary>
public sealed class SheetCells
{
    public required string Name { get; init; }
    public bool Hidden { get; init; }
    public SortedDictionary<int, SortedDictionary<int, CellData>> Rows { get; } = [];
    public List<string> MergedRanges { get; } = [];
    public List<int> HiddenRows { get; } = [];
    public List<int> HiddenColumns { get; } = [];

    public CellData? Cell(int row, int column) =>
        Rows.TryGetValue(row, out var cells) && cells.TryGetValue(column, out var cell) ? cell : null;

    public string Text(int row, int column) => Cell(row, column)?.Text ?? "";

    public int LastRow => Rows.Count == 0 ? 0 : Rows.Keys.Max();
}

/// <summary>
/// Reads a workbook into plain cells with DocumentFormat.OpenXml, after checking that the file is one: a
/// password-protected workbook, an .xls, a CSV or any other file renamed to .xlsx each get their own message.
/// </summary>
public static class XlsxReader
{
    /// <summary>The sheets of the workbook, or null with the reason the file cannot be read as a workbook.</summary>
    public static IReadOnlyList<SheetCells>? Read(string path, out string? problem)
    {
        problem = null;
        byte[] head;
        try
        {
            using var probe = File.OpenRead(path);
            head = new byte[Math.Min(4096, probe.Length)];
            probe.ReadExactly(head);
        }
        catch (IOException e)
        {
            problem = $"the file cannot be opened ({e.Message}). Close it in Excel and try again.";
            return null;
        }
        problem = Sniff(path, head);
        if (problem is not null) return null;
        try
        {
            using var document = SpreadsheetDocument.Open(path, false);
            var workbook = document.WorkbookPart;
            if (workbook?.Workbook.Sheets is null)
            {
                problem = "the file is a zip package but not an Excel workbook (it has no workbook part). Save the plan from Excel as Excel ブック (*.xlsx).";
                return null;
            }
            var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(TextOf).ToList() ?? [];
            var dateStyles = DateStyles(workbook.WorkbookStylesPart?.Stylesheet);
            var sheets = new List<SheetCells>();
            foreach (var sheet in workbook.Workbook.Sheets.Elements<Sheet>())
            {
                var hidden = sheet.State is not null && sheet.State.Value != SheetStateValues.Visible;
                var data = new SheetCells { Name = sheet.Name?.Value ?? "", Hidden = hidden };
                if (sheet.Id?.Value is { } id && workbook.GetPartById(id) is WorksheetPart part)
                    ReadSheet(part.Worksheet, data, strings, dateStyles);
                sheets.Add(data);
            }
            return sheets;
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or System.Xml.XmlException or InvalidOperationException or ArgumentException)
        {
            problem = $"the file is damaged or not an Excel workbook ({e.Message}). Open it in Excel and save it again as Excel ブック (*.xlsx).";
            return null;
        }
    }

    private static string? Sniff(string path, byte[] head)
    {
        if (head.Length == 0) return "the file is empty. Export a plan with `sheet export` or a template with `sheet template` and fill it in.";
        if (head is [0x50, 0x4B, 0x03, 0x04, ..])
        {
            try
            {
                using var zip = ZipFile.OpenRead(path);
                if (zip.GetEntry("xl/workbook.xml") is null && !zip.Entries.Any(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal)))
                    return "the file is a zip package but not an Excel workbook (no xl/workbook.xml: a Word or other Office file renamed to .xlsx?). Save the plan from Excel as Excel ブック (*.xlsx).";
            }
            catch (InvalidDataException)
            {
                return "the file starts like a zip package but is damaged. Open it in Excel and save it again as Excel ブック (*.xlsx).";
            }
            return null;
        }
        if (head is [0xD0, 0xCF, 0x11, 0xE0, ..])
        {
            var all = File.ReadAllBytes(path);
            return Contains(all, Encoding.Unicode.GetBytes("EncryptionInfo"))
                ? "the workbook is password-protected (encrypted), so it cannot be read. In Excel: ファイル → 情報 → ブックの保護 → パスワードを使用して暗号化 → clear the password, save, and import again."
                : "the file is an Excel 97-2003 workbook (.xls), not .xlsx. In Excel: 名前を付けて保存 → ファイルの種類 Excel ブック (*.xlsx), then import the .xlsx.";
        }
        if (LooksLikeText(head))
        {
            var text = Encoding.UTF8.GetString(head);
            return text.Contains(',', StringComparison.Ordinal) || text.Contains('\t', StringComparison.Ordinal)
                ? "the file is a CSV (text) file renamed to .xlsx, not a workbook. Open it in Excel and save it as Excel ブック (*.xlsx), or export the plan with `sheet export`."
                : "the file is a text file, not an Excel workbook. Export the plan with `sheet export` (or a template with `sheet template`) and fill that in.";
        }
        return "the file is not an Excel workbook (.xlsx). Export the plan with `sheet export` (or a template with `sheet template`) and fill that in.";
    }

    private static bool LooksLikeText(byte[] head)
    {
        if (head.Any(b => b == 0)) return false;
        var text = Encoding.UTF8.GetString(head);
        return !text.Contains('\uFFFD', StringComparison.Ordinal) || head.All(b => b >= 0x09);
    }

    private static bool Contains(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle)) return true;
        return false;
    }

    private static void ReadSheet(Worksheet worksheet, SheetCells data, List<string> strings, HashSet<uint> dateStyles)
    {
        foreach (var merge in worksheet.Descendants<MergeCell>())
            if (merge.Reference?.Value is { } range) data.MergedRanges.Add(range);
        foreach (var column in worksheet.Descendants<Column>().Where(c => c.Hidden?.Value == true))
            for (var c = column.Min?.Value ?? 0; c <= (column.Max?.Value ?? 0) && c < 200; c++) data.HiddenColumns.Add((int)c);
        var rowNumber = 0;
        foreach (var row in worksheet.Descendants<Row>())
        {
            rowNumber = row.RowIndex?.Value is { } index ? (int)index : rowNumber + 1;
            if (row.Hidden?.Value == true) data.HiddenRows.Add(rowNumber);
            var columnNumber = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                columnNumber = cell.CellReference?.Value is { } reference ? CellRef.Parse(reference).Column : columnNumber + 1;
                var formula = cell.CellFormula?.Text;
                var (text, kind) = Value(cell, strings, dateStyles);
                if (text.Length == 0 && formula is null) continue;
                if (!data.Rows.TryGetValue(rowNumber, out var cells)) data.Rows[rowNumber] = cells = [];
                cells[columnNumber] = new CellData(rowNumber, columnNumber, text, kind, formula is null ? null : "=" + formula);
            }
        }
    }

    private static (string Text, CellKind Kind) Value(Cell cell, List<string> strings, HashSet<uint> dateStyles)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
            return (int.TryParse(raw, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < strings.Count ? strings[i] : "", CellKind.Text);
        if (type == CellValues.InlineString) return (cell.InlineString is null ? raw : TextOf(cell.InlineString), CellKind.Text);
        if (type == CellValues.String) return (raw, CellKind.Text);
        if (type == CellValues.Boolean) return (raw == "1" ? "TRUE" : "FALSE", CellKind.Boolean);
        if (type == CellValues.Error) return (raw, CellKind.Error);
        if (raw.Length == 0) return ("", CellKind.Text);
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return (raw, CellKind.Text);
        if (cell.StyleIndex?.Value is { } style && dateStyles.Contains(style))
        {
            try
            {
                return (DateTime.FromOADate(number).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), CellKind.Date);
            }
            catch (ArgumentException)
            {
                return (raw, CellKind.Number);
            }
        }
        // Excel stores 12.1 as 12.1 but a computed value as 12.099999999999999: read it as printed (15 digits).
        return (decimal.Parse(number.ToString("G15", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), CellKind.Number);
    }

    private static string TextOf(OpenXmlElement item) =>
        item.Elements<Text>().Any()
            ? string.Concat(item.Elements<Text>().Select(t => t.Text))
            : string.Concat(item.Elements<Run>().Select(r => r.Text?.Text ?? ""));

    /// <summary>Cell formats that show a number as a date: the built-in date formats and custom ones with y, m, d, e or g.</summary>
    private static HashSet<uint> DateStyles(Stylesheet? stylesheet)
    {
        var result = new HashSet<uint>();
        if (stylesheet?.CellFormats is null) return result;
        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "") ?? [];
        uint index = 0;
        foreach (var format in stylesheet.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            var isDate = id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58
                || (custom.TryGetValue(id, out var code) && IsDateCode(code));
            if (isDate) result.Add(index);
            index++;
        }
        return result;
    }

    private static bool IsDateCode(string code)
    {
        var bare = System.Text.RegularExpressions.Regex.Replace(code, "(?i:general)|\"[^\"]*\"|\\[[^\\]]*\\]|\\\\.", "");
        return bare.IndexOfAny(['y', 'd', 'e', 'g', 'Y', 'D', 'E', 'G']) >= 0 || (bare.Contains('m', StringComparison.OrdinalIgnoreCase) && !bare.Contains('0', StringComparison.Ordinal) && !bare.Contains('#', StringComparison.Ordinal));
    }
}
