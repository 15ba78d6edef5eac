using MarketSim.Grains.Commissioners;
using MarketSim.Grains.Demand;
using MarketSim.Grains.PooledBudgets;
using MarketSim.Grains.Providers;
using MarketSim.Grains.Scenario;
using MarketSim.Grains.Zones;

namespace MarketSim.Grains.Outcomes;

/// <summary>The metrics each kind of entity reports per run, defined once in the entity's folder.</summary>
public static class EntityMetrics
{
    /// <summary>The metrics of the entity <paramref name="id"/> of kind <paramref name="kind"/> in <paramref name="scenario"/>, in block order.</summary>
    public static IReadOnlyList<EntityMetric> For(EntityKind kind, string id, MarketScenario scenario) => kind switch
    {
        EntityKind.Provider => ProviderMetrics.For(scenario.HorizonYears),
        EntityKind.Zone => ZoneMetrics.All,
        EntityKind.ServiceUsers => ServiceUserMetrics.All,
        EntityKind.Commissioner => CommissionerMetrics.For(id, scenario),
        EntityKind.PooledBudget => PooledBudgetMetrics.For(Array.Find(scenario.PooledBudgets, p => p.Id == id)
            ?? throw new ArgumentException($"No pooled budget is called '{id}'.", nameof(id))),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown entity kind."),
    };

    /// <summary>The metrics of <paramref name="block"/> in <paramref name="scenario"/>.</summary>
    public static IReadOnlyList<EntityMetric> For(EntityBlock block, MarketScenario scenario) => For(block.Kind, block.Id, scenario);

    /// <summary>
    /// Every entity of <paramref name="scenario"/> with its metrics, in row order: providers
    /// (entrants after the scenario's), zones, service users (by zone, then funding stream),
    /// commissioners, pooled budgets. Offsets and widths are left to the schema.
    /// </summary>
    public static IEnumerable<(EntityKind Kind, string Id, string Name, IReadOnlyList<EntityMetric> Metrics)> Entities(MarketScenario scenario)
    {
        var providerMetrics = ProviderMetrics.For(scenario.HorizonYears);
        foreach (var p in Entrants.WithProviders(scenario))
        {
            yield return (EntityKind.Provider, p.Id, p.Name, providerMetrics);
        }
        foreach (var z in scenario.Zones)
        {
            yield return (EntityKind.Zone, z.Id, z.Name, ZoneMetrics.All);
        }
        foreach (var z in scenario.Zones)
        {
            foreach (var s in ServiceUserMetrics.StreamsOf(z))
            {
                yield return (EntityKind.ServiceUsers, ServiceUserMetrics.BlockId(z.Id, s), $"{z.Name}: {FundingStreams.Names[(int)s]}", ServiceUserMetrics.All);
            }
        }
        foreach (var c in scenario.Commissioners)
        {
            yield return (EntityKind.Commissioner, c.Id, c.Name, CommissionerMetrics.For(c.Id, scenario));
        }
        foreach (var p in scenario.PooledBudgets)
        {
            yield return (EntityKind.PooledBudget, p.Id, p.Name, PooledBudgetMetrics.For(p));
        }
    }
}
