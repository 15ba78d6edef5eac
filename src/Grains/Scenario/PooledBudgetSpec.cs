namespace MarketSim.Grains.Scenario;

/// <summary>A partner's yearly contribution to a pooled budget.</summary>
/// <param name="CommissionerId">The contributing commissioner.</param>
/// <param name="ContributionGbpPerYear">What it puts into the pool each year (pounds).</param>
public sealed record PoolPartnerSpec(string CommissionerId, double ContributionGbpPerYear);

/// <summary>
/// A Section 75 / Better Care Fund pool: the partners' spend on the modelled packages is its out-turn,
/// compared each year with the contributions; overspend or underspend is split in proportion to them.
/// </summary>
/// <param name="Id">Stable identifier, used in output columns.</param>
/// <param name="Name">Display name.</param>
/// <param name="Partners">The partners and their contributions.</param>
public sealed record PooledBudgetSpec(string Id, string Name, PoolPartnerSpec[] Partners);
