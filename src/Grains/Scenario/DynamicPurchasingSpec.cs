namespace MarketSim.Grains.Scenario;

/// <summary>
/// A dynamic purchasing system: when a provider leaves, a new framework provider joins its zones
/// after a delay, with the given capacity and rate, mobilising from a share of its workforce.
/// </summary>
/// <param name="JoinDelayWeeks">Weeks from an exit to the entrant taking packages.</param>
/// <param name="CapacityShare">The entrant's target capacity as a share of the leaver's.</param>
/// <param name="Workforce">The entrant's workforce; null for fixed capacity.</param>
public sealed record DynamicPurchasingSpec(int JoinDelayWeeks, double CapacityShare, WorkforceSpec? Workforce);
