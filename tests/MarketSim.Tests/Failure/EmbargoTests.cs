using MarketSim.Grains.Demand;
using MarketSim.Grains.Providers;
using MarketSim.Grains.Scenario;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Failure;

public class EmbargoTests
{
    [Fact]
    public void An_embargoed_provider_takes_no_new_packages_for_the_embargo_weeks()
    {
        var spec = TestMarkets.Provider("p", ProviderRole.Framework, 100, 15) with
        {
            Failure = FailureSpec.None with { EmbargoHazardPerYear = 5, EmbargoWeeks = 6 },
        };
        var provider = new Provider(0, spec, new ServiceUserTable(4));
        provider.Reset(runSeed: 21);

        var week = 0;
        while (provider.StartWeek(week, 0, 0) is false && provider.IsTakingPackages)
        {
            week++;
        }
        var embargoStart = week;
        Assert.Equal(embargoStart + 6, provider.EmbargoedUntilWeek);
        Assert.False(provider.CanTake(1));
        for (week = embargoStart + 1; week < embargoStart + 6; week++)
        {
            provider.StartWeek(week, 0, 0);
            Assert.False(provider.CanTake(1));
        }

        provider.StartWeek(embargoStart + 6, 0, 0);

        // Open again, unless a new embargo was drawn in that very week.
        Assert.Equal(provider.EmbargoedUntilWeek == embargoStart + 6, provider.CanTake(1));
    }
}
