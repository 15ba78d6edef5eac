namespace MarketSim.Grains.Uncertainty.Distributions;

/// <summary>
/// A discrete uncertain input: listed values with weights (<c>discrete</c>), or a list resampled with equal
/// weights (<c>empirical</c>). A value listed twice counts its weights together. Values are sorted so that F⁻¹ is non-decreasing in u: the smallest value
/// whose cumulative weight reaches u.
/// </summary>
public sealed class DiscreteInput : InputDistribution
{
    private readonly double[] _values;
    private readonly double[] _cumulative;

    /// <summary>Creates it from <paramref name="values"/> and non-negative <paramref name="weights"/> with a positive sum.</summary>
    public DiscreteInput(string kind, IReadOnlyList<InputParameter> parameters, IReadOnlyList<double> values, IReadOnlyList<double> weights)
    {
        Kind = kind;
        Parameters = parameters;
        var total = weights.Sum();
        var pairs = values.Zip(weights).Where(p => p.Second > 0).GroupBy(p => p.First)
            .Select(g => (First: g.Key, Second: g.Sum(p => p.Second))).OrderBy(p => p.First).ToArray();
        _values = [.. pairs.Select(p => p.First)];
        _cumulative = new double[pairs.Length];
        var sum = 0.0;
        for (var i = 0; i < pairs.Length; i++)
        {
            sum += pairs[i].Second;
            _cumulative[i] = sum / total;
        }
        _cumulative[^1] = 1;
        Mean = pairs.Sum(p => p.First * p.Second) / total;
        Variance = pairs.Sum(p => p.Second * (p.First - Mean) * (p.First - Mean)) / total;
    }

    /// <inheritdoc />
    public override string Kind { get; }

    /// <inheritdoc />
    public override IReadOnlyList<InputParameter> Parameters { get; }

    /// <summary>The distinct values with positive weight, ascending.</summary>
    public IReadOnlyList<double> Values => _values;

    /// <summary>The probability of each of <see cref="Values"/>.</summary>
    public double Probability(int index) => _cumulative[index] - (index == 0 ? 0 : _cumulative[index - 1]);

    /// <inheritdoc />
    public override bool IsDiscrete => true;

    /// <inheritdoc />
    public override double Lower => _values[0];

    /// <inheritdoc />
    public override double Upper => _values[^1];

    /// <inheritdoc />
    public override double Mean { get; }

    /// <inheritdoc />
    public override double Variance { get; }

    /// <inheritdoc />
    public override double Quantile(double u)
    {
        var i = Array.BinarySearch(_cumulative, u);
        i = i < 0 ? ~i : i;
        return _values[Math.Min(i, _values.Length - 1)];
    }

    /// <inheritdoc />
    public override double Cdf(double x)
    {
        var p = 0.0;
        for (var i = 0; i < _values.Length && _values[i] <= x; i++)
        {
            p = _cumulative[i];
        }
        return p;
    }
}
