using System.Text;
using MarketSim.Simulator.Reports;

namespace MarketSim.Tests.Reports;

public class NumbersTests
{
    [Theory]
    [InlineData(8.05, "8")]
    [InlineData(74.8, "75")]
    [InlineData(0.5, "1")]
    [InlineData(-0.3, "0")]
    [InlineData(189.0, "189")]
    [InlineData(2761.4, "2,761")]
    [InlineData(14250.4, "14.3k")]
    public void A_percentile_of_a_count_or_a_week_is_the_whole_number_it_rounds_to(double x, string expected) =>
        Assert.Equal(expected, Numbers.Whole(x, Numbers.Compact));

    [Theory]
    [InlineData(14.36, "14.36")]
    [InlineData(16.18, "16.18")]
    [InlineData(2750.0, "2,750")]
    [InlineData(0.0133333333, "0.0133333")]
    [InlineData(-0.02, "−0.02")]
    [InlineData(-2750.0, "−2,750")]
    [InlineData(0.0, "0")]
    [InlineData(1234567.891, "1,234,568")]
    public void Setting_writes_an_inputs_value_to_six_significant_figures_so_close_settings_stay_apart(double x, string expected) =>
        Assert.Equal(expected, Numbers.Setting(x));

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(4414.6, "4,415")]
    [InlineData(-9999.4, "-9,999")]
    [InlineData(14250.0, "14.3k")]
    [InlineData(99960.0, "100k")]
    [InlineData(999600.0, "1.00m")]
    [InlineData(5434702.48, "5.43m")]
    [InlineData(-1089396.0, "-1.09m")]
    [InlineData(111414220.0, "111m")]
    [InlineData(1070000000.0, "1.07bn")]
    public void Compact_keeps_three_significant_figures_with_a_suffix(double x, string expected) =>
        Assert.Equal(expected, Numbers.Compact(x));

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(999.4, "999.4")]
    [InlineData(5157.0, "5.16k")]
    [InlineData(-9348.0, "-9.35k")]
    [InlineData(6_430_000.0, "6.43m")]
    public void Scaled_writes_a_figure_from_1000_with_k_as_its_neighbours_in_millions_are(double x, string expected) =>
        Assert.Equal(expected, Numbers.Scaled(x));

    [Fact]
    public void A_footing_scales_only_the_units_that_reach_10000()
    {
        var footing = Footing.Of([(5_157, "GBP"), (6_430_000, "GBP"), (5_157, "people"), (9_999, "hours")]);

        Assert.Equal(["£5.16k", "£6.43m", "5,157", "9,999"], new[] { footing.Format(5_157, "GBP"), footing.Format(6_430_000, "GBP"), footing.Format(5_157, "people"), footing.Format(9_999, "hours") });
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(2.0237, "2.02")]
    [InlineData(0.006, "0.01")]
    [InlineData(0.0023, "0.002")]
    [InlineData(-0.00047, "-0.0005")]
    [InlineData(3e-9, "0.000000003")]
    [InlineData(double.NaN, "NaN")]
    public void Readable_keeps_one_significant_figure_of_a_number_that_would_round_to_zero(double x, string expected) =>
        Assert.Equal(expected, Numbers.Readable(x));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(0.0)]
    [InlineData(-1.5)]
    [InlineData(0.1)]
    [InlineData(1006968.0932499998)]
    [InlineData(-2.5e-310)]
    [InlineData(1.7976931348623157e308)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(123456789012345680.0)]
    public void AppendExact_appends_the_text_of_Exact(double x)
    {
        var text = new StringBuilder("x,");

        Numbers.AppendExact(text, x);

        Assert.Equal("x," + Numbers.Exact(x), text.ToString());
    }

    [Fact]
    public void AppendExact_keeps_the_sign_of_negative_zero() =>
        Assert.Equal(Numbers.Exact(-0.0), Numbers.AppendExact(new StringBuilder(), -0.0).ToString());
}
