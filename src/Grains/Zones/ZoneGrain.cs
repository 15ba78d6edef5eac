using MarketSim.Grains.Experiments;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Statistics;

namespace MarketSim.Grains.Zones;

/// <summary>The Orleans grain of one Zone across an experiment; the per-run rules are in <see cref="Zones.Zone"/>.</summary>
public sealed class ZoneGrain([PersistentState("zone", ExperimentGrain.StorageName)] IPersistentState<EntityGrainState> state) : EntityGrain(state), IZoneGrain
{
    /// <inheritdoc />
    public Task<Proportion?> LosesLead() => Task.FromResult((Distribution as ZoneDistribution)?.LosesLead);
}
