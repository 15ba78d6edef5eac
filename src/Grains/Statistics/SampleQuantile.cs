namespace MarketSim.Grains.Statistics;

/// <summary>Sample quantiles of sorted values.</summary>
public static class SampleQuantile
{
    /// <summary>
    /// The <paramref name="p"/> quantile (0 ≤ p ≤ 1) of ascending <paramref name="sorted"/> by R's
    /// default (type 7) linear interpolation; NaN when empty.
    /// </summary>
    public static double Type7(IReadOnlyList<double> sorted, double p) => Type7(sorted.Count, k => sorted[k], p);

    /// <summary>
    /// The <paramref name="p"/> quantile (0 ≤ p ≤ 1) by R's type 7 of <paramref name="count"/> values known by their
    /// order statistics: <paramref name="orderStatistic"/>(k) is the k-th smallest, from 0. NaN when there are none.
    /// </summary>
    public static double Type7(int count, Func<int, double> orderStatistic, double p)
    {
        if (count == 0)
        {
            return double.NaN;
        }
        var h = (count - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, count - 1);
        var below = orderStatistic(lo);
        return below + ((h - lo) * (orderStatistic(hi) - below));
    }
}
