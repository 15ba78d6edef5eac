using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Statistics;

namespace MarketSim.Grains.Zones;

/// <summary>A zone's grain: its unmet hours, waiting list and weeks without a lead provider across an experiment's runs. Key: "experiment/zone".</summary>
public interface IZoneGrain : IEntityGrain
{
    /// <summary>The share of runs so far in which the zone ended a week with no open lead provider.</summary>
    Task<Proportion?> LosesLead();
}
