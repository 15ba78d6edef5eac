using MarketSim.Grains.Randomness;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace MarketSim.Tests.Randomness;

public class PoissonSamplerTests
{
    /// <summary>
    /// Rates from a recruit a fortnight to the largest zone's referrals (BaNES early intervention, 112 a week), on
    /// both sides of the switch from inversion to PTRS at 10.
    /// </summary>
    [Theory]
    [InlineData(0.1)]
    [InlineData(0.6)]
    [InlineData(1.0)]
    [InlineData(2.5)]
    [InlineData(4.8077)]
    [InlineData(9.99)]
    [InlineData(10.0)]
    [InlineData(18.74)]
    [InlineData(25.28)]
    [InlineData(50.0)]
    [InlineData(112.4)]
    public void Draws_follow_mathnets_poisson_pmf(double mean)
    {
        const int draws = 1_000_000;
        var state = new Xoshiro256StarStar(401);
        var sample = new double[draws];
        var counts = new int[(int)(mean + (20 * Math.Sqrt(mean)) + 20)];
        for (var i = 0; i < draws; i++)
        {
            var k = PoissonSampler.Sample(ref state, mean);
            Assert.True(k >= 0, $"negative draw {k}");
            sample[i] = k;
            counts[Math.Min(k, counts.Length - 1)]++;
        }
        SampleChecks.AssertMoments(sample, mean, mean, mean * (1 + (3 * mean)), $"Poisson({mean})");

        // Chi-square against the exact pmf: cells {k ≤ lo}, lo + 1 .. hi − 1, {k ≥ hi}, with lo and hi chosen so
        // that every cell expects at least 5 draws (the pmf is unimodal, so cells nearer the mode expect more).
        var lo = 0;
        while (draws * Poisson.CDF(mean, lo) < 5 || draws * Poisson.PMF(mean, lo + 1) < 5)
        {
            lo++;
        }
        var hi = lo + 1;
        while (draws * (1 - Poisson.CDF(mean, hi)) >= 5 && draws * Poisson.PMF(mean, hi) >= 5)
        {
            hi++;
        }
        var cells = new List<(double Observed, double Expected)>
        {
            (counts.Take(lo + 1).Sum(), draws * Poisson.CDF(mean, lo)),
        };
        for (var k = lo + 1; k < hi; k++)
        {
            cells.Add((counts[k], draws * Poisson.PMF(mean, k)));
        }
        cells.Add((counts.Skip(hi).Sum(), draws * (1 - Poisson.CDF(mean, hi - 1))));
        var chiSquare = cells.Sum(c => (c.Observed - c.Expected) * (c.Observed - c.Expected) / c.Expected);
        var critical = ChiSquared.InvCDF(cells.Count - 1, 0.999);
        Assert.True(chiSquare < critical, $"Poisson({mean}): chi-square {chiSquare:F1} on {cells.Count - 1} df exceeds {critical:F1} (alpha 0.001)");
    }

    [Fact]
    public void Mean_zero_draws_zero()
    {
        var state = new Xoshiro256StarStar(402);
        Assert.Equal(0, PoissonSampler.Sample(ref state, 0));
    }

    [Fact]
    public void Log_factorials_match_mathnet_from_the_table_into_stirlings_series()
    {
        for (var k = 0; k <= 2000; k++)
        {
            var expected = SpecialFunctions.FactorialLn(k);
            Assert.True(Math.Abs(PoissonSampler.LogFactorial(k) - expected) <= 1e-12 * Math.Max(1, expected), $"ln {k}! = {PoissonSampler.LogFactorial(k):R}, MathNet {expected:R}");
        }
    }

    [Fact]
    public void A_reference_stream_draws_mathnets_poisson_exactly()
    {
        var ours = new StreamRandom(403, SamplerFamily.MathNet);
        var theirs = new StreamRandom(403);
        for (var i = 0; i < 1000; i++)
        {
            var mean = 0.5 + (i % 60);
            Assert.Equal(Poisson.Sample(theirs, mean), ours.Poisson(mean));
        }
    }
}
