using DxCompare.Model;
using DxCompare.Pages;
using DxCompare.Tests.Support;

namespace DxCompare.Tests.Pages;

/// <summary>The latest actual against the target of the same year, and a metric's series merged across indicators.</summary>
public class ProgressTests
{
    private static IndicatorValue V(int fy, ValueKind type, decimal value) => new() { Fy = fy, Type = type, Value = value };

    [Fact]
    public void An_actual_at_or_above_its_target_is_on_track()
    {
        var reading = ProgressReading.Of(new Indicator { Name = "率", Values = [V(2025, ValueKind.Target, 48), V(2025, ValueKind.Actual, 54)] });
        Assert.Equal(ProgressStatus.OnTrack, reading.Status);
        Assert.Equal("目標を達成", reading.Label);
    }

    [Fact]
    public void Lower_is_better_turns_the_comparison_round()
    {
        var reading = ProgressReading.Of(new Indicator { Name = "時間", Direction = Direction.Lower, Values = [V(2025, ValueKind.Target, 5), V(2025, ValueKind.Actual, 6)] });
        Assert.Equal(ProgressStatus.Behind, reading.Status);
        Assert.Equal("目標に届かず", reading.Label);
    }

    [Fact]
    public void The_latest_actual_is_read_against_the_same_years_target_only()
    {
        var reading = ProgressReading.Of(new Indicator { Name = "率", Values = [V(2024, ValueKind.Actual, 10), V(2025, ValueKind.Actual, 20), V(2026, ValueKind.Target, 30)] });
        Assert.Equal(ProgressStatus.NoActual, reading.Status);
        Assert.Equal(2025, reading.Actual!.Fy);
        Assert.Null(reading.Target);
    }

    [Fact]
    public void No_actual_reads_as_such() =>
        Assert.Equal("実績なし", ProgressReading.Of(new Indicator { Name = "率", Values = [V(2026, ValueKind.Target, 30)] }).Label);

    [Fact]
    public void Online_procedures_merge_each_wards_indicators_into_one_series()
    {
        var series = MetricSeries.For(Repository.Content, "online-procedure-rate");
        var taito = series.Single(s => s.Municipality.Slug == "taito");
        var koto = series.Single(s => s.Municipality.Slug == "koto");
        // Taito: the 評価指標 gives the baseline and final target, the 事業計画 the yearly steps.
        Assert.Equal([2026, 2027, 2028], taito.OfType(ValueKind.Target).Select(v => v.Fy));
        Assert.Equal(40m, taito.FinalTarget!.Value);
        Assert.Equal(20m, taito.Baseline!.Value);
        Assert.Equal(100m, koto.FinalTarget!.Value);
        Assert.Equal(54m, koto.LatestActual!.Value);
        Assert.Equal(ProgressStatus.OnTrack, koto.Progress.Status);
    }
}
