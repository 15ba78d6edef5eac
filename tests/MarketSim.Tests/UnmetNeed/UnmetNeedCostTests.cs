using MarketSim.Grains.Commissioners;
using MarketSim.Grains.Market;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;
using MarketSim.Silo.Runs;
using MarketSim.Simulator.Scenarios;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.UnmetNeed;

/// <summary>
/// The cost of unmet need: unmet care hours valued at the scenario's cost an hour, charged to
/// commissioners, and added to spend as the whole-system cost, so losing capacity is no saving.
/// </summary>
public class UnmetNeedCostTests
{
    private const ulong Seed = 2026;

    private static List<double[]> Rows(MarketScenario scenario, int runs, out OutcomeSchema schema)
    {
        schema = new OutcomeSchema(scenario);
        var rows = new RowCollector(schema);
        MonteCarloRunner.Run(() => new Market(scenario), new RunPlan(Seed, runs, 2, 8), rows);
        return rows.Rows;
    }

    private static double Column(OutcomeSchema schema, double[] row, string name) => row[schema.IndexOf(name)];

    [Fact]
    public void A_valued_unmet_hour_adds_exactly_hours_times_value_to_the_whole_system_cost_run_by_run()
    {
        var valued = ScenarioLoader.Load(Repo.Scenario("doncaster-lead-exit.yaml"));
        var value = valued.UnmetNeed!.CostGbpPerHour;
        var unvalued = valued with { UnmetNeed = null };
        var council = valued.Commissioners.Single().Id;

        var withCost = Rows(valued, 24, out var schema);
        var without = Rows(unvalued, 24, out var unvaluedSchema);

        for (var r = 0; r < withCost.Count; r++)
        {
            var hours = Column(schema, withCost[r], "unmet_hours_total");
            var spend = Column(schema, withCost[r], $"spend_gbp__{council}");
            Assert.True(hours > 0);
            Assert.Equal(hours, Column(unvaluedSchema, without[r], "unmet_hours_total"));
            Assert.Equal(spend, Column(unvaluedSchema, without[r], $"spend_gbp__{council}"));
            Assert.Equal(0, Column(unvaluedSchema, without[r], "unmet_need_cost_gbp"));
            Assert.Equal(spend, Column(unvaluedSchema, without[r], "whole_system_cost_gbp"));
            Assert.Equal(hours * value, Column(schema, withCost[r], "unmet_need_cost_gbp"));
            Assert.Equal(spend + (hours * value), Column(schema, withCost[r], "whole_system_cost_gbp"));
            Assert.Equal(Column(unvaluedSchema, without[r], "whole_system_cost_gbp") + (hours * value), Column(schema, withCost[r], "whole_system_cost_gbp"));

            // Without borne_by the council, which funds every Doncaster package, bears it all.
            Assert.Equal(hours * value, Column(schema, withCost[r], $"unmet_need_cost_gbp__{council}"));
            Assert.Equal(spend + (hours * value), Column(schema, withCost[r], $"whole_system_cost_gbp__{council}"));
        }
    }

    [Fact]
    public void Borne_by_shares_split_the_cost_exactly_and_the_entity_blocks_repeat_the_columns()
    {
        const string council = "leicestershire_cc", ccgs = "leicestershire_ccgs";
        var scenario = ScenarioLoader.Load(Repo.Scenario("leicestershire-htlah.yaml")) with
        {
            UnmetNeed = new UnmetNeedSpec(50, [new(council, 0.6), new(ccgs, 0.4)]),
        };
        var schema = new OutcomeSchema(scenario);
        var rows = new RowCollector(schema);
        MonteCarloRunner.Run(() => new Market(scenario), new RunPlan(Seed, 12, 2, 8), rows);

        Assert.Contains(rows.Rows, row => rows.Column(row, "unmet_hours_total") > 0);
        foreach (var row in rows.Rows)
        {
            var total = rows.Column(row, "unmet_hours_total") * 50;
            Assert.Equal(total, rows.Column(row, "unmet_need_cost_gbp"));
            Assert.Equal(total * 0.6, rows.Column(row, $"unmet_need_cost_gbp__{council}"));
            Assert.Equal(total - (total * 0.6), rows.Column(row, $"unmet_need_cost_gbp__{ccgs}"));
            Assert.Equal(total, rows.Column(row, $"unmet_need_cost_gbp__{council}") + rows.Column(row, $"unmet_need_cost_gbp__{ccgs}"));
            var spend = rows.Column(row, $"spend_gbp__{council}") + rows.Column(row, $"spend_gbp__{ccgs}");
            Assert.Equal(spend + total, rows.Column(row, "whole_system_cost_gbp"));
            foreach (var c in scenario.Commissioners)
            {
                Assert.Equal(rows.Column(row, $"spend_gbp__{c.Id}") + rows.Column(row, $"unmet_need_cost_gbp__{c.Id}"), rows.Column(row, $"whole_system_cost_gbp__{c.Id}"));
                Assert.Equal(rows.Column(row, $"unmet_need_cost_gbp__{c.Id}"), rows.Entity(row, EntityKind.Commissioner, c.Id, "unmet_need_cost_gbp"));
                Assert.Equal(rows.Column(row, $"whole_system_cost_gbp__{c.Id}"), rows.Entity(row, EntityKind.Commissioner, c.Id, "whole_system_cost_gbp"));
            }
        }
    }

    [Fact]
    public void Without_borne_by_each_hour_falls_to_the_commissioner_funding_its_stream()
    {
        var dorset = ScenarioLoader.Load(Repo.Scenario("dorset-pool-2017.yaml"));
        var costing = new UnmetNeedCosting(dorset with { UnmetNeed = new UnmetNeedSpec(40) });
        var cost = new double[2];
        var byStream = new double[FundingStreams.Count];
        byStream[(int)FundingStream.Council] = 600;
        byStream[(int)FundingStream.NhsChc] = 300;
        byStream[(int)FundingStream.DirectPayment] = 50;
        byStream[(int)FundingStream.SelfFunder] = 50;

        var total = costing.Split(1000, byStream, cost);

        // DCC funds council and direct payments: (600 + 50) × £40 = £26,000; the CCG funds CHC:
        // 300 × £40 = £12,000; self-funders' 50 hours count in the total (£40,000) but fall to neither.
        Assert.Equal(40_000, total);
        Assert.Equal(26_000, cost[0]);
        Assert.Equal(12_000, cost[1]);
    }

    [Fact]
    public void A_scenario_without_an_unmet_need_section_values_unmet_hours_at_zero()
    {
        var costing = new UnmetNeedCosting(ScenarioLoader.Load(Repo.Scenario("dorset-pool-2017.yaml")) with { UnmetNeed = null });
        var cost = new double[] { 1, 1 };

        Assert.Equal(0, costing.Split(1000, new double[FundingStreams.Count], cost));
        Assert.Equal([0, 0], cost);
    }

    [Fact]
    public void Losing_the_Doncaster_lead_in_zones_4_and_5_spends_less_but_costs_the_whole_system_more()
    {
        const int runs = 200;
        var baseRows = Rows(ScenarioLoader.Load(Repo.Scenario("doncaster-ccash.yaml")), runs, out var baseSchema);
        var exitRows = Rows(ScenarioLoader.Load(Repo.Scenario("doncaster-lead-exit.yaml")), runs, out var exitSchema);

        double[] Paired(string column) => [.. exitRows.Select((row, r) => Column(exitSchema, row, column) - Column(baseSchema, baseRows[r], column))];
        static (double Mean, double Se) MeanAndSe(double[] d)
        {
            var mean = d.Average();
            return (mean, Math.Sqrt(d.Sum(x => (x - mean) * (x - mean)) / (d.Length - 1) / d.Length));
        }

        var spend = MeanAndSe(Paired("spend_gbp__doncaster_council"));
        var whole = MeanAndSe(Paired("whole_system_cost_gbp"));

        // Spend alone falls (people wait instead of being paid for), but the whole-system cost rises.
        Assert.True(spend.Mean < -4 * spend.Se, $"paired spend difference {spend.Mean:N0} ± {spend.Se:N0}");
        Assert.True(whole.Mean > 4 * whole.Se, $"paired whole-system difference {whole.Mean:N0} ± {whole.Se:N0}");
    }
}
