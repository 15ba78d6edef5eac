using MarketSim.Grains.Failure;
using MarketSim.Grains.Market;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Providers;
using MarketSim.Grains.Scenario;
using MarketSim.Silo.Runs;
using MarketSim.Simulator.Reports;
using MarketSim.Simulator.Statistics;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Entities;

/// <summary>Each provider's chance of leaving, year by year and by cause, against closed forms and exact cases.</summary>
public class ProviderExitTests
{
    private const double Z = 4; // |estimate − truth| < 4 standard errors: a false alarm about once in 16,000 seeds per check

    [Fact]
    public void With_only_an_exogenous_hazard_each_provider_leaves_within_T_years_with_probability_one_minus_e_to_the_minus_hT()
    {
        // Costs, workforce and hand-back are off: the weekly hazard 1 − e^(−h/52) is the only way out.
        double[] hazards = [0.05, 0.2, 0.5, 1.0];
        var providers = hazards.Select((h, i) => TestMarkets.Provider($"p{i}", i == 0 ? ProviderRole.Lead : ProviderRole.Framework, 1e6, 15) with
        {
            Failure = FailureSpec.None with { HazardPerYear = h, NoticeWeeks = 4 },
        }).ToArray();
        var scenario = TestMarkets.OneZone(TestMarkets.Demand(startingCaseload: 20, weeklyReferrals: 2), 3 * 52, providers);
        var sink = new EntityOutcomeSink(new OutcomeSchema(scenario));
        const int runs = 4000;

        MonteCarloRunner.Run(() => new Market(scenario), new RunPlan(2026, runs, 2), sink);

        var dir = Repo.TempDir();
        EntityFiles.WriteInto(dir, sink.Summaries());
        var csv = File.ReadAllLines(Path.Combine(dir, "providers.csv")).Select(l => l.Split(',')).ToArray();
        for (var i = 0; i < hazards.Length; i++)
        {
            var row = csv.Single(r => r[0] == $"p{i}");
            for (var t = 1; t <= 3; t++)
            {
                var truth = 1 - Math.Exp(-hazards[i] * t);
                var se = Math.Sqrt(truth * (1 - truth) / runs);
                var inCsv = double.Parse(row[Array.IndexOf(csv[0], $"p_exit_by_year_{t}")], System.Globalization.CultureInfo.InvariantCulture);
                Assert.InRange(inCsv, truth - (Z * se), truth + (Z * se));
            }
        }
        for (var i = 0; i < hazards.Length; i++)
        {
            var provider = (ProviderDistribution)sink.Of(EntityKind.Provider, $"p{i}");
            Assert.Equal(3, provider.Years);
            for (var t = 1; t <= 3; t++)
            {
                var truth = 1 - Math.Exp(-hazards[i] * t);
                var se = Math.Sqrt(truth * (1 - truth) / runs);
                var exit = provider.ExitWithin(t);
                Assert.Equal(runs, exit.Runs);
                Assert.InRange(exit.P, truth - (Z * se), truth + (Z * se));
                Assert.Equal(exit, provider.ExitWithin(t, ExitReason.Hazard));
                Assert.Equal(0, provider.ExitWithin(t, ExitReason.HandBack).Count);
                Assert.Equal(0, provider.ExitWithin(t, ExitReason.ForcedExit).Count);
            }
            var summary = provider.Summarise();
            Assert.Equal(ExitReason.Hazard, summary.Exits!.MostCommonCause);
            Assert.Equal(provider.ExitWithin(3), summary.Exits.WithinHorizon);
            // Exit weeks are recorded only for the runs it left, within the horizon.
            var week = summary.Metric("exit_week");
            Assert.Equal(provider.ExitWithin(3).Count, week.Runs);
            Assert.InRange(week.P5, 0, 3 * 52);
            Assert.InRange(week.P95, week.P50, 3 * 52);
        }
    }

    [Fact]
    public void A_forced_exit_is_recorded_with_its_week_and_cause_and_its_entrant_reports_too()
    {
        var lead = TestMarkets.Provider("lead", ProviderRole.Lead, 50, 14);
        var scenario = TestMarkets.OneZone(TestMarkets.Demand(startingCaseload: 10, hours: new Distribution(DistributionKind.Fixed, 5), length: new Distribution(DistributionKind.Fixed, 1e7)), 20, lead) with
        {
            Shocks = [new ShockSpec(ShockKind.ProviderExit, 2, 1, 0, "lead")],
            DynamicPurchasing = new DynamicPurchasingSpec(JoinDelayWeeks: 5, CapacityShare: 1, Workforce: null),
        };
        var schema = new OutcomeSchema(scenario);
        var rows = new RowCollector(schema);

        MonteCarloRunner.Run(() => new Market(scenario), new RunPlan(1, 1, 1), rows);

        var row = rows.Rows[0];
        Assert.Equal(["lead", "lead_entrant"], schema.EntitiesOf(EntityKind.Provider).Select(b => b.Id));
        Assert.Equal(2, rows.Entity(row, EntityKind.Provider, "lead", "exit_week"));
        Assert.Equal((int)ExitReason.ForcedExit, rows.Entity(row, EntityKind.Provider, "lead", "exit_cause"));
        Assert.True(double.IsNaN(rows.Entity(row, EntityKind.Provider, "lead_entrant", "exit_week")));
        Assert.Equal(0, rows.Entity(row, EntityKind.Provider, "lead_entrant", "exit_cause"));
        // Notice 0: 50 h a week for weeks 0-1 by the lead, nothing while waiting, then the entrant from week 7.
        Assert.Equal(50 * 2, rows.Entity(row, EntityKind.Provider, "lead", "delivered_hours"));
        Assert.Equal(50 * 13, rows.Entity(row, EntityKind.Provider, "lead_entrant", "delivered_hours"));
        Assert.Equal(2.0 / 15, rows.Entity(row, EntityKind.Provider, "lead", "delivered_share"), 12);
        // No costs: neither reserves nor margins are modelled.
        Assert.True(double.IsNaN(rows.Entity(row, EntityKind.Provider, "lead", "reserves_gbp_year_1")));
        Assert.True(double.IsNaN(rows.Entity(row, EntityKind.Provider, "lead", "margin_gbp_per_hour_year_1")));
    }

    [Fact]
    public void Reserves_at_each_year_end_and_the_margin_per_hour_follow_the_rate_and_the_cost()
    {
        // NLW £8 and no other costs, so the cost is exactly £8 an hour; the rate is £7 on 50 hours a week.
        var lead = TestMarkets.Provider("lead", ProviderRole.Lead, 50, 7) with
        {
            Costs = new CostSpec(0, 0, 0, 0, 0),
            Failure = FailureSpec.None with { ReservesGbp = 1_000_000 },
        };
        var demand = TestMarkets.Demand(startingCaseload: 10, hours: new Distribution(DistributionKind.Fixed, 5), length: new Distribution(DistributionKind.Fixed, 1e7));
        var scenario = TestMarkets.OneZone(demand, 2 * 52, lead) with { Economy = new EconomySpec([8], 0, 0, 0, 0, 0) };
        var rows = new RowCollector(new OutcomeSchema(scenario));

        MonteCarloRunner.Run(() => new Market(scenario), new RunPlan(1, 1, 1), rows);

        var row = rows.Rows[0];
        Assert.Equal(1_000_000 - (50 * 52), rows.Entity(row, EntityKind.Provider, "lead", "reserves_gbp_year_1"));
        Assert.Equal(1_000_000 - (2 * 50 * 52), rows.Entity(row, EntityKind.Provider, "lead", "reserves_gbp_year_2"));
        Assert.Equal(-1, rows.Entity(row, EntityKind.Provider, "lead", "margin_gbp_per_hour_year_1"));
        Assert.Equal(-1, rows.Entity(row, EntityKind.Provider, "lead", "margin_gbp_per_hour_year_2"));
    }
}
