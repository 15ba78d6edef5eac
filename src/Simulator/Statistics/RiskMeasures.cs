using MarketSim.Grains.Statistics;

namespace MarketSim.Simulator.Statistics;

/// <summary>
/// Tail measures of a loss (a liability: positive is a cost) from a sample: value at risk, the
/// α-quantile (R type 7), and conditional value at risk (expected shortfall), the mean of the worst
/// ⌈(1 − α)·n⌉ values.
/// </summary>
public static class RiskMeasures
{
    /// <summary>VaR at level <paramref name="alpha"/> of <paramref name="sorted"/> (ascending).</summary>
    public static double ValueAtRisk(IReadOnlyList<double> sorted, double alpha) => SampleQuantile.Type7(sorted, alpha);

    /// <summary>CVaR (expected shortfall) at level <paramref name="alpha"/> of <paramref name="sorted"/> (ascending).</summary>
    public static double ConditionalValueAtRisk(IReadOnlyList<double> sorted, double alpha)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }
        var tail = TailCount(sorted.Count, alpha);
        var sum = 0.0;
        for (var i = sorted.Count - tail; i < sorted.Count; i++)
        {
            sum += sorted[i];
        }
        return sum / tail;
    }

    /// <summary>
    /// ⌈(1 − α)·n⌉, at least 1 and at most n, with (1 − α)·n first rounded to the nearest whole
    /// number when within 1e-9 of it: 1 − 0.95 is 0.05000000000000004 in binary, which would
    /// otherwise put one run too many in the tail whenever 0.05·n is whole (51 of 1,000).
    /// </summary>
    private static int TailCount(int n, double alpha)
    {
        var exact = (1 - alpha) * n;
        var nearest = Math.Round(exact);
        var count = Math.Abs(exact - nearest) <= 1e-9 * Math.Max(1, nearest) ? nearest : Math.Ceiling(exact);
        return (int)Math.Clamp(count, 1, n);
    }
}
