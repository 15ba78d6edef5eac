namespace MarketSim.Grains.Scenario;

/// <summary>A home-care provider as the scenario states it at the start.</summary>
/// <param name="Id">Stable identifier, used in output columns.</param>
/// <param name="Name">Display name.</param>
/// <param name="Role">Its place in the brokerage order of the zones it serves.</param>
/// <param name="ZoneIds">The zones it serves.</param>
/// <param name="CapacityWeeklyHours">Care hours a week it can deliver across all its zones.</param>
/// <param name="RateGbpPerHour">The hourly rate commissioners pay it (pounds an hour).</param>
public sealed record ProviderSpec(
    string Id,
    string Name,
    ProviderRole Role,
    string[] ZoneIds,
    double CapacityWeeklyHours,
    double RateGbpPerHour);
