using MarketSim.Grains.Market;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;
using MarketSim.Silo.Runs;
using MarketSim.Simulator.Scenarios;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Entities;

/// <summary>Zones', service users' and providers' blocks against the market-wide columns they break down, run by run.</summary>
public class ZoneOutcomeTests
{
    [Fact]
    public void Zones_unmet_hours_add_up_exactly_to_the_market_total_and_equal_their_columns_in_every_run()
    {
        var (scenario, schema, rows) = Run("doncaster-lead-exit.yaml", runs: 40);

        Assert.Contains(rows.Rows, row => row[OutcomeSchema.UnmetHours] > 0);
        foreach (var row in rows.Rows)
        {
            var unmet = 0.0;
            foreach (var zone in scenario.Zones)
            {
                var zoneUnmet = rows.Entity(row, EntityKind.Zone, zone.Id, "unmet_hours");
                unmet += zoneUnmet;
                Assert.Equal(rows.Column(row, $"unmet_hours__{zone.Id}"), zoneUnmet);
                Assert.Equal(rows.Column(row, $"peak_waiting_list__{zone.Id}"), rows.Entity(row, EntityKind.Zone, zone.Id, "peak_waiting_list"));
                Assert.Equal(rows.Column(row, $"provider_exits__{zone.Id}"), rows.Entity(row, EntityKind.Zone, zone.Id, "provider_exits"));
                Assert.Equal(rows.Column(row, $"weeks_without_lead__{zone.Id}"), rows.Entity(row, EntityKind.Zone, zone.Id, "weeks_without_lead"));
                Assert.InRange(rows.Entity(row, EntityKind.Zone, zone.Id, "mean_waiting_list"), 0, rows.Column(row, $"peak_waiting_list__{zone.Id}"));
            }
            Assert.Equal(row[OutcomeSchema.UnmetHours], unmet);
        }
        Assert.Equal(6, schema.EntitiesOf(EntityKind.Zone).Count());
    }

    [Fact]
    public void Service_users_add_up_to_their_zone_and_to_the_market_and_providers_and_zones_share_out_the_delivered_hours()
    {
        var (scenario, schema, rows) = Run("leicestershire-htlah.yaml", runs: 10);

        Assert.Equal(
            scenario.Zones.SelectMany(z => new[] { $"{z.Id}__council", $"{z.Id}__nhs_chc" }),
            schema.EntitiesOf(EntityKind.ServiceUsers).Select(b => b.Id));
        foreach (var row in rows.Rows)
        {
            var referrals = 0.0;
            var zonesDelivered = 0.0;
            foreach (var zone in scenario.Zones)
            {
                var streams = new[] { "council", "nhs_chc" }.Select(s => $"{zone.Id}__{s}").ToList();
                referrals += streams.Sum(id => rows.Entity(row, EntityKind.ServiceUsers, id, "referrals"));
                Assert.Equal(rows.Entity(row, EntityKind.Zone, zone.Id, "unmet_hours"), streams.Sum(id => rows.Entity(row, EntityKind.ServiceUsers, id, "unmet_hours")), Tolerance(row[OutcomeSchema.UnmetHours]));
                Assert.All(streams, id => Assert.Equal(0, rows.Entity(row, EntityKind.ServiceUsers, id, "self_funder_conversions")));
                zonesDelivered += rows.Entity(row, EntityKind.Zone, zone.Id, "delivered_hours");
            }
            Assert.Equal(row[OutcomeSchema.Referrals], referrals);
            var delivered = row[OutcomeSchema.DeliveredHours];
            Assert.Equal(delivered, zonesDelivered, Tolerance(delivered));
            var providers = schema.EntitiesOf(EntityKind.Provider).Select(b => b.Id).ToList();
            Assert.Equal(delivered, providers.Sum(p => rows.Entity(row, EntityKind.Provider, p, "delivered_hours")), Tolerance(delivered));
            Assert.Equal(1, providers.Sum(p => rows.Entity(row, EntityKind.Provider, p, "delivered_share")), 1e-9);
        }
    }

    [Fact]
    public void Self_funder_conversions_are_counted_in_the_self_funders_block_of_their_zone()
    {
        var demand = TestMarkets.Demand(startingCaseload: 40, weeklyReferrals: 4, funding: [0.5, 0, 0, 0.5]);
        var scenario = TestMarkets.OneZone(demand, 104) with
        {
            SelfFunders = new SelfFunderSpec(0.25, new Distribution(DistributionKind.Gamma, 30_000, 10_000), 23_250),
        };
        var schema = new OutcomeSchema(scenario);
        var rows = new RowCollector(schema);

        MonteCarloRunner.Run(() => new Market(scenario), new RunPlan(7, 20, 2), rows);

        Assert.Equal(["z__council", "z__self_funder"], schema.EntitiesOf(EntityKind.ServiceUsers).Select(b => b.Id));
        Assert.Contains(rows.Rows, row => row[OutcomeSchema.SelfFunderConversions] > 0);
        foreach (var row in rows.Rows)
        {
            Assert.Equal(row[OutcomeSchema.SelfFunderConversions], rows.Entity(row, EntityKind.ServiceUsers, "z__self_funder", "self_funder_conversions"));
            Assert.Equal(0, rows.Entity(row, EntityKind.ServiceUsers, "z__council", "self_funder_conversions"));
        }
    }

    [Fact]
    public void With_ample_capacity_every_referral_is_placed_in_the_week_it_is_referred()
    {
        var scenario = TestMarkets.OneZone(TestMarkets.Demand(startingCaseload: 10, weeklyReferrals: 3), 52);
        var rows = new RowCollector(new OutcomeSchema(scenario));

        MonteCarloRunner.Run(() => new Market(scenario), new RunPlan(3, 5, 1), rows);

        Assert.All(rows.Rows, row => Assert.Equal(0, rows.Entity(row, EntityKind.ServiceUsers, "z__council", "mean_wait_weeks")));
        Assert.All(rows.Rows, row => Assert.Equal(0, rows.Entity(row, EntityKind.Zone, "z", "mean_waiting_list")));
    }

    [Fact]
    public void With_no_capacity_nobody_is_placed_so_the_mean_wait_is_missing_and_the_waiting_list_grows()
    {
        var scenario = TestMarkets.OneZone(TestMarkets.Demand(weeklyReferrals: 3, length: new Distribution(DistributionKind.Fixed, 1e7)), 52,
            TestMarkets.Provider("none", ProviderRole.Lead, 0, 15));
        var rows = new RowCollector(new OutcomeSchema(scenario));

        MonteCarloRunner.Run(() => new Market(scenario), new RunPlan(3, 5, 1), rows);

        foreach (var row in rows.Rows)
        {
            Assert.True(double.IsNaN(rows.Entity(row, EntityKind.ServiceUsers, "z__council", "mean_wait_weeks")));
            Assert.Equal(row[OutcomeSchema.Referrals], rows.Entity(row, EntityKind.ServiceUsers, "z__council", "referrals"));
            Assert.Equal(0, rows.Entity(row, EntityKind.Zone, "z", "delivered_hours"));
            Assert.InRange(rows.Entity(row, EntityKind.Zone, "z", "mean_waiting_list"), 1, row[OutcomeSchema.PeakWaiting]);
        }
    }

    private static (MarketScenario Scenario, OutcomeSchema Schema, RowCollector Rows) Run(string file, int runs)
    {
        var scenario = ScenarioLoader.Load(Repo.Scenario(file));
        var schema = new OutcomeSchema(scenario);
        var rows = new RowCollector(schema);
        MonteCarloRunner.Run(() => new Market(scenario), new RunPlan(2026, runs, 2, 8), rows);
        return (scenario, schema, rows);
    }

    // Sums taken in another order may differ in the last bits.
    private static double Tolerance(double magnitude) => 1e-9 * Math.Max(1, Math.Abs(magnitude));
}
