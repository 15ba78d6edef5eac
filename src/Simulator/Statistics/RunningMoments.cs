namespace MarketSim.Simulator.Statistics;

/// <summary>
/// Count, mean, variance, minimum and maximum of a stream of values in O(1) memory (Welford's
/// update). Fed in run order, its result is the same whatever thread computed the runs. NaN marks a
/// missing value ("no failure happened"): it is counted in <see cref="Missing"/> and left out of the rest.
/// </summary>
public sealed class RunningMoments
{
    private double _m2;

    /// <summary>Values seen, not counting missing ones.</summary>
    public long Count { get; private set; }

    /// <summary>Missing (NaN) values seen.</summary>
    public long Missing { get; private set; }

    /// <summary>Their mean.</summary>
    public double Mean { get; private set; }

    /// <summary>Smallest value seen.</summary>
    public double Min { get; private set; } = double.PositiveInfinity;

    /// <summary>Largest value seen.</summary>
    public double Max { get; private set; } = double.NegativeInfinity;

    /// <summary>Sample variance (n − 1 denominator); 0 for fewer than two values.</summary>
    public double Variance => Count > 1 ? _m2 / (Count - 1) : 0;

    /// <summary>Sample standard deviation.</summary>
    public double StdDev => Math.Sqrt(Variance);

    /// <summary>The normal quantile of a two-sided 95% confidence interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Half-width of the 95% confidence interval of the mean, 1.96 × sd / √n.</summary>
    public double HalfWidth95 => Z95 * StdError;

    /// <summary>Monte Carlo standard error of the mean, sd / √n.</summary>
    public double StdError => Count > 0 ? StdDev / Math.Sqrt(Count) : 0;

    /// <summary>Adds one value.</summary>
    public void Add(double x)
    {
        if (double.IsNaN(x))
        {
            Missing++;
            return;
        }
        Count++;
        var delta = x - Mean;
        Mean += delta / Count;
        _m2 += delta * (x - Mean);
        Min = Math.Min(Min, x);
        Max = Math.Max(Max, x);
    }
}
