using MarketSim.Grains.Demand;
using MarketSim.Grains.Providers;
using MarketSim.Grains.Scenario;
using MarketSim.Grains.Zones;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Brokerage;

/// <summary>A zone's most spare hours, given the all-zone providers' most, equal the most over every provider serving it.</summary>
public class MostSpareHoursTests
{
    [Fact]
    public void A_zones_most_spare_hours_given_the_all_zone_providers_most_equal_the_most_over_every_provider_serving_it()
    {
        ProviderSpec Serving(string id, ProviderRole role, params string[] zones) =>
            TestMarkets.Provider(id, role, 100, 15) with { ZoneIds = zones };
        ProviderSpec[] specs =
        [
            Serving("lead_a", ProviderRole.Lead, "a"),
            Serving("lead_b", ProviderRole.Lead, "b"),
            Serving("asp_1", ProviderRole.Framework, "a", "b"),
            Serving("asp_2", ProviderRole.Framework, "a", "b"),
            Serving("spot", ProviderRole.Spot, "a", "b"),
        ];
        var users = new ServiceUserTable(4);
        var board = new OpenSpareHours(specs.Length);
        var providers = specs.Select((s, i) => new Provider(i, s, users, openSpare: board)).ToArray();
        bool[] everyZone = [false, false, true, true, true];
        var zones = new[] { "a", "b" }
            .Select((id, i) => new Zone(i, new ZoneSpec(id, id, TestMarkets.Demand()), providers, users, board, everyZone))
            .ToArray();
        var random = new Random(7);

        for (var trial = 0; trial < 500; trial++)
        {
            for (var p = 0; p < specs.Length; p++)
            {
                // Spare hours, ties among them, and providers not taking packages (−∞).
                board.WeeklyHours[p] = random.Next(4) == 0 ? double.NegativeInfinity : random.Next(6) * 12.5;
            }
            var everyZoneMost = Enumerable.Range(0, specs.Length).Where(p => everyZone[p]).Select(p => board.WeeklyHours[p]).Append(0).Max();
            foreach (var zone in zones)
            {
                var expected = specs.Select((s, p) => (s, p)).Where(x => x.s.ZoneIds.Contains(zone.Spec.Id))
                    .Select(x => board.WeeklyHours[x.p]).Append(0).Max();
                Assert.Equal(expected, zone.MostSpareWeeklyHours(everyZoneMost));
            }
        }
    }
}
