using MarketSim.Grains.Randomness;

namespace MarketSim.Tests.Randomness;

/// <summary>
/// Checks of a ziggurat's layers that a KS test cannot make: a wrong wedge test moves about 1% of the mass
/// within each layer's x-range, which 100,000 draws do not show, but which shifts the share of draws in the
/// outer halves of the layers by several standard errors over 4 million draws.
/// </summary>
internal static class ZigguratLayerChecks
{
    /// <summary>Every layer has the same area v: X[0]·f(r) for the base strip, X[i]·(F[i+1] − F[i]) above it.</summary>
    public static void AssertEqualAreas(ZigguratTable table)
    {
        Assert.Equal(table.LayerArea, table.X[0] * table.F[1], 1e-15);
        for (var i = 1; i < ZigguratTable.Layers; i++)
        {
            var area = table.X[i] * (table.F[i + 1] - table.F[i]);
            Assert.True(Math.Abs(area - table.LayerArea) < 1e-12 * table.LayerArea, $"layer {i}: area {area:R}, v = {table.LayerArea:R}");
        }
    }

    /// <summary>
    /// Fails unless the share of <paramref name="draws"/> |x| &lt; r that fall in the outer half of their layer's x-range,
    /// (X[i+1] + X[i])/2 ≤ |x| &lt; X[i], is within 4 SE of what <paramref name="cdfOfAbs"/> (the CDF of |x|) gives.
    /// </summary>
    public static void AssertOuterHalves(ZigguratTable table, Func<double> draw, Func<double, double> cdfOfAbs, int draws)
    {
        var x = table.X;
        var expected = 0.0;
        for (var i = 1; i < ZigguratTable.Layers; i++)
        {
            expected += cdfOfAbs(x[i]) - cdfOfAbs((x[i] + x[i + 1]) / 2);
        }
        var outer = 0;
        for (var n = 0; n < draws; n++)
        {
            var a = Math.Abs(draw());
            if (a >= table.R)
            {
                continue;
            }
            var (lo, hi) = (1, ZigguratTable.Layers);
            while (hi - lo > 1)
            {
                var mid = (lo + hi) / 2;
                (lo, hi) = a < x[mid] ? (mid, hi) : (lo, mid);
            }
            outer += a >= (x[lo] + x[lo + 1]) / 2 ? 1 : 0;
        }
        SampleChecks.AssertCount(outer, draws, expected, "draws in the outer halves of the layers");
    }
}
