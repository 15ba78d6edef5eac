using MarketSim.Grains.Statistics;

namespace MarketSim.Grains.Providers;

/// <summary>The chance a provider has begun to leave by the end of model year <paramref name="Year"/>.</summary>
/// <param name="Year">The model year, from 1.</param>
/// <param name="Any">For any cause.</param>
/// <param name="Failure">By failure (reserves ran out, or the exogenous hazard).</param>
/// <param name="HandBack">By handing back its contracts.</param>
/// <param name="ForcedExit">By a forced-exit shock.</param>
[GenerateSerializer]
public sealed record ExitsByYear(int Year, Proportion Any, Proportion Failure, Proportion HandBack, Proportion ForcedExit);
