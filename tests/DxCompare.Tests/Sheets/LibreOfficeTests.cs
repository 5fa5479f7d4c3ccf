using System.Diagnostics;
using DxCompare.Tests.Support;

namespace DxCompare.Tests.Sheets;

/// <summary>
/// The exported workbooks open in another spreadsheet program: LibreOffice (headless, Debian's
/// libreoffice-calc-nogui, installed by .ci/install) re-saves them, and the re-saved files import unchanged.
/// </summary>
[Trait(Speed.Trait, Speed.Slow)]
public class LibreOfficeTests
{
    private static string Convert(string workbook, string filter, string extension)
    {
        var output = Path.Combine(Path.GetDirectoryName(workbook)!, "converted");
        Directory.CreateDirectory(output);
        var start = new ProcessStartInfo("soffice", ["--headless", $"-env:UserInstallation=file://{output}/profile", "--convert-to", $"{extension}:{filter}", "--outdir", output, workbook])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("soffice did not start: install libreoffice-calc-nogui (.ci/install does)");
        process.WaitForExit(TimeSpan.FromMinutes(2));
        var converted = Path.Combine(output, Path.GetFileNameWithoutExtension(workbook) + "." + extension);
        Assert.True(File.Exists(converted), process.StandardError.ReadToEnd());
        return converted;
    }

    [Theory]
    [InlineData("taito")]
    [InlineData("koto")]
    public void A_workbook_re_saved_by_LibreOffice_imports_unchanged(string slug)
    {
        using var book = new WorkbookFile(slug);
        var resaved = Convert(book.Path, "Calc MS Excel 2007 XML", "xlsx");
        File.Copy(resaved, book.Path, overwrite: true);
        var result = book.Import();
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.False(result.Changed);
    }

    [Fact]
    public void A_real_xls_renamed_to_xlsx_is_refused_with_what_to_do()
    {
        using var book = new WorkbookFile("koto");
        var xls = Convert(book.Path, "MS Excel 97", "xls");
        File.Copy(xls, book.Path, overwrite: true);
        Assert.Equal(
            ["koto.xlsx: the file is an Excel 97-2003 workbook (.xls), not .xlsx. In Excel: 名前を付けて保存 → ファイルの種類 Excel ブック (*.xlsx), then import the .xlsx."],
            book.Problems());
    }
}
