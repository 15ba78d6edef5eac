using MarketSim.Simulator.Cli;

namespace MarketSim.Tests.Cli;

/// <summary>The share done that progress lines and `cluster status` print.</summary>
public sealed class PercentDoneTests
{
    [Theory]
    [InlineData(2990, 3000, "99%")]
    [InlineData(2999, 3000, "99%")]
    [InlineData(3000, 3000, "100%")]
    [InlineData(29, 3000, "0%")]
    [InlineData(30, 3000, "1%")]
    [InlineData(1500, 3000, "50%")]
    [InlineData(0, 0, "0%")]
    public void Percent_done_is_rounded_down_so_that_100_percent_means_every_run(long done, long total, string expected) =>
        Assert.Equal(expected, PercentDone.Of(done, total));

}
