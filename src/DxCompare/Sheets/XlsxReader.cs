using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

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
/// Reads a workbook into plain cells, after checking that the file is one: a password-protected workbook, an .xls, a
/// CSV or any other file renamed to .xlsx each get their own message. The parts are read as XML straight from the zip,
/// as XlsxWriter writes them: the reader needs the sheets, shared strings, cell formats and the cells' values and
/// formulas, and the OpenXML SDK's typed classes for those made up half of the published program's type data, which
/// every command loads at start-up (docs/benchmarks.md). Both OOXML dialects are read: transitional (Excel's
/// default) and strict, whose namespaces differ.
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
            using var zip = ZipFile.OpenRead(path);
            var package = new WorkbookPackage(zip);
            var sheets = package.Sheets();
            if (sheets is null)
            {
                problem = "the file is a zip package but not an Excel workbook (it has no workbook part). Save the plan from Excel as Excel ブック (*.xlsx).";
                return null;
            }
            var strings = package.SharedStrings();
            var dateStyles = package.DateStyles();
            var result = new List<SheetCells>();
            foreach (var (name, hidden, part) in sheets)
            {
                var data = new SheetCells { Name = name, Hidden = hidden };
                if (part is not null) ReadSheet(part, data, strings, dateStyles);
                result.Add(data);
            }
            return result;
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException or FormatException or OverflowException or IOException)
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

    private static void ReadSheet(ZipArchiveEntry entry, SheetCells data, List<string> strings, HashSet<int> dateStyles)
    {
        using var xml = WorkbookPackage.Open(entry);
        var rowNumber = 0;
        var columnNumber = 0;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || !WorkbookPackage.IsSpreadsheetMl(xml)) continue;
            switch (xml.LocalName)
            {
                case "mergeCell" when xml.GetAttribute("ref") is { } range:
                    data.MergedRanges.Add(range);
                    break;
                case "col" when IsTrue(xml.GetAttribute("hidden")):
                    var max = Number(xml.GetAttribute("max"));
                    for (var c = Number(xml.GetAttribute("min")); c <= max && c < 200; c++) data.HiddenColumns.Add(c);
                    break;
                case "row":
                    rowNumber = xml.GetAttribute("r") is { } index ? Number(index) : rowNumber + 1;
                    columnNumber = 0;
                    if (IsTrue(xml.GetAttribute("hidden"))) data.HiddenRows.Add(rowNumber);
                    break;
                case "c":
                    columnNumber = xml.GetAttribute("r") is { } reference ? CellRef.Parse(reference).Column : columnNumber + 1;
                    var (text, kind, formula) = Cell(xml, strings, dateStyles);
                    if (text.Length == 0 && formula is null) continue;
                    if (!data.Rows.TryGetValue(rowNumber, out var cells)) data.Rows[rowNumber] = cells = [];
                    cells[columnNumber] = new CellData(rowNumber, columnNumber, text, kind, formula is null ? null : "=" + formula);
                    break;
            }
        }
    }

    /// <summary>Reads one &lt;c&gt; element to its end: its value as text, what it holds, and its formula if it has one.</summary>
    private static (string Text, CellKind Kind, string? Formula) Cell(XmlReader xml, List<string> strings, HashSet<int> dateStyles)
    {
        var type = xml.GetAttribute("t");
        var style = xml.GetAttribute("s") is { } s ? Number(s) : 0;
        var raw = "";
        string? formula = null, inline = null;
        if (!xml.IsEmptyElement)
        {
            var depth = xml.Depth;
            xml.Read();
            while (xml.Depth > depth)
            {
                if (xml.NodeType == XmlNodeType.Element && xml.Depth == depth + 1 && WorkbookPackage.IsSpreadsheetMl(xml))
                {
                    switch (xml.LocalName)
                    {
                        case "v": raw = xml.ReadElementContentAsString(); continue;
                        case "f": formula = xml.ReadElementContentAsString(); continue;
                        case "is": inline = WorkbookPackage.RichText(xml); continue;
                    }
                }
                xml.Read();
            }
        }
        var (text, kind) = Value(type, raw, inline, style, strings, dateStyles);
        return (text, kind, formula);
    }

    private static (string Text, CellKind Kind) Value(string? type, string raw, string? inline, int style, List<string> strings, HashSet<int> dateStyles)
    {
        switch (type)
        {
            case "s": return (int.TryParse(raw, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < strings.Count ? strings[i] : "", CellKind.Text);
            case "inlineStr": return (inline ?? raw, CellKind.Text);
            case "str": return (raw, CellKind.Text);
            case "b": return (raw == "1" ? "TRUE" : "FALSE", CellKind.Boolean);
            case "e": return (raw, CellKind.Error);
        }
        if (raw.Length == 0) return ("", CellKind.Text);
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return (raw, CellKind.Text);
        if (dateStyles.Contains(style))
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

    private static bool IsTrue(string? value) => value is "1" or "true";

    private static int Number(string? value) => value is null ? 0 : int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>Cell formats that show a number as a date: the built-in date formats and custom ones with y, m, d, e or g.</summary>
    internal static bool IsDateFormat(int id, Dictionary<int, string> custom) =>
        id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58
        || (custom.TryGetValue(id, out var code) && IsDateCode(code));

    private static bool IsDateCode(string code)
    {
        var bare = System.Text.RegularExpressions.Regex.Replace(code, "(?i:general)|\"[^\"]*\"|\\[[^\\]]*\\]|\\\\.", "");
        return bare.IndexOfAny(['y', 'd', 'e', 'g', 'Y', 'D', 'E', 'G']) >= 0 || (bare.Contains('m', StringComparison.OrdinalIgnoreCase) && !bare.Contains('0', StringComparison.Ordinal) && !bare.Contains('#', StringComparison.Ordinal));
    }
}

/// <summary>
/// The parts of an .xlsx package that the reader needs, found as Excel finds them: through the package's
/// relationships (`_rels/.rels`, then the workbook's), with part names compared without regard to case.
/// </summary>
internal sealed class WorkbookPackage
{
    private const string Strict = "http://purl.oclc.org/ooxml/spreadsheetml/main";
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        CloseInput = true,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    private readonly Dictionary<string, ZipArchiveEntry> _entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly string? _workbook;
    private readonly List<(string Id, string Type, string Target)> _workbookRelations = [];

    public WorkbookPackage(ZipArchive zip)
    {
        foreach (var entry in zip.Entries) _entries.TryAdd(entry.FullName, entry);
        _workbook = Relations("").FirstOrDefault(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal)).Target
            ?? (_entries.ContainsKey("xl/workbook.xml") ? "xl/workbook.xml" : null);
        if (_workbook is not null) _workbookRelations = Relations(_workbook);
    }

    public static XmlReader Open(ZipArchiveEntry entry) => XmlReader.Create(entry.Open(), Settings);

    public static bool IsSpreadsheetMl(XmlReader xml) => xml.NamespaceURI is XlsxWriter.Main or Strict;

    /// <summary>Each sheet's name, whether it is hidden, and its part (null if missing); null when the package has no workbook part.</summary>
    public List<(string Name, bool Hidden, ZipArchiveEntry? Part)>? Sheets()
    {
        if (Entry(_workbook) is not { } entry) return null;
        var sheets = new List<(string, bool, ZipArchiveEntry?)>();
        var listed = false;
        using var xml = Open(entry);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || !IsSpreadsheetMl(xml)) continue;
            if (xml.LocalName == "sheets") listed = true;
            if (xml.LocalName != "sheet") continue;
            var state = xml.GetAttribute("state");
            var id = RelationshipId(xml);
            sheets.Add((xml.GetAttribute("name") ?? "", state is not null and not "visible", Entry(_workbookRelations.FirstOrDefault(r => r.Id == id).Target)));
        }
        return listed ? sheets : null;
    }

    /// <summary>The shared string table: each item's text, without its phonetic guides (ふりがな).</summary>
    public List<string> SharedStrings()
    {
        var strings = new List<string>();
        if (Part("/sharedStrings") is not { } entry) return strings;
        using var xml = Open(entry);
        xml.MoveToContent();
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si" && IsSpreadsheetMl(xml)) strings.Add(RichText(xml));
            else xml.Read();
        }
        return strings;
    }

    /// <summary>The indexes of the cell formats (cellXfs) that show a number as a date.</summary>
    public HashSet<int> DateStyles()
    {
        var result = new HashSet<int>();
        if (Part("/styles") is not { } entry) return result;
        var custom = new Dictionary<int, string>();
        var formats = new List<int>();
        using var xml = Open(entry);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || !IsSpreadsheetMl(xml)) continue;
            if (xml.LocalName == "numFmt" && int.TryParse(xml.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var id))
                custom[id] = xml.GetAttribute("formatCode") ?? "";
            if (xml.LocalName == "cellXfs" && !xml.IsEmptyElement)
            {
                var depth = xml.Depth;
                while (xml.Read() && xml.Depth > depth)
                    if (xml.NodeType == XmlNodeType.Element && xml.Depth == depth + 1 && xml.LocalName == "xf")
                        formats.Add(int.TryParse(xml.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var format) ? format : 0);
            }
        }
        for (var index = 0; index < formats.Count; index++)
            if (XlsxReader.IsDateFormat(formats[index], custom)) result.Add(index);
        return result;
    }

    /// <summary>
    /// The text of a shared string item or an inline string, read to the element's end: its own &lt;t&gt;, or else
    /// the text of its runs; phonetic runs (&lt;rPh&gt;) are not part of the text.
    /// </summary>
    public static string RichText(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return "";
        }
        var depth = xml.Depth;
        var plain = new StringBuilder();
        var runs = new StringBuilder();
        var hasPlain = false;
        var child = "";
        xml.Read();
        while (xml.Depth > depth)
        {
            if (xml.NodeType == XmlNodeType.Element && IsSpreadsheetMl(xml))
            {
                if (xml.Depth == depth + 1) child = xml.LocalName;
                if (xml.LocalName == "t" && xml.Depth == depth + 1)
                {
                    hasPlain = true;
                    plain.Append(xml.ReadElementContentAsString());
                    continue;
                }
                if (xml.LocalName == "t" && xml.Depth == depth + 2 && child == "r")
                {
                    runs.Append(xml.ReadElementContentAsString());
                    continue;
                }
            }
            xml.Read();
        }
        xml.Read();
        return (hasPlain ? plain : runs).ToString();
    }

    private ZipArchiveEntry? Part(string typeSuffix) =>
        Entry(_workbookRelations.FirstOrDefault(r => r.Type.EndsWith(typeSuffix, StringComparison.Ordinal)).Target);

    private ZipArchiveEntry? Entry(string? name) => name is not null && _entries.TryGetValue(name, out var entry) ? entry : null;

    /// <summary>The relationships of a part ("" for the package), with targets resolved to part names.</summary>
    private List<(string Id, string Type, string Target)> Relations(string part)
    {
        var folder = part.Contains('/', StringComparison.Ordinal) ? part[..part.LastIndexOf('/')] : "";
        var file = part[(part.LastIndexOf('/') + 1)..];
        var relations = new List<(string, string, string)>();
        if (!_entries.TryGetValue((folder.Length == 0 ? "" : folder + "/") + "_rels/" + file + ".rels", out var entry)) return relations;
        using var xml = Open(entry);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "Relationship" || xml.GetAttribute("TargetMode") == "External") continue;
            if (xml.GetAttribute("Target") is { } target)
                relations.Add((xml.GetAttribute("Id") ?? "", xml.GetAttribute("Type") ?? "", Resolve(folder, target)));
        }
        return relations;
    }

    private static string Resolve(string folder, string target)
    {
        var segments = new List<string>();
        foreach (var segment in (target.StartsWith('/') ? target : folder + "/" + target).Split('/'))
        {
            if (segment is "" or ".") continue;
            if (segment == "..") { if (segments.Count > 0) segments.RemoveAt(segments.Count - 1); }
            else segments.Add(segment);
        }
        return string.Join('/', segments);
    }

    /// <summary>A sheet's r:id: the id attribute in the relationships namespace (transitional or strict).</summary>
    private static string? RelationshipId(XmlReader xml)
    {
        for (var i = 0; i < xml.AttributeCount; i++)
        {
            xml.MoveToAttribute(i);
            if (xml.LocalName == "id" && xml.NamespaceURI.EndsWith("/relationships", StringComparison.Ordinal))
            {
                var id = xml.Value;
                xml.MoveToElement();
                return id;
            }
        }
        xml.MoveToElement();
        return null;
    }
}
