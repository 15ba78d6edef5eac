using MarketSim.Grains.Randomness;
using MathNet.Numerics.Distributions;

namespace MarketSim.Tests.Randomness;

public class ZigguratNormalTests
{
    [Fact]
    public void Draws_follow_the_standard_normal_cdf()
    {
        var state = new Xoshiro256StarStar(101);
        var sample = SampleChecks.Sample(() => ZigguratNormal.Sample(ref state));
        SampleChecks.AssertMoments(sample, mean: 0, variance: 1, fourthCentralMoment: 3, "N(0, 1)");
        SampleChecks.AssertFollows(sample, x => Normal.CDF(0, 1, x), "N(0, 1)");
    }

    [Fact]
    public void The_tail_beyond_r_has_the_normal_tail_probability()
    {
        // The tail is 0.026% of draws, too few for the KS test to see: count draws beyond r ≈ 3.654 in 4 million.
        const int draws = 4_000_000;
        var state = new Xoshiro256StarStar(102);
        var r = ZigguratNormal.TailStart;
        var beyond = 0;
        var beyondFar = 0;
        for (var i = 0; i < draws; i++)
        {
            var x = Math.Abs(ZigguratNormal.Sample(ref state));
            beyond += x > r ? 1 : 0;
            beyondFar += x > r + 0.5 ? 1 : 0;
        }
        SampleChecks.AssertCount(beyond, draws, 2 * Normal.CDF(0, 1, -r), "|x| > r");
        SampleChecks.AssertCount(beyondFar, draws, 2 * Normal.CDF(0, 1, -r - 0.5), "|x| > r + 0.5");
    }

    [Fact]
    public void Every_layer_has_the_same_area() => ZigguratLayerChecks.AssertEqualAreas(ZigguratNormal.Table);

    [Fact]
    public void Draws_fill_each_layer_as_the_density_does()
    {
        var state = new Xoshiro256StarStar(103);
        ZigguratLayerChecks.AssertOuterHalves(ZigguratNormal.Table, () => ZigguratNormal.Sample(ref state), x => (2 * Normal.CDF(0, 1, x)) - 1, 4_000_000);
    }

    [Fact]
    public void The_tables_start_the_tail_where_Marsaglia_and_Tsang_put_it()
    {
        // Marsaglia and Tsang (2000), section 4: r = 3.6541528853610088 for 256 layers.
        Assert.Equal(3.6541528853610088, ZigguratNormal.TailStart, 1e-12);
    }
}
