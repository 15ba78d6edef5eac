using MarketSim.Grains.Outcomes;

namespace MarketSim.Grains.Commissioners;

/// <summary>A commissioner's outcomes over the runs (<see cref="CommissionerMetrics"/>): spend, overspend and its pooled-budget liabilities.</summary>
[GenerateSerializer]
public sealed class CommissionerDistribution : EntityDistribution
{
    /// <summary>Creates an empty distribution of commissioner <paramref name="block"/> with its <paramref name="metrics"/>.</summary>
    public CommissionerDistribution(EntityBlock block, IReadOnlyList<EntityMetric> metrics, long firstRun = 0)
        : base(EntityKind.Commissioner, block, metrics, firstRun)
    {
    }
}
