using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace MarketSim.Grains.Providers;

/// <summary>
/// How a provider's other work (hours a week per hour a week of its capacity) moves from one model year to
/// the next: an AR(1) on its logarithm, log r' = μ + ρ(log r − μ) + σ√(1 − ρ²) ε with ε ~ N(0, 1). μ and σ²
/// are the mean and variance of log r under the run's first draw, a gamma with shape k and rate β
/// (μ = ψ(k) − ln β, σ² = ψ₁(k)), so the log keeps its mean and variance every year and
/// corr(log r_y, log r_(y+n)) = ρⁿ. Private books change as clients come and go, so hand-backs can come in any year.
/// </summary>
public sealed class OtherWorkDrift
{
    private readonly double _innovationSd;

    /// <summary>Drift around a gamma with <paramref name="mean"/> and <paramref name="sd"/> (both &gt; 0), year-to-year correlation <paramref name="persistence"/> (0 to 1) of the log.</summary>
    public OtherWorkDrift(double mean, double sd, double persistence)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(mean);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sd);
        ArgumentOutOfRangeException.ThrowIfNegative(persistence);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(persistence, 1);
        var shape = mean * mean / (sd * sd);
        var rate = shape / mean;
        Persistence = persistence;
        LogMean = SpecialFunctions.DiGamma(shape) - Math.Log(rate);
        LogSd = Math.Sqrt(Trigamma(shape));
        _innovationSd = LogSd * Math.Sqrt(1 - (persistence * persistence));
    }

    /// <summary>ρ: the correlation of the log of other work from one year to the next.</summary>
    public double Persistence { get; }

    /// <summary>μ: the mean of the log of other work, every year.</summary>
    public double LogMean { get; }

    /// <summary>σ: the standard deviation of the log of other work, every year.</summary>
    public double LogSd { get; }

    /// <summary>Next year's other work after this year's <paramref name="ratio"/> (&gt; 0), with one normal draw from <paramref name="random"/>.</summary>
    public double Next(double ratio, Random random) =>
        Math.Exp(LogMean + (Persistence * (Math.Log(ratio) - LogMean)) + (_innovationSd * Normal.Sample(random, 0, 1)));

    /// <summary>The trigamma function ψ₁(x) for x &gt; 0: the recurrence ψ₁(x) = ψ₁(x + 1) + 1/x² up to x ≥ 10, then its asymptotic series to the x⁻¹¹ term (error below 10⁻¹³).</summary>
    public static double Trigamma(double x)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(x);
        var sum = 0.0;
        for (; x < 10; x++)
        {
            sum += 1 / (x * x);
        }
        var inv2 = 1 / (x * x);
        var tail = inv2 * ((1.0 / 6) - (inv2 * ((1.0 / 30) - (inv2 * ((1.0 / 42) - (inv2 * ((1.0 / 30) - (inv2 * 5 / 66))))))));
        return sum + (1 / x) + (inv2 / 2) + (tail / x);
    }
}
