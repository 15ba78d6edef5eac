using MarketSim.Grains.Scenario;

namespace MarketSim.Grains.Market;

/// <summary>
/// The order the market keeps its entities in: zones, providers and commissioners sorted by id
/// (ordinal), so that every loop, tie-break and floating-point sum is the same whatever order the
/// scenario file lists them in. Pooled budgets keep their file order: they settle independently.
/// </summary>
public static class ScenarioOrder
{
    /// <summary>A copy of <paramref name="scenario"/> with its zones, providers and commissioners in id order.</summary>
    public static MarketScenario ById(MarketScenario scenario) => scenario with
    {
        Zones = [.. scenario.Zones.OrderBy(z => z.Id, StringComparer.Ordinal)],
        Providers = [.. scenario.Providers.OrderBy(p => p.Id, StringComparer.Ordinal)],
        Commissioners = [.. scenario.Commissioners.OrderBy(c => c.Id, StringComparer.Ordinal)],
    };
}
