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
        var tail = Math.Max(1, (int)Math.Ceiling((1 - alpha) * sorted.Count));
        var sum = 0.0;
        for (var i = sorted.Count - tail; i < sorted.Count; i++)
        {
            sum += sorted[i];
        }
        return sum / tail;
    }
}
