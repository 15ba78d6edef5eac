using MarketSim.Simulator.Reports;

namespace MarketSim.Tests.Reports;

public class NumbersTests
{
    [Theory]
    [InlineData(0.0, "0.00")]
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
}
