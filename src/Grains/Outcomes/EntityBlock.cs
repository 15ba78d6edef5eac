namespace MarketSim.Grains.Outcomes;

/// <summary>
/// Where one entity's outcomes sit in a run's row: <paramref name="Width"/> numbers from
/// <paramref name="Offset"/>, one per metric of <see cref="EntityMetrics.For(EntityKind, string, Scenario.MarketScenario)"/>.
/// </summary>
/// <param name="Kind">What kind of entity it is.</param>
/// <param name="Id">Its stable id: the scenario's id, <c>ID_entrant</c> for an entrant, <c>ZONE__STREAM</c> for service users.</param>
/// <param name="Name">Its display name.</param>
/// <param name="Offset">Index in the row of its first metric (at least the schema's row width).</param>
/// <param name="Width">How many metrics it has.</param>
[GenerateSerializer]
public sealed record EntityBlock(EntityKind Kind, string Id, string Name, int Offset, int Width);
