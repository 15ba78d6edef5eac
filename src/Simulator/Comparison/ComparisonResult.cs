namespace MarketSim.Simulator.Comparison;

/// <summary>One other scenario's paired differences from the base, one per shared outcome.</summary>
/// <param name="Counterpart">The other scenario and what it shares with the base.</param>
/// <param name="Differences">OTHER − BASE for each shared outcome, in the base's column order.</param>
public sealed record ComparisonResult(Counterpart Counterpart, IReadOnlyList<PairedDifference> Differences);
