using MarketSim.Grains.Scenario;
using MathNet.Numerics.Distributions;

namespace MarketSim.Grains.Pricing;

/// <summary>
/// One run's path of the National Living Wage and the CPI index by model year, drawn at the start of
/// the run: NLW(y) = NLW(y−1) × path(y)/path(y−1) × e^(σZ − σ²/2), and CPI(y) = CPI(y−1) × (1 + π + σ_π Z),
/// with CPI(0) = 1. With zero volatility it is the scenario's path exactly.
/// </summary>
public sealed class EconomyPath
{
    private readonly EconomySpec? _spec;
    private readonly double[] _nlw;
    private readonly double[] _cpi;

    /// <summary>Creates room for <paramref name="years"/> model years.</summary>
    public EconomyPath(EconomySpec? spec, int years)
    {
        _spec = spec;
        _nlw = new double[years + 1];
        _cpi = new double[years + 1];
    }

    /// <summary>Whether wages and prices are modelled at all.</summary>
    public bool IsModelled => _spec is not null;

    /// <summary>NLW in model year <paramref name="year"/> (pounds an hour).</summary>
    public double Nlw(int year) => _nlw[Math.Min(year, _nlw.Length - 1)];

    /// <summary>CPI index in model year <paramref name="year"/> (1 in year 0).</summary>
    public double Cpi(int year) => _cpi[Math.Min(year, _cpi.Length - 1)];

    /// <summary>The outside wage (pounds an hour) that care work competes with in <paramref name="year"/>.</summary>
    public double OutsideWage(int year) => Nlw(year) + (_spec?.OutsideWageMarginGbpPerHour ?? 0);

    /// <summary>Draws a new path from <paramref name="random"/>.</summary>
    public void Draw(Random random)
    {
        if (_spec is null)
        {
            return;
        }
        _nlw[0] = _spec.PathNlw(0);
        _cpi[0] = 1;
        var sigma = _spec.NlwVolatility;
        for (var y = 1; y < _nlw.Length; y++)
        {
            var zNlw = Normal.Sample(random, 0, 1);
            var zCpi = Normal.Sample(random, 0, 1);
            var shock = sigma > 0 ? Math.Exp((sigma * zNlw) - (sigma * sigma / 2)) : 1;
            _nlw[y] = _nlw[y - 1] * (_spec.PathNlw(y) / _spec.PathNlw(y - 1)) * shock;
            _cpi[y] = _cpi[y - 1] * (1 + _spec.CpiAnnualRate + (_spec.CpiVolatility * zCpi));
        }
    }
}
