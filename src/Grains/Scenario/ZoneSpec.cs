namespace MarketSim.Grains.Scenario;

/// <summary>A geographical lot or locality that holds demand and brokers packages.</summary>
/// <param name="Id">Stable identifier (lower case, digits and underscores), used in output columns.</param>
/// <param name="Name">Display name.</param>
/// <param name="Demand">The zone's demand model.</param>
public sealed record ZoneSpec(string Id, string Name, DemandSpec Demand);
