using MarketSim.Grains.Randomness;
using MathNet.Numerics.Distributions;

namespace MarketSim.Tests.Randomness;

public class WaitingTimeBinomialTests
{
    [Theory]
    [InlineData(130, 0.0068, SamplerFamily.Fast)]
    [InlineData(20, 0.3, SamplerFamily.Fast)]
    [InlineData(1000, 0.05, SamplerFamily.Fast)]
    [InlineData(130, 0.0068, SamplerFamily.MathNet)]
    [InlineData(1000, 0.05, SamplerFamily.MathNet)]
    public void Waiting_time_draws_follow_the_binomial_distribution(int n, double p, SamplerFamily samplers)
    {
        const int draws = 40_000;
        var random = new StreamRandom(17, samplers);
        var counts = new int[n + 1];
        for (var i = 0; i < draws; i++)
        {
            counts[new WaitingTimeBinomial(p).Sample(random, n)]++;
        }

        // Mean within 4 standard errors of np, and a chi-square goodness of fit against the exact pmf
        // over cells with an expected count of at least 5 (the rest pooled).
        var mean = counts.Select((c, k) => (double)c * k).Sum() / draws;
        var se = Math.Sqrt(n * p * (1 - p) / draws);
        Assert.InRange(mean, (n * p) - (4 * se), (n * p) + (4 * se));

        var chiSquare = 0.0;
        var cells = 0;
        double pooledObserved = 0, pooledExpected = 0;
        for (var k = 0; k <= n; k++)
        {
            var expected = draws * Binomial.PMF(p, n, k);
            if (expected >= 5)
            {
                chiSquare += (counts[k] - expected) * (counts[k] - expected) / expected;
                cells++;
            }
            else
            {
                pooledObserved += counts[k];
                pooledExpected += expected;
            }
        }
        if (pooledExpected >= 5)
        {
            chiSquare += (pooledObserved - pooledExpected) * (pooledObserved - pooledExpected) / pooledExpected;
            cells++;
        }
        var critical = ChiSquared.InvCDF(cells - 1, 0.9999);
        Assert.True(chiSquare < critical, $"chi-square {chiSquare:0.0} on {cells - 1} df exceeds {critical:0.0}");
    }

    [Theory]
    [InlineData(SamplerFamily.Fast)]
    [InlineData(SamplerFamily.MathNet)]
    public void Edge_cases_are_exact(SamplerFamily samplers)
    {
        var random = new StreamRandom(1, samplers);
        Assert.Equal(0, new WaitingTimeBinomial(0.5).Sample(random, 0));
        Assert.Equal(0, new WaitingTimeBinomial(0).Sample(random, 10));
        Assert.Equal(10, new WaitingTimeBinomial(1).Sample(random, 10));
    }
}
