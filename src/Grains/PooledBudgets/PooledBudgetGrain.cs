using MarketSim.Grains.Experiments;
using MarketSim.Grains.Outcomes;

namespace MarketSim.Grains.PooledBudgets;

/// <summary>The Orleans grain of one PooledBudget across an experiment; the per-run rules are in <see cref="PooledBudget"/>.</summary>
public sealed class PooledBudgetGrain([PersistentState("pooled-budget", ExperimentGrain.StorageName)] IPersistentState<EntityGrainState> state) : EntityGrain(state), IPooledBudgetGrain
{ }
