using DxCompare.Sheets;
using DxCompare.Tests.Support;

namespace DxCompare.Tests.Sheets;

public class SheetRoundTripTests
{
    [Theory]
    [InlineData("taito")]
    [InlineData("koto")]
    public void Export_then_import_leaves_the_plan_file_byte_for_byte(string slug)
    {
        using var book = new WorkbookFile(slug);
        var path = Path.Combine(book.Content.Directory, "plans", slug + ".yml");
        var before = File.ReadAllBytes(path);
        var result = book.Import();
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.False(result.Changed);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Theory]
    [InlineData("taito")]
    [InlineData("koto")]
    public void A_new_plan_is_written_in_the_canonical_form_and_reads_back_as_the_same_plan(string slug)
    {
        using var book = new WorkbookFile(slug);
        var path = Path.Combine(book.Content.Directory, "plans", slug + ".yml");
        var original = Repository.Plan(slug);
        File.Delete(path);
        var result = book.Import();
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var text = File.ReadAllText(path);
        Assert.StartsWith(YamlWriter.SchemaComment + "\nmunicipality:\n", text, StringComparison.Ordinal);
        Assert.Equal(YamlWriter.Write(result.Plan!), text);
        Assert.True(ModelEquality.Equal(original, book.Content.Load().Content!.Plans.Single(p => p.Municipality.Slug == slug), gridAsSet: true));
        // The canonical form is a fixed point: exported and imported again, it stays byte for byte.
        var again = book.Import();
        Assert.False(again.Changed);
    }

    [Fact]
    public void Next_year_s_progress_report_adds_its_edition_and_actuals_and_nothing_else()
    {
        using var book = new WorkbookFile("koto");
        var path = Path.Combine(book.Content.Directory, "plans", "koto.yml");
        var before = File.ReadAllLines(path);
        // The progress report of 2027-04 as a new edition …
        var editions = book.Sheet("出典(版)");
        var next = editions.LastRow + 1;
        foreach (var (header, text) in new[] { ("ID", "progress-2027"), ("種類", "進捗状況"), ("資料名", "DX推進計画の進捗状況"), ("発行者", "江東区"), ("発行", "2027-04") })
            book.Type("出典(版)", CellRef.Of(next, book.ColumnOf("出典(版)", header)), text);
        // … and its FY2026 actual, typed as printed in full-width, citing it.
        var (row, _) = book.Find("年度別の値", "54%");
        var column = book.ColumnOf("年度別の値", "令和8年度\n(2026)");
        Assert.Equal("", book.Sheet("年度別の値").Text(row, column));
        book.Type("年度別の値", CellRef.Of(row, column), "９５％");
        book.Type("年度別の値", CellRef.Of(row, book.ColumnOf("年度別の値", "令和8年度\n(2026) 出典の版")), "progress-2027");

        var result = book.Import();
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var after = File.ReadAllLines(path);
        string[] edition = ["  - id: progress-2027", "    kind: progress_report", "    title: DX推進計画の進捗状況", "    publisher: 江東区", "    published: 2027-04"];
        string[] actual = ["          - fy: 2026", "            type: actual", "            value: 95", "            source: progress-2027"];
        var e = Array.IndexOf(before, "    note: 令和7年度取組実績と令和8年度取組計画") + 1;
        var v = Array.IndexOf(before, "            value: 92") + 1;
        Assert.Equal([.. before[..e], .. edition, .. before[e..v], .. actual, .. before[v..]], after);
    }

    [Fact]
    public void Editing_one_value_in_a_flow_style_file_changes_that_line_only()
    {
        using var book = new WorkbookFile("taito");
        var path = Path.Combine(book.Content.Directory, "plans", "taito.yml");
        var before = File.ReadAllLines(path);
        var (row, column) = book.Find("年度別の値", "34%");
        book.Type("年度別の値", DxCompare.Sheets.CellRef.Of(row, column), "35%");
        Assert.True(book.Import().Succeeded);
        var after = File.ReadAllLines(path);
        var changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToList();
        Assert.Equal(before.Length, after.Length);
        Assert.Equal(["                  - {fy: 2027, type: target, value: 35}"], changed.Select(i => after[i]));
        Assert.Equal("                  - {fy: 2027, type: target, value: 34}", before[changed[0]]);
    }

    [Theory]
    [InlineData("R11")]
    [InlineData("令和11年度")]
    [InlineData("2029")]
    [InlineData("２０２９")]
    [InlineData("令和１１年度（2029年度）")]
    public void Fiscal_years_are_read_as_printed(string typed)
    {
        using var book = new WorkbookFile("koto");
        var form = book.Sheet("計画");
        var row = form.Rows.Values.Single(r => r.TryGetValue(4, out var key) && key.Text == "period.end")[4].Row;
        book.Type("計画", $"C{row}", typed);
        var result = book.Import(write: false);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(2029, result.Plan!.Period.End);
        Assert.False(result.Changed);
    }

    [Theory]
    [InlineData("5,500人", "5500")]
    [InlineData("５，５００人", "5500")]
    [InlineData("5500", "5500")]
    [InlineData("5500.0人", "5500.0")]
    public void Numbers_are_read_with_their_unit_and_precision(string typed, string stored)
    {
        using var book = new WorkbookFile("taito");
        var (row, column) = book.Find("年度別の値", "5,500人");
        book.Type("年度別の値", DxCompare.Sheets.CellRef.Of(row, column), typed);
        var result = book.Import();
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var text = File.ReadAllText(Path.Combine(book.Content.Directory, "plans", "taito.yml"));
        Assert.Contains($"{{fy: 2026, type: target, value: {stored}}}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_stored_as_a_number_reads_like_one_typed_as_text()
    {
        using var book = new WorkbookFile("taito");
        var (row, column) = book.Find("年度別の値", "5,500人");
        book.TypeNumber("年度別の値", DxCompare.Sheets.CellRef.Of(row, column), "5500");
        var result = book.Import(write: false);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.False(result.Changed);
    }
}
