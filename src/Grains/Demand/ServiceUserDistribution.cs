using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;

namespace MarketSim.Grains.Demand;

/// <summary>The outcomes over the runs of one zone's service users of one funding stream (<see cref="ServiceUserMetrics"/>).</summary>
[GenerateSerializer]
public sealed class ServiceUserDistribution : EntityDistribution
{
    /// <summary>Creates an empty distribution of service-user <paramref name="block"/> with its <paramref name="metrics"/>.</summary>
    public ServiceUserDistribution(EntityBlock block, IReadOnlyList<EntityMetric> metrics, long firstRun = 0)
        : base(EntityKind.ServiceUsers, block, metrics, firstRun)
    {
        (ZoneId, Stream) = ServiceUserMetrics.Parse(block.Id);
    }

    /// <summary>The zone's id.</summary>
    [Id(0)]
    public string ZoneId { get; private set; }

    /// <summary>The funding stream.</summary>
    [Id(1)]
    public FundingStream Stream { get; private set; }
}
