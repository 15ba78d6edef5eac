using MarketSim.Grains.Failure;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Statistics;

namespace MarketSim.Grains.Providers;

/// <summary>A provider's grain: its chance of failing or handing back by year and cause, its exit week, reserves and margin by year, and share of the market's hours, across an experiment's runs. Key: "experiment/provider".</summary>
public interface IProviderGrain : IEntityGrain
{
    /// <summary>The share of runs so far in which the provider left by the end of model year <paramref name="year"/> (1-based), for any cause or the one given.</summary>
    Task<Proportion?> ExitWithin(int year, ExitReason? cause = null);
}
