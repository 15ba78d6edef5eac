using System.Globalization;
using MarketSim.Grains.Market;
using MarketSim.Grains.Outcomes;
using MarketSim.Silo.Runs;
using MarketSim.Simulator.Cli;
using MarketSim.Simulator.RiskShare;
using MarketSim.Simulator.Scenarios;
using MarketSim.Simulator.Statistics;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Entities;

/// <summary>Commissioners' and pooled budgets' blocks against the pool columns of runs.csv and risk_share.csv.</summary>
public class CommissionerLiabilityTests
{
    private const string Dorset = "dorset-pool-2017.yaml";
    private const ulong Seed = 2026;
    private const int Runs = 60;

    [Fact]
    public void Commissioners_and_pools_report_the_numbers_of_their_columns_in_every_run()
    {
        var scenario = ScenarioLoader.Load(Repo.Scenario(Dorset));
        var schema = new OutcomeSchema(scenario);
        var rows = new RowCollector(schema);

        MonteCarloRunner.Run(() => new Market(scenario), new RunPlan(Seed, 20, 2, 8), rows);

        var pool = scenario.PooledBudgets.Single();
        foreach (var row in rows.Rows)
        {
            foreach (var c in scenario.Commissioners)
            {
                Assert.Equal(rows.Column(row, $"spend_gbp__{c.Id}"), rows.Entity(row, EntityKind.Commissioner, c.Id, "spend_gbp"));
                Assert.Equal(rows.Column(row, $"overspend_gbp__{c.Id}"), rows.Entity(row, EntityKind.Commissioner, c.Id, "overspend_gbp"));
                foreach (var model in pool.ModelsOrDefault)
                {
                    Assert.Equal(rows.Column(row, $"liability_gbp__{pool.Id}__{model.Id}__{c.Id}"), rows.Entity(row, EntityKind.Commissioner, c.Id, $"liability_gbp__{pool.Id}__{model.Id}"));
                }
            }
            Assert.Equal(rows.Column(row, $"pool_overspend_gbp__{pool.Id}"), rows.Entity(row, EntityKind.PooledBudget, pool.Id, "overspend_gbp"));
            foreach (var model in pool.ModelsOrDefault)
            {
                foreach (var party in pool.Parties(model))
                {
                    Assert.Equal(rows.Column(row, $"liability_gbp__{pool.Id}__{model.Id}__{party}"), rows.Entity(row, EntityKind.PooledBudget, pool.Id, $"liability_gbp__{model.Id}__{party}"));
                    Assert.Equal(rows.Column(row, $"worst_year_liability_gbp__{pool.Id}__{model.Id}__{party}"), rows.Entity(row, EntityKind.PooledBudget, pool.Id, $"worst_year_liability_gbp__{model.Id}__{party}"));
                }
            }
        }
    }

    [Fact]
    public void Commissioners_mean_liabilities_equal_the_risk_share_comparison_and_risk_share_csv()
    {
        var scenario = ScenarioLoader.Load(Repo.Scenario(Dorset));
        var schema = new OutcomeSchema(scenario);
        var entities = new EntityOutcomeSink(schema);
        using var comparison = new RiskShareComparison(scenario, schema);
        MonteCarloRunner.Run(() => new Market(scenario), new RunPlan(Seed, Runs, 2, 7), new FanOutSink(entities, comparison));
        var dir = Path.Combine(Repo.TempDir(), "out");
        var cli = CliRun.Of("run", Repo.Scenario(Dorset), "--runs", Runs.ToString(CultureInfo.InvariantCulture), "--seed", Seed.ToString(CultureInfo.InvariantCulture), "--out", dir, "--quiet");
        Assert.Equal(ExitCodes.Ok, cli.ExitCode);
        var csv = File.ReadAllLines(Path.Combine(dir, "risk_share.csv"));
        var header = csv[0].Split(',').ToList();
        var fromFile = csv.Skip(1).Select(l => l.Split(',')).ToDictionary(
            f => (f[header.IndexOf("agreement")], f[header.IndexOf("party")]),
            f => double.Parse(f[header.IndexOf("mean_liability_gbp")], CultureInfo.InvariantCulture));

        var pool = scenario.PooledBudgets.Single();
        var checkedLines = 0;
        foreach (var c in scenario.Commissioners)
        {
            var commissioner = entities.Of(EntityKind.Commissioner, c.Id);
            Assert.Equal(Runs, commissioner.Runs);
            foreach (var model in pool.ModelsOrDefault)
            {
                var liability = commissioner.Metric($"liability_gbp__{pool.Id}__{model.Id}").Moments;
                var line = comparison.Lines.Single(l => l.ModelId == model.Id && l.Party == c.Id);
                Assert.Equal(line.Liability.Mean, liability.Mean);
                Assert.Equal(line.Liability.StdError, liability.StdError);
                Assert.Equal(fromFile[(model.Id, c.Id)], liability.Mean);
                Assert.Equal(line.Liability.Mean, entities.Of(EntityKind.PooledBudget, pool.Id).Metric($"liability_gbp__{model.Id}__{c.Id}").Moments.Mean);
                checkedLines++;
            }
        }
        Assert.Equal(2 * pool.ModelsOrDefault.Length, checkedLines);
    }
}
