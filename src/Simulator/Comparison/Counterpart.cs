namespace MarketSim.Simulator.Comparison;

/// <summary>
/// A scenario compared with the base: the outcomes both report, paired by column name, and the
/// outcomes only one of them has (a commissioner, pool or agreement the other lacks).
/// </summary>
/// <param name="Scenario">The other scenario.</param>
/// <param name="Outcomes">The outcomes both report, in the base's column order.</param>
/// <param name="OnlyInBase">Selected outcomes the base reports and this scenario does not.</param>
/// <param name="OnlyInOther">Selected outcomes this scenario reports and the base does not.</param>
public sealed record Counterpart(ComparedScenario Scenario, IReadOnlyList<ComparedOutcome> Outcomes, IReadOnlyList<string> OnlyInBase, IReadOnlyList<string> OnlyInOther);
