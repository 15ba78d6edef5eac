using MarketSim.Grains.Experiments;
using MarketSim.Grains.Outcomes;

namespace MarketSim.Grains.Demand;

/// <summary>The Orleans grain of one service-user group across an experiment; the per-run rules are in <see cref="ServiceUserTable"/>.</summary>
public sealed class ServiceUsersGrain([PersistentState("service-users", ExperimentGrain.StorageName)] IPersistentState<EntityGrainState> state) : EntityGrain(state), IServiceUsersGrain
{ }
