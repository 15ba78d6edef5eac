using MarketSim.Grains.Scenario;

namespace MarketSim.Simulator.Reports.Exports;

/// <summary>People's names for the ids in the risk-share files: pools, their agreements, and the parties (commissioners, providers, the pool itself).</summary>
internal sealed class ScenarioNames(MarketScenario scenario)
{
    private static readonly HashSet<string> IdColumns = new(StringComparer.Ordinal) { "pool", "agreement", "agreement_a", "agreement_b", "party", "partner" };

    /// <summary>Whether column <paramref name="column"/> holds ids this class names.</summary>
    public bool Names(string column) => IdColumns.Contains(column);

    /// <summary>The name of <paramref name="id"/> in column <paramref name="column"/>; agreements are looked up in pool <paramref name="poolId"/>.</summary>
    public string Name(string column, string id, string? poolId)
    {
        var pool = scenario.PooledBudgets.FirstOrDefault(p => p.Id == (column == "pool" ? id : poolId));
        return column switch
        {
            "pool" => pool?.Name ?? id,
            "agreement" or "agreement_a" or "agreement_b" => pool?.ModelsOrDefault.FirstOrDefault(m => m.Id == id)?.Name ?? id,
            _ => scenario.Commissioners.FirstOrDefault(c => c.Id == id)?.Name ?? id switch
            {
                "providers" => "Providers (gain/loss share)",
                "retained" => "Retained in the pool",
                _ => id,
            },
        };
    }
}
