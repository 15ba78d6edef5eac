using MarketSim.Grains.Outcomes;

namespace MarketSim.Grains.PooledBudgets;

/// <summary>A pooled budget's outcomes over the runs (<see cref="PooledBudgetMetrics"/>): overspend and every party's liability under every agreement.</summary>
[GenerateSerializer]
public sealed class PooledBudgetDistribution : EntityDistribution
{
    /// <summary>Creates an empty distribution of pooled-budget <paramref name="block"/> with its <paramref name="metrics"/>.</summary>
    public PooledBudgetDistribution(EntityBlock block, IReadOnlyList<EntityMetric> metrics, long firstRun = 0)
        : base(EntityKind.PooledBudget, block, metrics, firstRun)
    {
    }
}
