using System.Text.Json;
using DxCompare.Model;
using DxCompare.Tests.Support;

namespace DxCompare.Tests.Model;

public class FiscalYearTests
{
    private static IEnumerable<(int Fy, string Label)> Vectors() =>
        JsonSerializer.Deserialize<JsonElement[][]>(File.ReadAllText(Path.Combine(Repository.Root, "tests", "vectors", "wareki.json")))!
            .Select(pair => (pair[0].GetInt32(), pair[1].GetString()!));

    [Fact]
    public void Site_labels_every_fiscal_year_as_the_shared_vectors_say()
    {
        var vectors = Vectors().ToList();
        Assert.True(vectors.Count > 150);
        Assert.All(vectors, v => Assert.Equal(v.Label, FiscalYear.Wareki(v.Fy)));
    }

    [Fact]
    public void Cms_labels_agree_with_the_site()
    {
        var output = BrowserSearch.Node("--test", "tests/admin-js/");
        Assert.Contains("# fail 0", output);
    }

    [Theory]
    [InlineData(2019, "令和元年度")]
    [InlineData(2018, "平成30年度")]
    [InlineData(2026, "令和8年度")]
    [InlineData(1989, "平成元年度")]
    public void Era_that_began_in_april_names_the_fiscal_year(int fy, string label) => Assert.Equal(label, FiscalYear.Wareki(fy));

    [Theory]
    [InlineData("令和10年度", 2028)]
    [InlineData("R8", 2026)]
    [InlineData("令和元年", 2019)]
    [InlineData("平成３１年度", 2019)]
    [InlineData("H30", 2018)]
    public void Reads_wareki_typed_where_a_gregorian_year_belongs(string text, int fy)
    {
        Assert.True(FiscalYear.TryParseWareki(text, out var parsed));
        Assert.Equal(fy, parsed);
    }

    [Theory]
    [InlineData("2026")]
    [InlineData("令和")]
    [InlineData("X8")]
    public void Refuses_what_is_not_wareki(string text) => Assert.False(FiscalYear.TryParseWareki(text, out _));

    [Fact]
    public void Labels_a_period_within_one_era_once() =>
        Assert.Equal("令和8〜10年度（2026〜2028年度）", FiscalYear.PeriodLabel(2026, 2028));

    [Fact]
    public void Labels_a_period_across_eras_with_both() =>
        Assert.Equal("平成30〜令和2年度（2018〜2020年度）", FiscalYear.PeriodLabel(2018, 2020));
}
