using FsCheck;
using FsCheck.Fluent;
using MarketSim.Simulator.Reports.Charts;

namespace MarketSim.Tests.Reports;

public class NiceScaleTests
{
    private static bool IsNice(double step)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(step)));
        var mantissa = step / magnitude;
        return new[] { 1, 2, 2.5, 5, 10 }.Any(n => Math.Abs(mantissa - n) < 1e-9);
    }

    [Fact]
    public void Ticks_are_nice_numbers_that_cover_the_data()
    {
        var ranges = from a in Gen.Choose(-1_000_000, 1_000_000)
                     from b in Gen.Choose(-1_000_000, 1_000_000)
                     from exponent in Gen.Choose(-4, 6)
                     select (a * Math.Pow(10, exponent - 3), b * Math.Pow(10, exponent - 3));
        Prop.ForAll(ranges.ToArbitrary(), r =>
        {
            var (lo, hi) = (Math.Min(r.Item1, r.Item2), Math.Max(r.Item1, r.Item2));
            var scale = new NiceScale(lo, hi);
            return IsNice(scale.Step)
                && scale.Min <= lo && scale.Max >= hi
                && scale.Ticks.Count is >= 2 and <= 12
                && scale.Ticks.Zip(scale.Ticks.Skip(1), (x, y) => Math.Abs(y - x - scale.Step) < scale.Step * 1e-6).All(ok => ok)
                && scale.Ticks.All(t => Math.Abs((t / scale.Step) - Math.Round(t / scale.Step)) < 1e-6);
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(0, 97, 0, 100, 20)]
    [InlineData(0.13, 0.87, 0, 1, 0.2)]
    [InlineData(1200, 13_400, 0, 15_000, 2_500)]
    [InlineData(0, 2.3, 0, 2.5, 0.5)]
    public void Known_ranges_get_the_expected_ticks(double lo, double hi, double min, double max, double step)
    {
        var scale = new NiceScale(lo, hi);

        Assert.Equal(min, scale.Min, 9);
        Assert.Equal(max, scale.Max, 9);
        Assert.Equal(step, scale.Step, 9);
    }

    [Fact]
    public void Large_values_are_labelled_in_thousands_and_millions()
    {
        Assert.Equal("2.5m", new NiceScale(0, 12_000_000).Label(2_500_000));
        Assert.Equal("40k", new NiceScale(0, 90_000).Label(40_000));
        Assert.Equal("0", new NiceScale(0, 90_000).Label(0));
    }
}
