namespace MarketSim.Simulator.Statistics;

/// <summary>
/// Exact sample quantiles of one outcome: keeps one double per run (8 MB a million runs), so it is
/// used only for headline outcomes. Quantiles use the linear interpolation of R's default (type 7).
/// </summary>
public sealed class Quantiles
{
    private readonly List<double> _values = [];
    private bool _sorted = true;

    /// <summary>Adds one run's value; a missing one (NaN) is left out.</summary>
    public void Add(double x)
    {
        if (double.IsNaN(x))
        {
            return;
        }
        _sorted = _sorted && (_values.Count == 0 || x >= _values[^1]);
        _values.Add(x);
    }

    /// <summary>The values seen, ascending.</summary>
    public IReadOnlyList<double> Sorted()
    {
        if (!_sorted)
        {
            _values.Sort();
            _sorted = true;
        }
        return _values;
    }

    /// <summary>The <paramref name="p"/> quantile (0 ≤ p ≤ 1), or NaN with no values.</summary>
    public double At(double p) => Type7(Sorted(), p);

    /// <summary>
    /// The <paramref name="p"/> quantile of ascending <paramref name="sorted"/> by R's default (type 7)
    /// linear interpolation; NaN when empty.
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
