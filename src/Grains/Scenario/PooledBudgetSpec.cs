using MarketSim.Grains.RiskShare;

namespace MarketSim.Grains.Scenario;

/// <summary>A partner's yearly contribution to a pooled budget.</summary>
/// <param name="CommissionerId">The contributing commissioner.</param>
/// <param name="ContributionsGbpByYear">What it puts into the pool in each model year (pounds; the last repeats); also the budget its liability is measured against.</param>
public sealed record PoolPartnerSpec(string CommissionerId, double[] ContributionsGbpByYear)
{
    /// <summary>A partner contributing the same every year.</summary>
    public PoolPartnerSpec(string commissionerId, double contributionGbpPerYear)
        : this(commissionerId, [contributionGbpPerYear])
    {
    }

    /// <summary>The contribution in the first year (pounds).</summary>
    public double ContributionGbpPerYear => ContributionsGbpByYear[0];

    /// <summary>The contribution in model year <paramref name="year"/> (pounds).</summary>
    public double Contribution(int year) => ContributionsGbpByYear[Math.Min(year, ContributionsGbpByYear.Length - 1)];
}

/// <summary>
/// A Section 75 / Better Care Fund pool: the partners' spend on the modelled packages is its
/// out-turn, compared each year with their contributions. Every risk-share agreement in
/// <paramref name="Models"/> is applied to the same out-turn, so agreements are compared on the
/// same simulated futures.
/// </summary>
/// <param name="Id">Stable identifier, used in output columns.</param>
/// <param name="Name">Display name.</param>
/// <param name="Partners">The partners and their contributions.</param>
/// <param name="Models">The agreements to evaluate; at least one (the default is proportional).</param>
/// <param name="PhasingStartShare">Share of activity in the pool at week 0; the rest runs as aligned budgets.</param>
/// <param name="PhasingFullByWeek">Week by which all activity is pooled (share rises linearly); 0 when pooled from the start.</param>
/// <param name="ThresholdGbp">A party's liability over the whole horizon (not a year) whose exceedance probability is reported.</param>
public sealed record PooledBudgetSpec(
    string Id,
    string Name,
    PoolPartnerSpec[] Partners,
    RiskShareSpec[]? Models = null,
    double PhasingStartShare = 1,
    int PhasingFullByWeek = 0,
    double ThresholdGbp = 1_000_000)
{
    /// <summary>The agreements, never empty.</summary>
    public RiskShareSpec[] ModelsOrDefault => Models is { Length: > 0 } ? Models : [RiskShareSpec.Proportional()];

    /// <summary>Share of activity in the pool in week <paramref name="week"/>.</summary>
    public double PooledShare(int week) => PhasingFullByWeek <= 0
        ? 1
        : PhasingStartShare + ((1 - PhasingStartShare) * Math.Min(1, (week + 1) / (double)PhasingFullByWeek));

    /// <summary>The names of the parties of <paramref name="model"/>: partners, then providers and retained if it has them.</summary>
    public IEnumerable<string> Parties(RiskShareSpec model) =>
        Partners.Select(p => p.CommissionerId)
            .Concat(model.HasProviders ? ["providers"] : [])
            .Concat(model.HasRetained ? ["retained"] : []);
}
