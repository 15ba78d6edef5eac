using MarketSim.Grains.Statistics;

namespace MarketSim.Grains.Providers;

/// <summary>The chance a provider has begun to leave by the end of model year <paramref name="Year"/>, in all and by cause; the four causes add up to <paramref name="Any"/>.</summary>
/// <param name="Year">The model year, from 1.</param>
/// <param name="Any">For any cause.</param>
/// <param name="Hazard">By failure when the exogenous hazard struck.</param>
/// <param name="ReservesExhausted">By failure when its reserves fell below zero.</param>
/// <param name="HandBack">By handing back its contracts.</param>
/// <param name="ForcedExit">By a forced-exit shock.</param>
[GenerateSerializer]
public sealed record ExitsByYear(int Year, Proportion Any, Proportion Hazard, Proportion ReservesExhausted, Proportion HandBack, Proportion ForcedExit);
