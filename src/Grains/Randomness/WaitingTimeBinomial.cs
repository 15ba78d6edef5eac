using MathNet.Numerics.Distributions;

namespace MarketSim.Grains.Randomness;

/// <summary>
/// Exact Binomial(n, p) draws by the waiting-time method: count the successes whose positions, built
/// from geometric gaps, fall within n trials. Costs about np + 1 geometric draws, where MathNet's own
/// binomial sampler sums n Bernoulli trials (measured 360 ns for n = 130, p = 0.007, against about 25 ns
/// here). A gap is 1 + ⌊E/λ⌋ with E ~ Exp(1) from <see cref="ZigguratExponential"/> and λ = −ln(1 − p),
/// since P(gap &gt; k) = e^(−λk) = (1 − p)^k; MathNet's geometric sampler on the reference path.
/// Used for weekly leavers, where n is large and p small.
/// </summary>
public readonly struct WaitingTimeBinomial
{
    private readonly double _gapScale;

    /// <summary>Draws for trials of probability <paramref name="p"/>: 1/λ is worked out once here, not at every draw.</summary>
    public WaitingTimeBinomial(double p)
    {
        P = p;
        _gapScale = p is > 0 and < 1 ? -1 / Math.Log(1 - p) : 0;
    }

    /// <summary>The probability of success of each trial.</summary>
    public double P { get; }

    /// <summary>One draw of the number of successes in <paramref name="n"/> trials of probability <see cref="P"/>.</summary>
    public int Sample(StreamRandom random, int n)
    {
        var p = P;
        if (n <= 0 || p <= 0)
        {
            return 0;
        }
        if (p >= 1)
        {
            return n;
        }
        var successes = 0;
        if (random.Samplers == SamplerFamily.MathNet)
        {
            for (long position = Geometric.Sample(random, p); position <= n; position += Geometric.Sample(random, p))
            {
                successes++;
            }
            return successes;
        }
        var gapScale = _gapScale;
        ref var state = ref random.State;
        for (var position = 1 + Math.Floor(ZigguratExponential.Sample(ref state) * gapScale); position <= n;
             position += 1 + Math.Floor(ZigguratExponential.Sample(ref state) * gapScale))
        {
            successes++;
        }
        return successes;
    }
}
