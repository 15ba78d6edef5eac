namespace MarketSim.Grains.Statistics;

/// <summary>Sample quantiles of sorted values.</summary>
public static class SampleQuantile
{
    /// <summary>
    /// The <paramref name="p"/> quantile (0 ≤ p ≤ 1) of ascending <paramref name="sorted"/> by R's
    /// default (type 7) linear interpolation; NaN when empty.
    /// </summary>
    public static double Type7(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }
        var h = (sorted.Count - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}
