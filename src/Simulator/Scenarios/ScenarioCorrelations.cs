using MarketSim.Grains.Uncertainty.Correlation;

namespace MarketSim.Simulator.Scenarios;

/// <summary>
/// A scenario's <c>correlations:</c> section as read: the rank correlations requested between uncertain
/// inputs and those used (the same, or the nearest valid matrix under <c>repair: nearest</c>).
/// </summary>
/// <param name="Requested">The matrix as written (pairs not listed are 0).</param>
/// <param name="Used">The matrix Iman–Conover induces.</param>
/// <param name="Repair">How the requested matrix was moved, or null when it was valid as written.</param>
/// <param name="Source">The section's <c>source:</c> note, if any.</param>
public sealed record ScenarioCorrelations(RankCorrelationMatrix Requested, RankCorrelationMatrix Used, CorrelationRepair? Repair, string? Source);
