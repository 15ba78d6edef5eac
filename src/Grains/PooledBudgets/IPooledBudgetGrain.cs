using MarketSim.Grains.Outcomes;

namespace MarketSim.Grains.PooledBudgets;

/// <summary>A pooled budget's grain: its overspend and each partner's share under each agreement across an experiment's runs. Key: "experiment/pooledbudget".</summary>
public interface IPooledBudgetGrain : IEntityGrain
{ }
