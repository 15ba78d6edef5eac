using MarketSim.Grains.Statistics;

namespace MarketSim.Simulator.Reports;

/// <summary>
/// A distribution-free 95% interval for a quantile of a sample, from order statistics: the number of
/// values below the p-quantile is binomial(n, p), so the values at ranks n·p ∓ 1.96·√(n·p·(1 − p))
/// bound it (normal approximation to the binomial; exact enough for the hundreds of runs a report has).
/// </summary>
public static class QuantileInterval
{
    /// <summary>The interval around the <paramref name="p"/>-quantile of <paramref name="sorted"/> (ascending); NaNs with no values.</summary>
    public static (double Low, double High) Of(IReadOnlyList<double> sorted, double p)
    {
        var n = sorted.Count;
        if (n == 0)
        {
            return (double.NaN, double.NaN);
        }
        var spread = RunningMoments.Z95 * Math.Sqrt(n * p * (1 - p));
        var low = (int)Math.Floor((n * p) - spread) - 1;
        var high = (int)Math.Ceiling((n * p) + spread) - 1;
        return (sorted[Math.Clamp(low, 0, n - 1)], sorted[Math.Clamp(high, 0, n - 1)]);
    }
}
