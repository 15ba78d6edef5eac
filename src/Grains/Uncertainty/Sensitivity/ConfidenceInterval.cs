namespace MarketSim.Grains.Uncertainty.Sensitivity;

/// <summary>A two-sided confidence interval [Low, High] for one estimate.</summary>
/// <param name="Low">The lower bound.</param>
/// <param name="High">The upper bound.</param>
public readonly record struct ConfidenceInterval(double Low, double High)
{
    /// <summary>True when <paramref name="value"/> lies in the closed interval.</summary>
    public bool Contains(double value) => value >= Low && value <= High;
}
