using MarketSim.Grains.Demand;
using MarketSim.Grains.Providers;
using MarketSim.Grains.Scenario;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Providers;

/// <summary>A provider's entry of the market's spare-hours array always says what the provider itself would.</summary>
public class OpenSpareHoursTests
{
    [Fact]
    public void Entry_is_the_spare_hours_while_taking_packages_and_minus_infinity_otherwise_through_a_providers_life()
    {
        // A workforce makes capacity move each week; embargoes and an exit stop it taking packages.
        var spec = TestMarkets.Provider("p", ProviderRole.Framework, 100, 15) with
        {
            Workforce = new WorkforceSpec(22, 0.3, 2, 13, 0.5),
            Failure = FailureSpec.None with { EmbargoHazardPerYear = 8, EmbargoWeeks = 3 },
        };
        var users = new ServiceUserTable(4);
        var board = new OpenSpareHours(2);
        var provider = new Provider(1, spec, users, openSpare: board);
        provider.Reset(runSeed: 5);
        var slots = new List<int>();

        void AssertEntry() =>
            Assert.Equal(provider.IsTakingPackages ? provider.SpareWeeklyHours : double.NegativeInfinity, board.WeeklyHours[1]);

        AssertEntry();
        for (var week = 0; week < 60; week++)
        {
            provider.StartWeek(week, careWage: 10, outsideWage: 11);
            AssertEntry();
            var slot = users.Add(0, 2.5 + (week % 4), FundingStream.Council);
            provider.Accept(slot, users[slot].WeeklyHours, FundingStream.Council);
            slots.Add(slot);
            AssertEntry();
            if (week % 3 == 0)
            {
                provider.Release(slots[0], users[slots[0]].WeeklyHours, FundingStream.Council);
                slots.RemoveAt(0);
                AssertEntry();
            }
        }
        provider.BeginExit(60, Grains.Failure.ExitReason.Hazard);
        AssertEntry();
        provider.Leave();
        AssertEntry();
        Assert.Equal(double.NegativeInfinity, board.WeeklyHours[1]);
    }
}
