using MarketSim.Grains.Randomness;
using MathNet.Numerics.Distributions;

namespace MarketSim.Tests.Randomness;

public class ZigguratExponentialTests
{
    [Fact]
    public void Draws_follow_the_standard_exponential_cdf()
    {
        var state = new Xoshiro256StarStar(201);
        var sample = SampleChecks.Sample(() => ZigguratExponential.Sample(ref state));
        SampleChecks.AssertMoments(sample, mean: 1, variance: 1, fourthCentralMoment: 9, "Exp(1)");
        SampleChecks.AssertFollows(sample, x => Exponential.CDF(1, x), "Exp(1)");
    }

    [Fact]
    public void The_tail_beyond_r_has_the_exponential_tail_probability()
    {
        // e^(−r) ≈ 0.045% of draws are in the tail: count them, and those beyond r + 1, in 4 million draws.
        const int draws = 4_000_000;
        var state = new Xoshiro256StarStar(202);
        var r = ZigguratExponential.TailStart;
        var beyond = 0;
        var beyondFar = 0;
        for (var i = 0; i < draws; i++)
        {
            var x = ZigguratExponential.Sample(ref state);
            beyond += x > r ? 1 : 0;
            beyondFar += x > r + 1 ? 1 : 0;
        }
        SampleChecks.AssertCount(beyond, draws, Math.Exp(-r), "x > r");
        SampleChecks.AssertCount(beyondFar, draws, Math.Exp(-r - 1), "x > r + 1");
    }

    [Fact]
    public void Every_layer_has_the_same_area() => ZigguratLayerChecks.AssertEqualAreas(ZigguratExponential.Table);

    [Fact]
    public void Draws_fill_each_layer_as_the_density_does()
    {
        var state = new Xoshiro256StarStar(203);
        ZigguratLayerChecks.AssertOuterHalves(ZigguratExponential.Table, () => ZigguratExponential.Sample(ref state), x => Exponential.CDF(1, x), 4_000_000);
    }

    [Fact]
    public void The_tables_start_the_tail_where_Marsaglia_and_Tsang_put_it()
    {
        // Marsaglia and Tsang (2000), section 4: r = 7.69711747013104972 for 256 layers.
        Assert.Equal(7.69711747013104972, ZigguratExponential.TailStart, 1e-12);
    }
}
