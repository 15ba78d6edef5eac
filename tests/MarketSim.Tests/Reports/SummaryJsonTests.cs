using System.Text.Json;
using MarketSim.Grains.Outcomes;
using MarketSim.Simulator.Reports;
using MarketSim.Simulator.Statistics;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Reports;

public class SummaryJsonTests
{
    [Fact]
    public void A_column_empty_in_every_run_has_null_mean_sd_and_se_as_it_has_null_min_and_max()
    {
        var scenario = TestMarkets.OneZone(TestMarkets.Demand(startingCaseload: 10), 52);
        var schema = new OutcomeSchema(scenario);
        using var summary = new OutcomeSummary(schema);
        var rows = new double[3 * schema.Stride];
        var workers = schema.IndexOf("care_workers_final");
        for (var r = 0; r < 3; r++)
        {
            rows[(r * schema.Stride) + workers] = double.NaN;
        }
        summary.Accept(0, 3, rows);
        var dir = Repo.TempDir();
        try
        {
            SummaryJson.Write(Path.Combine(dir, "summary.json"), scenario, 1, summary);

            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
            var outcomes = json.RootElement.GetProperty("outcomes").EnumerateArray().ToList();
            var empty = outcomes.Single(o => o.GetProperty("name").GetString() == "care_workers_final");
            Assert.Equal(0, empty.GetProperty("count").GetInt64());
            Assert.Equal(3, empty.GetProperty("missing").GetInt64());
            Assert.All(["mean", "sd", "se", "min", "max"], key => Assert.Equal(JsonValueKind.Null, empty.GetProperty(key).ValueKind));
            var zero = outcomes.Single(o => o.GetProperty("name").GetString() == "hand_backs");
            Assert.All(["mean", "sd", "se", "min", "max"], key => Assert.Equal(0, zero.GetProperty(key).GetDouble()));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void The_start_date_and_horizon_follow_the_run_count_as_in_runs_parquets_metadata()
    {
        var scenario = TestMarkets.OneZone(TestMarkets.Demand(startingCaseload: 10), 78);
        using var summary = new OutcomeSummary(new OutcomeSchema(scenario));
        var dir = Repo.TempDir();
        try
        {
            SummaryJson.Write(Path.Combine(dir, "summary.json"), scenario, 1, summary);

            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
            var root = json.RootElement;
            Assert.Equal(["scenario", "seed", "runs", "start_date", "horizon_weeks", "horizon_years", "outcomes"], root.EnumerateObject().Select(p => p.Name));
            Assert.Equal("2020-04-01", root.GetProperty("start_date").GetString());
            Assert.Equal(78, root.GetProperty("horizon_weeks").GetInt32());
            Assert.Equal(1.5, root.GetProperty("horizon_years").GetDouble());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
