using MarketSim.Grains.Outcomes;

namespace MarketSim.Grains.Demand;

/// <summary>A zone's service users of one funding stream: their referrals, waits, unmet hours and conversions across an experiment's runs. Key: "experiment/zone__stream".</summary>
public interface IServiceUsersGrain : IEntityGrain
{ }
