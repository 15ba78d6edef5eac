namespace MarketSim.Grains.Scenario;

/// <summary>A home-care provider as the scenario states it at the start.</summary>
/// <param name="Id">Stable identifier, used in output columns.</param>
/// <param name="Name">Display name.</param>
/// <param name="Role">Its place in the brokerage order of the zones it serves.</param>
/// <param name="ZoneIds">The zones it serves.</param>
/// <param name="CapacityWeeklyHours">Care hours a week it can deliver across all its zones (its target, with a workforce).</param>
/// <param name="RateGbpPerHour">The hourly rate commissioners pay it at the start (pounds an hour).</param>
/// <param name="Workforce">Where capacity comes from; null for a fixed capacity.</param>
/// <param name="Costs">Its cost per contact hour; null for a provider whose costs are not modelled (no margin, no hand-back).</param>
/// <param name="Failure">Reserves, hazards, hand-back and embargo; <see cref="FailureSpec.None"/> when not set.</param>
public sealed record ProviderSpec(
    string Id,
    string Name,
    ProviderRole Role,
    string[] ZoneIds,
    double CapacityWeeklyHours,
    double RateGbpPerHour,
    WorkforceSpec? Workforce = null,
    CostSpec? Costs = null,
    FailureSpec? Failure = null)
{
    /// <summary>The failure settings, never null.</summary>
    public FailureSpec FailureOrNone => Failure ?? FailureSpec.None;
}
