using MarketSim.Simulator.Reports;

namespace MarketSim.Tests.Reports;

public class QuantityTests
{
    [Theory]
    [InlineData(0.0004, 0.0001, 0.001, "0.04% (0.01–0.1%)")]
    [InlineData(0.05, 0.03, 0.08, "5.0% (3.0–8.0%)")]
    [InlineData(0.0, 0.0, 0.018845, "0% (0–1.9%)")]
    [InlineData(1.0, 0.981155, 1.0, "100% (98.1–100%)")]
    public void A_chance_is_written_with_its_interval_in_brackets_and_a_small_end_keeps_one_significant_figure(double share, double low, double high, string expected) =>
        Assert.Equal(expected, Quantity.Percent(share, low, high));

    [Theory]
    [InlineData(0.996, "99.6%")]
    [InlineData(0.9996, "99.96%")]
    [InlineData(0.99996, "99.996%")]
    [InlineData(0.9999, "99.99%")]
    [InlineData(0.95, "95.0%")]
    [InlineData(0.004, "0.4%")]
    [InlineData(0.0004, "0.04%")]
    [InlineData(0.05, "5.0%")]
    [InlineData(0.9, "90%")]
    [InlineData(1.0, "100%")]
    public void A_share_near_100_percent_keeps_as_many_decimals_as_one_near_0_and_only_1_reads_100_percent(double share, string expected) =>
        Assert.Equal(expected, Quantity.Share(share));

    [Fact]
    public void A_chance_of_0_998_with_its_interval_does_not_read_as_100_percent() =>
        Assert.Equal("99.8% (99.0–99.9%)", Quantity.Percent(0.998, 0.99, 0.9993));

    [Theory]
    [InlineData(-0.015, "−1.5%")]
    [InlineData(-0.25, "−25%")]
    [InlineData(-0.0, "0%")]
    public void A_negative_estimate_of_a_share_is_written_with_the_minus_sign_of_the_reports(double share, string expected) =>
        Assert.Equal(expected, Quantity.Share(share));

    [Fact]
    public void A_share_standard_error_of_a_million_runs_is_not_shown_as_zero() =>
        Assert.Equal("0.05%", Quantity.Share(Math.Sqrt(0.528 * 0.472 / 1_000_000)));

    [Theory]
    [InlineData(0.0049, "GBP", "£0.005")]
    [InlineData(0.0023, "GBP", "£0.002")]
    [InlineData(0.0049, "GBP per hour", "£0.005")]
    [InlineData(-0.0004, "GBP", "−£0.0004")]
    [InlineData(0.005, "GBP", "£0.01")]
    [InlineData(1.48, "GBP per hour", "£1.48")]
    public void A_small_non_zero_amount_of_money_keeps_one_significant_figure_instead_of_showing_as_none(double x, string unit, string expected) =>
        Assert.Equal(expected, Quantity.Format(x, unit));

    [Fact]
    public void Money_with_a_small_standard_error_reads_as_the_console_writes_it() =>
        Assert.Equal($"£1.48 ± £{Numbers.Readable(0.0049)}", $"{Quantity.Format(1.48, "GBP per hour")} ± {Quantity.Format(0.0049, "GBP per hour")}");

    [Theory]
    [InlineData(0.0, "GBP", "£0")]
    [InlineData(0.0, "GBP per hour", "£0")]
    [InlineData(0.0, "hours", "0")]
    [InlineData(0.0, "people", "0")]
    public void A_zero_reads_0_not_0_00_beside_figures_such_as_6_43m(double x, string unit, string expected)
    {
        Assert.Equal(expected, Quantity.Format(x, unit));
        Assert.Equal(expected.TrimStart('£'), Numbers.Readable(x));
    }

    [Theory]
    [InlineData(1_234_567.0, 45_000.0, "GBP", false, "£1.23m ± £0.05m")]
    [InlineData(1_234.0, 56.0, "GBP", true, "+£1,234 ± £56")]
    [InlineData(0.234, 0.004, "share", false, "23.4% ± 0.4%")]
    [InlineData(1_230_000.0, 4_000.0, "GBP", false, "£1.230m ± £0.004m")]
    [InlineData(-93_500.0, 2_100.0, "hours", true, "−93.5k ± 2.1k")]
    [InlineData(0.42, 0.013, "GBP per hour", true, "+£0.420 ± £0.013")]
    [InlineData(1_234.0, 0.5, "GBP", false, "£1,234.00 ± £0.50")]
    public void Difference_and_half_width_share_one_scale(double x, double half, string unit, bool signed, string expected) =>
        Assert.Equal(expected, Quantity.PlusMinus(x, half, unit, signed));

    [Theory]
    [InlineData(1_230_000.0, 800.0, "+£1.2300m ± £0.0008m")]
    [InlineData(1_230_000.0, 0.0, "+£1.23m ± £0")]
    public void A_tiny_half_width_keeps_the_differences_scale_and_shows_a_significant_figure(double x, double half, string expected) =>
        Assert.Equal(expected, Quantity.PlusMinus(x, half, "GBP", signed: true));

    [Theory]
    [InlineData(0.0, 0.0, "GBP", "£0 ± £0")]
    [InlineData(0.0, 0.0, "hours", "0 ± 0")]
    [InlineData(0.0, 1_500_000.0, "GBP", "£0 ± £1.50m")]
    public void An_exact_zero_reads_0_beside_its_half_width(double x, double half, string unit, string expected) =>
        Assert.Equal(expected, Quantity.PlusMinus(x, half, unit, signed: true));

    [Theory]
    [InlineData(12_000.0, 1_500_000.0, "GBP", "+£0.01m ± £1.50m")]
    [InlineData(-0.001, 2.0, "hours", "0.00 ± 2.00")]
    public void A_half_width_larger_than_the_difference_sets_the_scale_of_both(double x, double half, string unit, string expected) =>
        Assert.Equal(expected, Quantity.PlusMinus(x, half, unit, signed: true));

    [Fact]
    public void On_a_footing_with_k_from_1000_a_difference_and_its_half_width_take_k_together()
    {
        var footing = Footing.Of([(385_000.0, "hours")]);

        Assert.Equal("+7.35k ± 1.25k", footing.PlusMinus(7_345, 1_248, "hours", signed: true));
        Assert.Equal("+7,345 ± 1,248", Footing.Of([]).PlusMinus(7_345, 1_248, "hours", signed: true));
    }

    [Theory]
    [InlineData(double.NaN, 3.0, "n/a")]
    [InlineData(5.0, double.NaN, "+5.00 ± n/a")]
    public void A_difference_or_half_width_not_known_reads_n_a(double x, double half, string expected) =>
        Assert.Equal(expected, Quantity.PlusMinus(x, half, "hours", signed: true));
}
