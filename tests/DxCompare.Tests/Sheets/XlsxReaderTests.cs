using System.IO.Compression;
using System.Text;
using DxCompare.Sheets;
using DxCompare.Tests.Support;

namespace DxCompare.Tests.Sheets;

/// <summary>
/// Workbooks as Excel saves them, part by part: what our own writer never produces (ふりがな typed through the
/// Japanese IME, rich text, shared formulas, relative and absolute part names, Strict Open XML) still reads as the cells
/// an editor sees.
/// </summary>
public class XlsxReaderTests
{
    private const string Transitional = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string TransitionalRelations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string Strict = "http://purl.oclc.org/ooxml/spreadsheetml/main";
    private const string StrictRelations = "http://purl.oclc.org/ooxml/officeDocument/relationships";

    private static string Workbook(TempContent content, string main, string relations, string sharedStringsTarget = "sharedStrings.xml")
    {
        var parts = new Dictionary<string, string>
        {
            ["[Content_Types].xml"] = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>""",
            ["_rels/.rels"] = $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{relations}/officeDocument" Target="xl/workbook.xml"/></Relationships>""",
            ["xl/_rels/workbook.xml.rels"] = $"""
                <?xml version="1.0" encoding="UTF-8"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                  <Relationship Id="rId3" Type="{relations}/styles" Target="styles.xml"/>
                  <Relationship Id="rId4" Type="{relations}/sharedStrings" Target="{sharedStringsTarget}"/>
                  <Relationship Id="rId1" Type="{relations}/worksheet" Target="worksheets/Sheet1.xml"/>
                  <Relationship Id="rId2" Type="{relations}/worksheet" Target="/xl/worksheets/sheet2.xml"/>
                </Relationships>
                """,
            ["xl/workbook.xml"] = $"""
                <?xml version="1.0" encoding="UTF-8"?>
                <workbook xmlns="{main}" xmlns:r="{relations}">
                  <sheets><sheet name="取組" sheetId="1" r:id="rId1"/><sheet name="メモ" sheetId="2" state="hidden" r:id="rId2"/></sheets>
                </workbook>
                """,
            ["xl/styles.xml"] = $"""
                <styleSheet xmlns="{main}">
                  <numFmts count="1"><numFmt numFmtId="176" formatCode="[$-ja-JP]ggge&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>
                  <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
                  <cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="176" applyNumberFormat="1"/><xf numFmtId="9" applyNumberFormat="1"/></cellXfs>
                </styleSheet>
                """,
            ["xl/sharedStrings.xml"] = $"""
                <sst xmlns="{main}" count="3" uniqueCount="3">
                  <si><t>行政手続のオンライン化</t><rPh sb="0" eb="2"><t>ギョウセイ</t></rPh><phoneticPr fontId="1"/></si>
                  <si><r><rPr><b/></rPr><t>窓口</t></r><r><t xml:space="preserve"> 改革</t></r></si>
                  <si><t xml:space="preserve">  字下げ</t></si>
                </sst>
                """,
            ["xl/worksheets/Sheet1.xml"] = $"""
                <worksheet xmlns="{main}">
                  <cols><col min="3" max="4" width="0" hidden="1"/></cols>
                  <sheetData>
                    <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>
                    <row r="3" hidden="1"><c r="A3" s="1"><v>46113</v></c><c r="B3" s="2"><v>0.39999999999999997</v></c>
                      <c r="C3"><f t="shared" ref="C3:C4" si="0">B3*100</f><v>40</v></c><c r="D3" t="inlineStr"><is><t>手入力</t></is></c></row>
                    <row><c><f t="shared" si="0"/><v>41</v></c><c t="b"><v>1</v></c><c t="e"><v>#DIV/0!</v></c></row>
                  </sheetData>
                  <mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>
                </worksheet>
                """,
            ["xl/worksheets/sheet2.xml"] = $"""<worksheet xmlns="{main}"><sheetData><row r="2"><c r="B2" t="str"><f>"メ"&amp;"モ"</f><v>メモ</v></c></row></sheetData></worksheet>""",
        };
        var path = Path.Combine(content.Directory, "excel.xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            foreach (var (name, xml) in parts)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(xml.Trim()));
            }
        }
        return path;
    }

    [Theory]
    [InlineData(Transitional, TransitionalRelations)]
    [InlineData(Strict, StrictRelations)]
    public void An_Excel_workbook_reads_as_the_cells_an_editor_sees(string main, string relations)
    {
        using var content = new TempContent();
        var sheets = XlsxReader.Read(Workbook(content, main, relations), out var problem)!;

        Assert.Null(problem);
        Assert.Equal(["取組", "メモ"], sheets.Select(s => s.Name));
        Assert.Equal([false, true], sheets.Select(s => s.Hidden));
        var sheet = sheets[0];
        Assert.Equal("行政手続のオンライン化", sheet.Text(1, 1));
        Assert.Equal("窓口 改革", sheet.Text(1, 2));
        Assert.Equal("  字下げ", sheet.Text(1, 3));
        Assert.Equal(("2026-04-01", CellKind.Date), (sheet.Text(3, 1), sheet.Cell(3, 1)!.Kind));
        Assert.Equal(("0.4", CellKind.Number), (sheet.Text(3, 2), sheet.Cell(3, 2)!.Kind));
        Assert.Equal(("40", "=B3*100"), (sheet.Text(3, 3), sheet.Cell(3, 3)!.Formula));
        Assert.Equal("手入力", sheet.Text(3, 4));
        Assert.Equal(("41", "="), (sheet.Text(4, 1), sheet.Cell(4, 1)!.Formula));
        Assert.Equal(("TRUE", CellKind.Boolean), (sheet.Text(4, 2), sheet.Cell(4, 2)!.Kind));
        Assert.Equal(("#DIV/0!", CellKind.Error), (sheet.Text(4, 3), sheet.Cell(4, 3)!.Kind));
        Assert.Equal(["A1:B1"], sheet.MergedRanges);
        Assert.Equal([3], sheet.HiddenRows);
        Assert.Equal([3, 4], sheet.HiddenColumns);
        Assert.Equal(("メモ", "=\"メ\"&\"モ\""), (sheets[1].Text(2, 2), sheets[1].Cell(2, 2)!.Formula));
    }

    [Fact]
    public void A_relationship_to_a_missing_part_reads_as_no_cells_and_broken_XML_says_the_file_is_damaged()
    {
        using var content = new TempContent();
        var missing = Workbook(content, Transitional, TransitionalRelations, sharedStringsTarget: "nowhere.xml");
        Assert.Equal("", XlsxReader.Read(missing, out var problem)![0].Text(1, 1));
        Assert.Null(problem);

        using (var zip = ZipFile.Open(missing, ZipArchiveMode.Update))
        {
            zip.GetEntry("xl/worksheets/Sheet1.xml")!.Delete();
            using var stream = zip.CreateEntry("xl/worksheets/Sheet1.xml").Open();
            stream.Write(Encoding.UTF8.GetBytes($"<worksheet xmlns=\"{Transitional}\"><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></row>"));
        }
        Assert.Null(XlsxReader.Read(missing, out problem));
        Assert.StartsWith("the file is damaged or not an Excel workbook (", problem);
        Assert.EndsWith("Open it in Excel and save it again as Excel ブック (*.xlsx).", problem);
    }
}
