namespace MarketSim.Simulator.Comparison;

/// <summary>A comparison checked and ready to run: the base and each other scenario, loaded and validated, with the outcomes to pair.</summary>
/// <param name="Base">The base scenario.</param>
/// <param name="Others">Each other scenario with the outcomes it shares with the base.</param>
public sealed record ComparisonPlan(ComparedScenario Base, IReadOnlyList<Counterpart> Others)
{
    /// <summary>How many scenarios are run, each with the same seed and runs.</summary>
    public int Scenarios => 1 + Others.Count;
}
