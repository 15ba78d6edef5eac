using MarketSim.Grains.Statistics;

namespace MarketSim.Simulator.Statistics;

/// <summary>
/// Exact sample quantiles of one outcome. The values go to a <see cref="RunValues"/> (on disk past a
/// small buffer), so memory stays flat while runs go on; they are read back and sorted when a
/// quantile is asked for, and the sorted copy is held only weakly. Quantiles use the linear
/// interpolation of R's default (type 7).
/// </summary>
public sealed class Quantiles : IDisposable
{
    private readonly RunValues _values = new();
    private readonly WeakReference<double[]?> _sorted = new(null);
    private long _sortedCount = -1;

    /// <summary>Adds one run's value; a missing one (NaN) is left out.</summary>
    public void Add(double x)
    {
        if (!double.IsNaN(x))
        {
            _values.Add(x);
        }
    }

    /// <summary>The values seen, ascending.</summary>
    public IReadOnlyList<double> Sorted() => Sort(_values, _sorted, ref _sortedCount);

    /// <inheritdoc />
    public void Dispose() => _values.Dispose();

    /// <summary>The values of <paramref name="values"/>, ascending, from <paramref name="cache"/> while it is current.</summary>
    internal static double[] Sort(RunValues values, WeakReference<double[]?> cache, ref long cachedCount)
    {
        if (cachedCount == values.Count && cache.TryGetTarget(out var cached) && cached is not null)
        {
            return cached;
        }
        var sorted = values.ToArray();
        if (!values.Ascending)
        {
            Array.Sort(sorted);
        }
        cache.SetTarget(sorted);
        cachedCount = values.Count;
        return sorted;
    }

    /// <summary>The <paramref name="p"/> quantile (0 ≤ p ≤ 1), or NaN with no values.</summary>
    public double At(double p) => SampleQuantile.Type7(Sorted(), p);
}
