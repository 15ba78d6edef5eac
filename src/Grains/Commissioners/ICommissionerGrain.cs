using MarketSim.Grains.Outcomes;

namespace MarketSim.Grains.Commissioners;

/// <summary>A commissioner's grain: its spend, overspend and liability under each pooled-budget agreement across an experiment's runs. Key: "experiment/commissioner".</summary>
public interface ICommissionerGrain : IEntityGrain
{ }
