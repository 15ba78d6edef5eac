namespace MarketSim.Grains.Uncertainty.Distributions;

/// <summary>
/// The distribution of one uncertain scenario value, sampled by its inverse CDF: value = F⁻¹(u) for one
/// uniform u in (0, 1). Sampling through u lets a design supply the u's (Sobol) and a correlation step
/// reorder the values of a block of runs without changing any input's distribution.
/// </summary>
public abstract class InputDistribution
{
    /// <summary>The <c>distribution:</c> name as written in a scenario (uniform, triangular, …).</summary>
    public abstract string Kind { get; }

    /// <summary>The parameters as given (name, values), for summary.json and the report.</summary>
    public abstract IReadOnlyList<InputParameter> Parameters { get; }

    /// <summary>Smallest value the distribution can take (−∞ when unbounded).</summary>
    public abstract double Lower { get; }

    /// <summary>Largest value the distribution can take (+∞ when unbounded).</summary>
    public abstract double Upper { get; }

    /// <summary>The exact mean.</summary>
    public abstract double Mean { get; }

    /// <summary>The exact variance.</summary>
    public abstract double Variance { get; }

    /// <summary>Whether it takes only the listed values (discrete, empirical).</summary>
    public virtual bool IsDiscrete => false;

    /// <summary>The median, F⁻¹(0.5): the value validation and the median scenario use.</summary>
    public double Median => Quantile(0.5);

    /// <summary>The inverse CDF at <paramref name="u"/> in (0, 1).</summary>
    public abstract double Quantile(double u);

    /// <summary>P(X ≤ <paramref name="x"/>), for goodness-of-fit checks.</summary>
    public abstract double Cdf(double x);
}
