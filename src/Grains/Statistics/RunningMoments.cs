namespace MarketSim.Grains.Statistics;

/// <summary>
/// Count, mean, variance, minimum and maximum of a stream of values in O(1) memory (Welford's
/// update). Fed in run order, its result is the same whatever thread computed the runs. NaN marks a
/// missing value ("no failure happened"): it is counted in <see cref="Missing"/> and left out of the rest.
/// Serializable, so a grain can persist it and carry on adding.
/// </summary>
[GenerateSerializer]
public sealed class RunningMoments
{
    /// <summary>The normal quantile of a two-sided 95% confidence interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Sum of squared deviations from the mean (Welford's M2).</summary>
    [Id(0)]
    public double SumOfSquares { get; private set; }

    /// <summary>Values seen, not counting missing ones.</summary>
    [Id(1)]
    public long Count { get; private set; }

    /// <summary>Missing (NaN) values seen.</summary>
    [Id(2)]
    public long Missing { get; private set; }

    /// <summary>Their mean.</summary>
    [Id(3)]
    public double Mean { get; private set; }

    /// <summary>Smallest value seen.</summary>
    [Id(4)]
    public double Min { get; private set; } = double.PositiveInfinity;

    /// <summary>Largest value seen.</summary>
    [Id(5)]
    public double Max { get; private set; } = double.NegativeInfinity;

    /// <summary>Sample variance (n − 1 denominator); 0 for fewer than two values.</summary>
    public double Variance => Count > 1 ? SumOfSquares / (Count - 1) : 0;

    /// <summary>Sample standard deviation.</summary>
    public double StdDev => Math.Sqrt(Variance);

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
        SumOfSquares += delta * (x - Mean);
        Min = Math.Min(Min, x);
        Max = Math.Max(Max, x);
    }
}
