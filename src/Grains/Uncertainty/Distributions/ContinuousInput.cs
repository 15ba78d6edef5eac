using MathNet.Numerics;

namespace MarketSim.Grains.Uncertainty.Distributions;

/// <summary>
/// A continuous uncertain input: a base distribution X given by its CDF and inverse CDF (from
/// MathNet.Numerics), optionally truncated to [<c>min</c>, <c>max</c>] (u is mapped into
/// [F(min), F(max)]) and then scaled: value = offset + width × X (beta on [min, max], PERT).
/// </summary>
public sealed class ContinuousInput : InputDistribution
{
    private readonly Func<double, double> _cdf;
    private readonly Func<double, double> _inverse;
    private readonly double _offset;
    private readonly double _width;
    private readonly double _truncLow;
    private readonly double _truncHigh;
    private readonly double _pLow;
    private readonly double _pHigh;

    /// <summary>Creates it; <paramref name="support"/> and <paramref name="moments"/> are those of X before truncation and scaling.</summary>
    public ContinuousInput(
        string kind,
        IReadOnlyList<InputParameter> parameters,
        Func<double, double> cdf,
        Func<double, double> inverse,
        (double Lower, double Upper) support,
        (double Mean, double Variance) moments,
        (double? Min, double? Max) truncation = default,
        double offset = 0,
        double width = 1)
    {
        Kind = kind;
        Parameters = parameters;
        _cdf = cdf;
        _inverse = inverse;
        _offset = offset;
        _width = width;
        _truncLow = Math.Max(truncation.Min ?? double.NegativeInfinity, support.Lower);
        _truncHigh = Math.Min(truncation.Max ?? double.PositiveInfinity, support.Upper);
        IsTruncated = truncation.Min is not null || truncation.Max is not null;
        _pLow = truncation.Min is { } a ? cdf(a) : 0;
        _pHigh = truncation.Max is { } b ? cdf(b) : 1;
        Lower = offset + (width * _truncLow);
        Upper = offset + (width * _truncHigh);
        if (IsTruncated)
        {
            Mean = Integrate.OnClosedInterval(Quantile, 0, 1, 1e-10);
            var mean = Mean;
            Variance = Integrate.OnClosedInterval(u => Math.Pow(Quantile(u) - mean, 2), 0, 1, 1e-10);
        }
        else
        {
            Mean = offset + (width * moments.Mean);
            Variance = width * width * moments.Variance;
        }
    }

    /// <inheritdoc />
    public override string Kind { get; }

    /// <inheritdoc />
    public override IReadOnlyList<InputParameter> Parameters { get; }

    /// <summary>Whether <c>min</c> or <c>max</c> truncates the base distribution.</summary>
    public bool IsTruncated { get; }

    /// <summary>The probability mass the truncation keeps: F(max) − F(min).</summary>
    public double KeptProbability => _pHigh - _pLow;

    /// <inheritdoc />
    public override double Lower { get; }

    /// <inheritdoc />
    public override double Upper { get; }

    /// <inheritdoc />
    public override double Mean { get; }

    /// <inheritdoc />
    public override double Variance { get; }

    /// <inheritdoc />
    public override double Quantile(double u)
    {
        var x = _inverse(_pLow + (u * (_pHigh - _pLow)));
        return _offset + (_width * Math.Clamp(x, _truncLow, _truncHigh));
    }

    /// <inheritdoc />
    public override double Cdf(double x)
    {
        var z = (x - _offset) / _width;
        if (z < _truncLow)
        {
            return 0;
        }
        return z >= _truncHigh ? 1 : (_cdf(z) - _pLow) / (_pHigh - _pLow);
    }
}
