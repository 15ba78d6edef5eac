using MarketSim.Grains.Commissioners;
using MarketSim.Grains.RiskShare;
using MarketSim.Grains.Scenario;

namespace MarketSim.Grains.PooledBudgets;

/// <summary>
/// A pooled budget (Section 75 / Better Care Fund): at each year end its out-turn, the partners'
/// spend on the modelled packages, is set against their contributions, and every risk-share
/// agreement of the scenario turns the difference into each party's liability for the year.
/// </summary>
public sealed class PooledBudget
{
    private readonly Commissioner[] _partners;
    private readonly double[] _spend;
    private readonly double[] _contributions;
    private readonly double[] _achieved = new double[4];
    private readonly double[] _yearLiabilities;

    /// <summary>Creates the pool over the given partner commissioners.</summary>
    public PooledBudget(PooledBudgetSpec spec, IReadOnlyList<Commissioner> commissioners)
    {
        Spec = spec;
        Models = spec.ModelsOrDefault;
        _partners = [.. spec.Partners.Select(p => commissioners.First(c => c.Spec.Id == p.CommissionerId))];
        _spend = new double[_partners.Length];
        _contributions = new double[_partners.Length];
        LiabilityGbp = [.. Models.Select(m => new double[RiskShareCalculator.Parties(m, _partners.Length)])];
        WorstYearGbp = [.. Models.Select(m => new double[RiskShareCalculator.Parties(m, _partners.Length)])];
        _yearLiabilities = new double[LiabilityGbp.Max(l => l.Length)];
    }

    /// <summary>What the scenario says of it.</summary>
    public PooledBudgetSpec Spec { get; }

    /// <summary>The agreements evaluated.</summary>
    public RiskShareSpec[] Models { get; }

    /// <summary>Total spend minus total contributions, summed over the years settled (pounds).</summary>
    public double OverspendGbp { get; private set; }

    /// <summary>Each party's liability under each agreement, summed over the years settled: [model][party].</summary>
    public double[][] LiabilityGbp { get; }

    /// <summary>Each party's largest yearly liability under each agreement: [model][party].</summary>
    public double[][] WorstYearGbp { get; }

    /// <summary>Restores the starting state for a new run.</summary>
    public void Reset()
    {
        OverspendGbp = 0;
        foreach (var l in LiabilityGbp)
        {
            Array.Clear(l);
        }
        foreach (var w in WorstYearGbp)
        {
            Array.Fill(w, double.NegativeInfinity);
        }
    }

    /// <summary>
    /// Settles model year <paramref name="year"/>: <paramref name="weeks"/> weeks of it were
    /// simulated; <paramref name="meanWaitingByQuarter"/> is the year-to-date mean waiting list at
    /// each quarter end (NaN for quarters not reached), the payment-for-performance measure.
    /// </summary>
    public void SettleYear(int year, int weeks, ReadOnlySpan<double> meanWaitingByQuarter)
    {
        var fraction = weeks / (double)MarketScenario.WeeksPerYear;
        double totalSpend = 0, totalContributions = 0, pooledShare = 0;
        for (var i = 0; i < _partners.Length; i++)
        {
            _spend[i] = _partners[i].SpendGbp(year);
            _contributions[i] = Spec.Partners[i].Contribution(year) * fraction;
            totalSpend += _spend[i];
            totalContributions += _contributions[i];
        }
        for (var w = 0; w < weeks; w++)
        {
            pooledShare += Spec.PooledShare((year * MarketScenario.WeeksPerYear) + w);
        }
        pooledShare /= weeks;
        OverspendGbp += totalSpend - totalContributions;
        for (var m = 0; m < Models.Length; m++)
        {
            var model = Models[m];
            for (var q = 0; q < _achieved.Length; q++)
            {
                _achieved[q] = model.Performance is { } p ? PerformanceRelease.Achievement(p, meanWaitingByQuarter[q]) : double.NaN;
            }
            var parties = LiabilityGbp[m].Length;
            var liabilities = _yearLiabilities.AsSpan(0, parties);
            RiskShareCalculator.Settle(model, _spend, _contributions, fraction, pooledShare, _achieved, liabilities);
            for (var k = 0; k < parties; k++)
            {
                LiabilityGbp[m][k] += liabilities[k];
                WorstYearGbp[m][k] = Math.Max(WorstYearGbp[m][k], liabilities[k]);
            }
        }
    }

    /// <summary>
    /// Writes the pool's outcomes into <paramref name="row"/> from <paramref name="at"/>: its overspend, each
    /// agreement's liability per party, then each agreement's worst year per party; returns the index after them.
    /// </summary>
    public int WriteOutcomes(Span<double> row, int at)
    {
        row[at++] = OverspendGbp;
        foreach (var liabilities in LiabilityGbp)
        {
            foreach (var liability in liabilities)
            {
                row[at++] = liability;
            }
        }
        foreach (var worst in WorstYearGbp)
        {
            foreach (var liability in worst)
            {
                row[at++] = liability;
            }
        }
        return at;
    }
}
