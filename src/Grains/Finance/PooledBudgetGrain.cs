using MarketSim.Grains.Scenario;

namespace MarketSim.Grains.Finance;

/// <summary>
/// A pooled budget (Section 75 / Better Care Fund): at each year end its out-turn, the partners'
/// spend on the modelled packages, is set against their contributions, and the overspend or
/// underspend is split between them in proportion to contributions.
/// </summary>
public sealed class PooledBudgetGrain
{
    private readonly CommissionerGrain[] _partners;
    private readonly double[] _contributions;
    private readonly double[] _yearShares;

    /// <summary>Creates the pool over the given partner grains.</summary>
    public PooledBudgetGrain(PooledBudgetSpec spec, IReadOnlyList<CommissionerGrain> commissioners)
    {
        Spec = spec;
        _partners = [.. spec.Partners.Select(p => commissioners.First(c => c.Spec.Id == p.CommissionerId))];
        _contributions = [.. spec.Partners.Select(p => p.ContributionGbpPerYear)];
        _yearShares = new double[_partners.Length];
        ShareGbp = new double[_partners.Length];
    }

    /// <summary>What the scenario says of it.</summary>
    public PooledBudgetSpec Spec { get; }

    /// <summary>Overspend (positive) or underspend (negative) summed over the years settled (pounds).</summary>
    public double OverspendGbp { get; private set; }

    /// <summary>Each partner's share of <see cref="OverspendGbp"/>, in partner order (pounds).</summary>
    public double[] ShareGbp { get; }

    /// <summary>Restores the starting state for a new run.</summary>
    public void Reset()
    {
        OverspendGbp = 0;
        Array.Clear(ShareGbp);
    }

    /// <summary>
    /// Settles model year <paramref name="year"/>, of which <paramref name="fractionOfYear"/> was
    /// simulated (1 for a full year; less for a horizon that ends mid-year, pro-rating contributions).
    /// </summary>
    public void SettleYear(int year, double fractionOfYear)
    {
        var outturn = 0.0;
        var pool = 0.0;
        foreach (var p in _partners)
        {
            outturn += p.SpendGbp(year);
        }
        foreach (var c in _contributions)
        {
            pool += c * fractionOfYear;
        }
        var overspend = outturn - pool;
        ProportionalSplit.Split(overspend, _contributions, _yearShares);
        OverspendGbp += overspend;
        for (var i = 0; i < ShareGbp.Length; i++)
        {
            ShareGbp[i] += _yearShares[i];
        }
    }
}
