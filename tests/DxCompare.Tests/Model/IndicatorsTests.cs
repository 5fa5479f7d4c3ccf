using DxCompare.Model;

namespace DxCompare.Tests.Model;

/// <summary>Values read as the plans print them.</summary>
public class IndicatorsTests
{
    private static Indicator Percent(string? qualifier = null) => new() { Name = "割合", Unit = "%", Qualifier = qualifier };

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
    public void Qualifiers_read_as_printed(string qualifier, string shown) =>
        Assert.Equal(shown, Indicators.Format(new IndicatorValue { Fy = 2028, Value = 5.0m, Qualifier = qualifier }, Percent()));

    [Fact]
    public void A_value_qualifier_wins_over_the_indicators() =>
        Assert.Equal("40%以上", Indicators.Format(new IndicatorValue { Fy = 2028, Value = 40m, Qualifier = "以上" }, Percent("累計")));

    [Fact]
    public void The_indicators_qualifier_applies_to_every_value() =>
        Assert.Equal("140件（累計）", Indicators.Format(new IndicatorValue { Fy = 2026, Value = 140m }, new Indicator { Name = "件数", Unit = "件", Qualifier = "累計" }));

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
