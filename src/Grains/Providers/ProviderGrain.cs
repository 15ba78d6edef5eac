using MarketSim.Grains.Experiments;
using MarketSim.Grains.Failure;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Statistics;

namespace MarketSim.Grains.Providers;

/// <summary>The Orleans grain of one Provider across an experiment; the per-run rules are in <see cref="Provider"/>.</summary>
public sealed class ProviderGrain([PersistentState("provider", ExperimentGrain.StorageName)] IPersistentState<EntityGrainState> state) : EntityGrain(state), IProviderGrain
{
    /// <inheritdoc />
    public Task<Proportion?> ExitWithin(int year, ExitReason? cause = null) =>
        Task.FromResult((Distribution as ProviderDistribution)?.ExitWithin(year, cause));
}
