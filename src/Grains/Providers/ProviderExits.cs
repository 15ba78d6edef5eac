using MarketSim.Grains.Failure;
using MarketSim.Grains.Statistics;

namespace MarketSim.Grains.Providers;

/// <summary>A provider's chance of having left by the end of each model year, in all and by cause.</summary>
/// <param name="ByYear">One entry per model year, year 1 first.</param>
/// <param name="MostCommonCause">The cause of most of its exits over the horizon; <see cref="ExitReason.None"/> when it never left.</param>
[GenerateSerializer]
public sealed record ProviderExits(ExitsByYear[] ByYear, ExitReason MostCommonCause)
{
    /// <summary>The chance it has left by the end of the horizon.</summary>
    public Proportion WithinHorizon => ByYear[^1].Any;
}
