using MarketSim.Grains.Failure;
using MarketSim.Grains.Market;
using MarketSim.Grains.Outcomes;
using MarketSim.Silo.Runs;
using MarketSim.Simulator.Scenarios;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Failure;

/// <summary>
/// BaNES and Dorset carry the same cost and failure calibration as Doncaster and Leicestershire (UKHCA's
/// minimum price for their start years, the NLW path): their providers' costs are modelled, and exits by
/// cause add up and match each provider's cause.
/// </summary>
public class BundledCalibrationTests
{
    [Theory]
    [InlineData("banes-your-care-your-way.yaml", 6.50, 15.28)]
    [InlineData("dorset-pool-2017.yaml", 7.50, 16.69)]
    public void Every_provider_has_costs_and_failure_and_costs_UKHCAs_minimum_price_before_its_surplus_in_year_1(string file, double nlw, double costBeforeSurplus)
    {
        var scenario = ScenarioLoader.Load(Repo.Scenario(file));

        Assert.NotNull(scenario.Economy);
        Assert.Equal(nlw, scenario.Economy!.NlwGbpPerHour[0]);
        Assert.All(scenario.Providers, p =>
        {
            Assert.NotNull(p.Costs);
            Assert.True(double.IsFinite(p.FailureOrNone.ReservesGbp), $"{p.Id} has unlimited reserves");
            Assert.Equal(26, p.FailureOrNone.HandBackAfterWeeksBelowCost);
            Assert.Equal(0.7, p.Costs!.OtherWorkPersistence);
            // Pay nlw × 1.195 × 1.28 plus mileage and running costs, to the penny: UKHCA's price / 1.03.
            Assert.Equal(costBeforeSurplus, p.Costs.CostPerContactHour(p.Costs.Wage(nlw), 1), 2);
        });
    }

    [Theory]
    [InlineData("banes-your-care-your-way.yaml")]
    [InlineData("dorset-pool-2017.yaml")]
    public void Exits_by_cause_add_up_to_provider_exits_and_match_each_provider_and_hand_backs_happen_in_some_runs_and_not_in_all(string file)
    {
        var scenario = ScenarioLoader.Load(Repo.Scenario(file));
        var rows = new RowCollector(new OutcomeSchema(scenario));
        MonteCarloRunner.Run(() => new Market(scenario), new RunPlan(12345, 300, 2, 16), rows);
        var causes = new[] { ExitReason.Hazard, ExitReason.ReservesExhausted, ExitReason.HandBack, ExitReason.ForcedExit };
        var columns = new[] { "exits_hazard", "exits_reserves_exhausted", "hand_backs", "exits_forced" };
        var ids = scenario.Providers.Select(p => p.Id).ToList();

        foreach (var row in rows.Rows)
        {
            Assert.Equal(rows.Column(row, "provider_exits"), columns.Sum(c => rows.Column(row, c)));
            for (var c = 0; c < causes.Length; c++)
            {
                Assert.Equal(rows.Column(row, columns[c]), ids.Count(id => rows.Entity(row, EntityKind.Provider, id, "exit_cause") == (int)causes[c]));
            }
        }
        foreach (var column in new[] { "hand_backs", "exits_hazard" })
        {
            Assert.InRange(rows.Rows.Count(row => rows.Column(row, column) > 0), 1, rows.Rows.Count - 1);
        }
        Assert.All(rows.Rows, row => Assert.False(double.IsNaN(rows.Column(row, "rate_gap_gbp_per_hour"))));
    }
}
