using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DxCompare.Output;

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

/// <summary>
/// Writes the few things workbooks here need, straight into the zip: the parts' XML is what DocumentFormat.OpenXml's
/// DOM saved (attribute order and declarations) but in the default namespace, as Excel writes it, with xml:space only
/// on text that needs it (a fifth fewer bytes to compress). A build writes one workbook a plan, and the DOM of cells,
/// the package layer and its random relationship ids cost a fifth of a build's CPU (N = 500 profile).
/// Fixed ids and entry times make two builds of the same plan byte-identical.
/// </summary>
public sealed class XlsxWriter
{
    internal const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelations = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string Declaration = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";
    // The package layer wrote these two with a byte order mark, the parts without.
    private static readonly UTF8Encoding WithMark = new(encoderShouldEmitUTF8Identifier: true);
    private static readonly UTF8Encoding NoMark = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly DateTimeOffset EntryTime = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    // Fonts, fills and the cell formats (cellXfs) in CellLook's order: every format aligns to the top and wraps, and
    // number format 49 (@) keeps text as typed.
    private static readonly string StylesXml = Declaration + System.Text.RegularExpressions.Regex.Replace($"""
        <styleSheet xmlns="{Main}">
          <fonts>
            <font><sz val="11" /></font>
            <font><b /><sz val="11" /></font>
            <font><b /><sz val="14" /></font>
            <font><i /><sz val="11" /><color rgb="FF595959" /></font>
          </fonts>
          <fills>
            <fill><patternFill patternType="none" /></fill>
            <fill><patternFill patternType="gray125" /></fill>
            <fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2" /></patternFill></fill>
            <fill><patternFill patternType="solid"><fgColor rgb="FFEDEDED" /></patternFill></fill>
          </fills>
          <borders><border /></borders>
          <cellStyleXfs><xf /></cellStyleXfs>
          <cellXfs>
            <xf fontId="0" fillId="0" borderId="0" applyAlignment="1"><alignment vertical="top" wrapText="1" /></xf>
            <xf numFmtId="0" fontId="1" fillId="2" borderId="0" applyNumberFormat="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="top" wrapText="1" /></xf>
            <xf numFmtId="49" fontId="0" fillId="0" borderId="0" applyNumberFormat="1" applyFont="0" applyFill="0" applyAlignment="1"><alignment vertical="top" wrapText="1" /></xf>
            <xf numFmtId="49" fontId="0" fillId="3" borderId="0" applyNumberFormat="1" applyFont="0" applyFill="1" applyAlignment="1"><alignment vertical="top" wrapText="1" /></xf>
            <xf numFmtId="0" fontId="2" fillId="0" borderId="0" applyNumberFormat="0" applyFont="1" applyFill="0" applyAlignment="1"><alignment vertical="top" wrapText="1" /></xf>
            <xf numFmtId="49" fontId="3" fillId="0" borderId="0" applyNumberFormat="1" applyFont="1" applyFill="0" applyAlignment="1"><alignment vertical="top" wrapText="1" /></xf>
          </cellXfs>
        </styleSheet>
        """, @">\s+<", "><");
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
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        Part(zip, "xl/workbook.xml", NoMark, WriteWorkbook);
        Part(zip, "xl/styles.xml", NoMark, StylesXml);
        for (var i = 0; i < _sheets.Count; i++)
        {
            var sheet = _sheets[i];
            Part(zip, $"xl/worksheets/sheet{i + 1}.xml", NoMark, sheet.WriteTo);
        }
        Part(zip, "_rels/.rels", WithMark, Declaration + $"<Relationships xmlns=\"{PackageRelations}\"><Relationship Type=\"{Relations}/officeDocument\" Target=\"/xl/workbook.xml\" Id=\"rId1\" /></Relationships>");
        var rels = new StringBuilder(Declaration).Append($"<Relationships xmlns=\"{PackageRelations}\">")
            .Append($"<Relationship Type=\"{Relations}/styles\" Target=\"/xl/styles.xml\" Id=\"rId1\" />");
        for (var i = 0; i < _sheets.Count; i++)
            rels.Append(CultureInfo.InvariantCulture, $"<Relationship Type=\"{Relations}/worksheet\" Target=\"/xl/worksheets/sheet{i + 1}.xml\" Id=\"{SheetId(i)}\" />");
        Part(zip, "xl/_rels/workbook.xml.rels", WithMark, rels.Append("</Relationships>").ToString());
        const string office = "application/vnd.openxmlformats-officedocument.spreadsheetml";
        var types = new StringBuilder(Declaration).Append("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
            .Append($"<Default Extension=\"xml\" ContentType=\"{office}.sheet.main+xml\" />")
            .Append("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\" />")
            .Append($"<Override PartName=\"/xl/styles.xml\" ContentType=\"{office}.styles+xml\" />");
        for (var i = 0; i < _sheets.Count; i++)
            types.Append(CultureInfo.InvariantCulture, $"<Override PartName=\"/xl/worksheets/sheet{i + 1}.xml\" ContentType=\"{office}.worksheet+xml\" />");
        Part(zip, "[Content_Types].xml", WithMark, types.Append("</Types>").ToString());
    }

    public void Save(string path)
    {
        using var stream = OutputFiles.Create(path);
        Save(stream);
    }

    private static string SheetId(int index) => "rId" + (index + 2).ToString(CultureInfo.InvariantCulture);

    private void WriteWorkbook(XmlWriter xml)
    {
        xml.WriteStartElement("workbook", Main);
        xml.WriteStartElement("bookViews", Main);
        xml.WriteStartElement("workbookView", Main);
        xml.WriteAttributeString("activeTab", Math.Max(0, _sheets.FindIndex(s => !s.Hidden)).ToString(CultureInfo.InvariantCulture));
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("sheets", Main);
        for (var i = 0; i < _sheets.Count; i++)
        {
            xml.WriteStartElement("sheet", Main);
            xml.WriteAttributeString("name", _sheets[i].Name);
            xml.WriteAttributeString("sheetId", (i + 1).ToString(CultureInfo.InvariantCulture));
            if (_sheets[i].Hidden) xml.WriteAttributeString("state", "hidden");
            xml.WriteAttributeString("r", "id", Relations, SheetId(i));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>
    /// Fastest, not Optimal: on 200 workbooks of the N = 500 build (196 KB of XML each) 0.4 ms a workbook instead of
    /// 1.5 ms, for 51 KB instead of 39 KB. A build writes one workbook a plan (two seconds of CPU at 1,788 plans); an
    /// editor downloads one, for whom 12 KB more is nothing.
    /// </summary>
    private static ZipArchiveEntry Entry(ZipArchive zip, string name)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        entry.LastWriteTime = EntryTime;
        return entry;
    }

    private static void Part(ZipArchive zip, string name, Encoding encoding, string text)
    {
        using var stream = Entry(zip, name).Open();
        var preamble = encoding.GetPreamble();
        stream.Write(preamble);
        stream.Write(NoMark.GetBytes(text));
    }

    private static void Part(ZipArchive zip, string name, Encoding encoding, Action<XmlWriter> write)
    {
        using var stream = Entry(zip, name).Open();
        // The settings the SDK saves parts with, so escaping and line ends come out as before.
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = encoding, CloseOutput = false });
        xml.WriteStartDocument();
        write(xml);
        xml.WriteEndDocument();
    }
}

/// <summary>One worksheet being written: cells by row and column (1-based), widths, lists to choose from.</summary>
public sealed class SheetWriter(string name, bool hidden)
{
    /// <summary>A cell as it will be written: no value (a styled empty cell), inline text, or a number in invariant form.</summary>
    private readonly record struct Entry(CellLook Look, string? Text, string? Number);

    private sealed record Validation(string Range, string Source, bool Strict, string Prompt);

    // A row's cells by column: a dictionary per row grew its tables cell by cell (160 MB for 500 workbooks), and a
    // sorted one allocated a tree node per cell.
    private readonly Dictionary<int, Entry?[]> _rows = [];
    /// <summary>One more than the largest column written so far.</summary>
    private int _columns;
    private readonly Dictionary<int, double> _widths = [];
    private readonly List<Validation> _validations = [];

    public string Name { get; } = name;
    public bool Hidden { get; } = hidden;
    public int FrozenRows { get; set; }
    public int FrozenColumns { get; set; }
    public int LastRow { get; private set; }

    public void Width(int column, double width) => _widths[column] = width;

    public void Text(int row, int column, string? text, CellLook look = CellLook.Plain)
    {
        if (string.IsNullOrEmpty(text) && look == CellLook.Plain) return;
        Put(row, column, new Entry(look, string.IsNullOrEmpty(text) ? null : text, null));
    }

    public void Number(int row, int column, decimal value, CellLook look = CellLook.Plain) =>
        Put(row, column, new Entry(look == CellLook.Text ? CellLook.Plain : look, null, value.ToString(CultureInfo.InvariantCulture)));

    /// <summary>A drop-down list on a range, from a range of the lists sheet. Strict lists refuse other input; others only offer.</summary>
    public void Choices(string range, string source, bool strict, string prompt) =>
        _validations.Add(new Validation(range, source, strict, prompt));

    /// <summary>Spreadsheet programs may trim or collapse white space in text not marked to keep it; Excel marks only such text too.</summary>
    private static bool NeedsPreserve(string text) =>
        char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.AsSpan().IndexOfAny(PreservedSpace) >= 0 || text.Contains("  ", StringComparison.Ordinal);

    private static readonly System.Buffers.SearchValues<char> PreservedSpace = System.Buffers.SearchValues.Create("\n\r\t");

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];

    private void Put(int row, int column, Entry cell)
    {
        _columns = Math.Max(_columns, column + 1);
        if (!_rows.TryGetValue(row, out var cells) || cells.Length <= column)
        {
            // A new row is as wide as the widest so far (a sheet's rows are mostly alike): grown from 16 cells by
            // doubling, most rows were allocated two or three times (the rows' arrays: 32 → 16 MB at N = 100).
            Array.Resize(ref cells, Math.Max(_columns, 2 * (cells?.Length ?? 0)));
            _rows[row] = cells;
        }
        cells[column] = cell;
        LastRow = Math.Max(LastRow, row);
    }

    internal void WriteTo(XmlWriter xml)
    {
        const string x = XlsxWriter.Main;
        xml.WriteStartElement("worksheet", x);
        if (FrozenRows > 0 || FrozenColumns > 0)
        {
            xml.WriteStartElement("sheetViews", x);
            xml.WriteStartElement("sheetView", x);
            xml.WriteAttributeString("workbookViewId", "0");
            xml.WriteStartElement("pane", x);
            if (FrozenColumns > 0) xml.WriteAttributeString("xSplit", XmlConvert.ToString((double)FrozenColumns));
            if (FrozenRows > 0) xml.WriteAttributeString("ySplit", XmlConvert.ToString((double)FrozenRows));
            xml.WriteAttributeString("topLeftCell", CellRef.Of(FrozenRows + 1, FrozenColumns + 1));
            xml.WriteAttributeString("activePane", FrozenColumns > 0 ? "bottomRight" : "bottomLeft");
            xml.WriteAttributeString("state", "frozen");
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        if (_widths.Count > 0)
        {
            xml.WriteStartElement("cols", x);
            foreach (var (column, width) in _widths.OrderBy(w => w.Key))
            {
                var index = column.ToString(CultureInfo.InvariantCulture);
                xml.WriteStartElement("col", x);
                xml.WriteAttributeString("min", index);
                xml.WriteAttributeString("max", index);
                xml.WriteAttributeString("width", XmlConvert.ToString(width));
                xml.WriteAttributeString("customWidth", "1");
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteStartElement("sheetData", x);
        foreach (var row in _rows.Keys.Order())
        {
            var cells = _rows[row];
            xml.WriteStartElement("row", x);
            xml.WriteAttributeString("r", row.ToString(CultureInfo.InvariantCulture));
            for (var column = 0; column < cells.Length; column++)
            {
                if (cells[column] is not { } cell) continue;
                xml.WriteStartElement("c", x);
                xml.WriteAttributeString("r", CellRef.Of(row, column));
                xml.WriteAttributeString("s", ((int)cell.Look).ToString(CultureInfo.InvariantCulture));
                if (cell.Text is not null)
                {
                    xml.WriteAttributeString("t", "inlineStr");
                    xml.WriteStartElement("is", x);
                    xml.WriteStartElement("t", x);
                    if (NeedsPreserve(cell.Text)) xml.WriteAttributeString("xml", "space", null, "preserve");
                    xml.WriteString(cell.Text);
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                }
                else if (cell.Number is not null)
                {
                    xml.WriteElementString("v", x, cell.Number);
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        if (_validations.Count > 0)
        {
            xml.WriteStartElement("dataValidations", x);
            xml.WriteAttributeString("count", _validations.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var v in _validations)
            {
                xml.WriteStartElement("dataValidation", x);
                xml.WriteAttributeString("type", "list");
                xml.WriteAttributeString("errorStyle", "stop");
                xml.WriteAttributeString("allowBlank", "1");
                xml.WriteAttributeString("showInputMessage", "1");
                xml.WriteAttributeString("showErrorMessage", v.Strict ? "1" : "0");
                xml.WriteAttributeString("errorTitle", "選択肢にない値");
                xml.WriteAttributeString("error", Clip(v.Prompt, 225));
                xml.WriteAttributeString("promptTitle", Clip("入力", 32));
                xml.WriteAttributeString("prompt", Clip(v.Prompt, 255));
                xml.WriteAttributeString("sqref", v.Range);
                xml.WriteElementString("formula1", x, v.Source);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }
}

/// <summary>A1-style cell references.</summary>
public static class CellRef
{
    public static string Column(int column) => column < CommonColumns.Length ? CommonColumns[column] : NameOf(column);

    /// <summary>A to ZZ, made once: every cell a workbook writes names its column.</summary>
    private static readonly string[] CommonColumns = [.. Enumerable.Range(0, 27 * 26 + 1).Select(NameOf)];

    private static string NameOf(int column)
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
