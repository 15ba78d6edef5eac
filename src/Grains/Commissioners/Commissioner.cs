using MarketSim.Grains.Scenario;

namespace MarketSim.Grains.Commissioners;

/// <summary>
/// A council or NHS commissioner: pays for the delivered hours of the packages it funds and keeps
/// its spend by model year, to compare with its budgets and to feed the pools it belongs to.
/// </summary>
public sealed class Commissioner
{
    private readonly double[] _spendByYear;

    /// <summary>Creates commissioner <paramref name="index"/> for a horizon of <paramref name="years"/> model years.</summary>
    public Commissioner(int index, CommissionerSpec spec, int years)
    {
        Index = index;
        Spec = spec;
        _spendByYear = new double[years];
    }

    /// <summary>Its index in the scenario's commissioner list.</summary>
    public int Index { get; }

    /// <summary>What the scenario says of it.</summary>
    public CommissionerSpec Spec { get; }

    /// <summary>Spend in model year <paramref name="year"/> so far (pounds).</summary>
    public double SpendGbp(int year) => _spendByYear[year];

    /// <summary>Spend over the whole run so far (pounds).</summary>
    public double TotalSpendGbp()
    {
        var total = 0.0;
        foreach (var s in _spendByYear)
        {
            total += s;
        }
        return total;
    }

    /// <summary>Restores the starting state for a new run.</summary>
    public void Reset() => Array.Clear(_spendByYear);

    /// <summary>Pays <paramref name="pounds"/> for care delivered in model year <paramref name="year"/>.</summary>
    public void Pay(int year, double pounds) => _spendByYear[year] += pounds;
}
