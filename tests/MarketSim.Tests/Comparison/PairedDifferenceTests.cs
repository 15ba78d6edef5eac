using MarketSim.Simulator.Comparison;
using MarketSim.Simulator.Reports;

namespace MarketSim.Tests.Comparison;

public class PairedDifferenceTests
{
    // Wilson's 95% score interval by hand, z = 1.96, n = 200, z²/n = 0.019208:
    //   0 of 200:   p = 0, the interval is 0 to z²/(n + z²) = 3.8415/203.84 = 0.018845.
    //   5 of 200:   p = 0.025, centre (0.025 + 0.0096037)/1.019208 = 0.033952,
    //               half 1.96 √(0.025 × 0.975/200 + 3.8415/160,000)/1.019208 = 0.023227: 0.010725 to 0.057178.
    //   200 of 200: p = 1, the interval is 1 − 0.018845 = 0.981155 to 1.
    [Theory]
    [InlineData(0, 0.0, 0.018845, "0% (0–1.9%)")]
    [InlineData(5, 0.010725, 0.057178, "2.5% (1.1–5.7%)")]
    [InlineData(200, 0.981155, 1.0, "100% (98.1–100%)")]
    public void P_other_worse_of_0_5_or_200_in_200_runs_has_the_Wilson_interval_not_a_certain_0_or_100_percent(int worse, double low, double high, string shown)
    {
        var d = new PairedDifference(new ComparedOutcome("unmet_hours_total", "hours", "Unmet care (hours)", WorseWhen.Higher, 0, 0));
        for (var k = 0; k < 200; k++)
        {
            d.Add(100, k < worse ? 101 : 99);
        }

        var p = Assert.IsType<MarketSim.Grains.Statistics.Proportion>(d.OtherWorse);
        Assert.Equal(worse / 200.0, d.ProbabilityOtherWorse);
        Assert.Equal(low, p.Low95, 6);
        Assert.Equal(high, p.High95, 6);
        Assert.Equal(shown, ComparisonFiles.OtherWorse(d));
    }

    [Fact]
    public void An_outcome_neither_way_worse_has_no_chance_of_worse_and_shows_n_a()
    {
        var d = new PairedDifference(new ComparedOutcome("referrals_total", "people", "Referrals (people)", WorseWhen.Neither, 0, 0));
        d.Add(1, 2);

        Assert.Null(d.OtherWorse);
        Assert.Equal("n/a", ComparisonFiles.OtherWorse(d));
    }
}
