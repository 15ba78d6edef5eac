namespace MarketSim.Grains.Scenario;

/// <summary>
/// What an hour of care need that went unmet costs the wider system (hospital bed days, admissions),
/// and who bears it, so that losing capacity does not look like a saving.
/// </summary>
/// <param name="CostGbpPerHour">The cost of one care hour not delivered because someone was waiting (pounds an hour, ≥ 0).</param>
/// <param name="BorneBy">Who bears it, in shares summing to 1; null to charge each hour to the commissioner that funds the waiting person's funding stream.</param>
public sealed record UnmetNeedSpec(double CostGbpPerHour, UnmetNeedShare[]? BorneBy = null);

/// <summary>One commissioner's share of the cost of unmet need.</summary>
/// <param name="CommissionerId">The commissioner bearing it.</param>
/// <param name="Share">Its share, 0 to 1.</param>
public sealed record UnmetNeedShare(string CommissionerId, double Share);
