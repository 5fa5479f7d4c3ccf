using DxCompare.Model;
using DxCompare.Tests.Support;

namespace DxCompare.Tests.Model;

/// <summary>Values read as the plans print them.</summary>
public class IndicatorsTests
{
    /// <summary>The class the loader resolves from content/vocabulary.yml: placement follows it (約40%, 5.0%未満, 90件（累計）).</summary>
    private static QualifierClass? ClassOf(string? word) => word is null ? null : Repository.Content.Vocabulary.QualifierClassOf(word);

    private static Indicator Percent(string? qualifier = null) => new() { Name = "割合", Unit = "%", Qualifier = qualifier, QualifierClass = ClassOf(qualifier) };

    [Theory]
    [InlineData("5.0", "5.0")]
    [InlineData("5500", "5,500")]
    [InlineData("12.10", "12.10")]
    [InlineData("0.33", "0.33")]
    [InlineData("-3", "-3")]
    public void Numbers_keep_the_precision_the_plan_printed(string value, string shown) =>
        Assert.Equal(shown, Indicators.FormatNumber(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("未満", "5.0%未満")]
    [InlineData("以上", "5.0%以上")]
    [InlineData("累計", "5.0%（累計）")]
    [InlineData("毎年度", "毎年度5.0%")]
    [InlineData("約", "約5.0%")]
    [InlineData("目途", "5.0%を目途")]
    public void Qualifiers_read_as_printed(string qualifier, string shown) =>
        Assert.Equal(shown, Indicators.Format(new IndicatorValue { Fy = 2028, Value = 5.0m, Qualifier = qualifier, QualifierClass = ClassOf(qualifier) }, Percent()));

    [Fact]
    public void A_dash_on_a_value_cancels_the_indicators_qualifier() =>
        Assert.Equal("69人", Indicators.Format(new IndicatorValue { Fy = 2024, Value = 69m, Qualifier = "—", QualifierClass = ClassOf("—") },
            new Indicator { Name = "合格者数", Unit = "人", Qualifier = "累計", QualifierClass = ClassOf("累計") }));

    [Fact]
    public void A_value_qualifier_wins_over_the_indicators() =>
        Assert.Equal("40%以上", Indicators.Format(new IndicatorValue { Fy = 2028, Value = 40m, Qualifier = "以上", QualifierClass = ClassOf("以上") }, Percent("累計")));

    [Fact]
    public void The_indicators_qualifier_applies_to_every_value() =>
        Assert.Equal("140件（累計）", Indicators.Format(new IndicatorValue { Fy = 2026, Value = 140m }, new Indicator { Name = "件数", Unit = "件", Qualifier = "累計", QualifierClass = ClassOf("累計") }));

    [Fact]
    public void A_status_word_stands_for_the_number() =>
        Assert.Equal("推進", Indicators.Format(new IndicatorValue { Fy = 2026, Status = "推進" }, Percent()));

    [Fact]
    public void Neither_number_nor_status_reads_as_a_dash() =>
        Assert.Equal(Vocabulary.None, Indicators.Format(new IndicatorValue { Fy = 2026 }, Percent()));

    [Fact]
    public void A_segment_is_named_beside_the_indicator() =>
        Assert.Equal("授業でICTを活用している割合（小学生）", Indicators.DisplayName(new Indicator { Name = "授業でICTを活用している割合", Segment = "小学生" }));
}
