using MarketSim.Grains.Experiments;
using MarketSim.Grains.Outcomes;

namespace MarketSim.Grains.Commissioners;

/// <summary>The Orleans grain of one Commissioner across an experiment; the per-run rules are in <see cref="Commissioner"/>.</summary>
public sealed class CommissionerGrain([PersistentState("commissioner", ExperimentGrain.StorageName)] IPersistentState<EntityGrainState> state) : EntityGrain(state), ICommissionerGrain
{ }
