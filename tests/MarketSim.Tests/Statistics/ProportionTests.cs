using MarketSim.Grains.Statistics;
using MarketSim.Simulator.Reports;

namespace MarketSim.Tests.Statistics;

public class ProportionTests
{
    [Theory]
    [InlineData(400)]
    [InlineData(1_000)]
    [InlineData(10_000)]
    [InlineData(7)]
    public void A_chance_every_run_had_has_a_Wilson_interval_ending_at_exactly_1(long runs)
    {
        var p = new Proportion(runs, runs);
        Assert.Equal(1.0, p.High95);
        Assert.True(p.Low95 < 1);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(1_000)]
    [InlineData(10_000)]
    [InlineData(7)]
    public void A_chance_no_run_had_has_a_Wilson_interval_starting_at_exactly_0(long runs)
    {
        var p = new Proportion(0, runs);
        Assert.Equal(0.0, p.Low95);
        Assert.True(p.High95 > 0);
    }

    [Fact]
    public void The_interval_of_a_certainty_reads_as_100_percent_not_as_a_rounding_residue() =>
        Assert.Equal("99.0% to 100%", $"{Quantity.Share(new Proportion(400, 400).Low95)} to {Quantity.Share(new Proportion(400, 400).High95)}");

    [Fact]
    public void An_interval_inside_0_to_1_is_still_the_Wilson_score_interval()
    {
        // 53 of 100: Wilson's 95% interval is 0.4329 to 0.6249 (z = 1.959964).
        var p = new Proportion(53, 100);
        Assert.Equal(0.4329, p.Low95, 4);
        Assert.Equal(0.6249, p.High95, 4);
    }
}
