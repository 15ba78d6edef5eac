using System.Text.Json;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Statistics;
using MarketSim.Simulator.Cli;
using MarketSim.Simulator.Scenarios;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Reports;

public class PrecisionStopTests
{
    [Theory]
    [InlineData("1", "64")]
    [InlineData("2", "7")]
    public void The_precision_rule_stops_at_the_first_run_where_the_target_holds(string threads, string batchSize)
    {
        // Find, from a fixed-size experiment, the first run n ≥ 100 whose 95% half-width is at or below the target.
        const double target = 60_000;
        var scenario = Repo.Scenario("doncaster-ccash.yaml");
        var fixedDir = Path.Combine(Repo.TempDir(), "fixed");
        Assert.Equal(ExitCodes.Ok, CliRun.Of("run", scenario, "--runs", "600", "--seed", "9", "--out", fixedDir, "--quiet").ExitCode);
        var column = 1 + new OutcomeSchema(ScenarioLoader.Load(scenario)).IndexOf("unmet_hours_total");
        var values = File.ReadAllLines(Path.Combine(fixedDir, "runs.csv")).Skip(1).Select(l => double.Parse(l.Split(',')[column], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var moments = new RunningMoments();
        var firstPoint = -1;
        for (var i = 0; i < values.Count && firstPoint < 0; i++)
        {
            moments.Add(values[i]);
            if (moments.Count >= 100 && 1.959963984540054 * moments.StdError <= target)
            {
                firstPoint = i + 1;
            }
        }
        Assert.True(firstPoint > 100, "the target should not hold at once, or the test proves nothing");

        var dir = Path.Combine(Repo.TempDir(), "precise");
        var run = CliRun.Of("run", scenario, "--target-precision", $"unmet_hours_total={target}", "--max-runs", "600", "--seed", "9",
            "--threads", threads, "--batch-size", batchSize, "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
        Assert.Equal(firstPoint, manifest.RootElement.GetProperty("runs").GetInt64());
        Assert.StartsWith("target precision reached", manifest.RootElement.GetProperty("stop_reason").GetString());
        Assert.Equal(firstPoint + 1, File.ReadAllLines(Path.Combine(dir, "runs.csv")).Length);
        Assert.Equal(File.ReadAllLines(Path.Combine(fixedDir, "runs.csv")).Take(firstPoint + 1), File.ReadAllLines(Path.Combine(dir, "runs.csv")));
    }

    [Fact]
    public void An_unreachable_target_stops_at_the_maximum_and_says_so()
    {
        var dir = Path.Combine(Repo.TempDir(), "precise");

        var run = CliRun.Of("run", Repo.Scenario("doncaster-ccash.yaml"), "--target-precision", "unmet_hours_total=0.001", "--max-runs", "150", "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
        Assert.Equal(150, manifest.RootElement.GetProperty("runs").GetInt64());
        Assert.StartsWith("maximum runs reached", manifest.RootElement.GetProperty("stop_reason").GetString());
    }

    [Fact]
    public void The_stop_reason_gives_the_runs_done_with_a_thousands_separator()
    {
        var folder = Repo.TempDir();
        var scenario = Path.Combine(folder, "small.yaml");
        File.WriteAllText(scenario, MarketSim.Tests.Workbench.ExperimentComparisonTests.Small);
        var dir = Path.Combine(folder, "precise");

        var run = CliRun.Of("run", scenario, "--target-precision", "unmet_hours_total=0.000001", "--max-runs", "1200", "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
        Assert.EndsWith(" after 1,200 runs", manifest.RootElement.GetProperty("stop_reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_stop_reason_of_a_fixed_number_of_runs_gives_them_with_a_thousands_separator()
    {
        var folder = Repo.TempDir();
        var scenario = Path.Combine(folder, "small.yaml");
        File.WriteAllText(scenario, MarketSim.Tests.Workbench.ExperimentComparisonTests.Small);
        var dir = Path.Combine(folder, "fixed");

        var run = CliRun.Of("run", scenario, "--runs", "1200", "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
        Assert.Equal("fixed number of runs: 1,200", manifest.RootElement.GetProperty("stop_reason").GetString());
    }

    [Fact]
    public void An_unknown_precision_metric_is_a_clear_error()
    {
        var dir = Path.Combine(Repo.TempDir(), "precise");

        var run = CliRun.Of("run", Repo.Scenario("doncaster-ccash.yaml"), "--target-precision", "unmet_hours_totl=5", "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("did you mean 'unmet_hours_total'?", run.Error);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void A_precision_metric_with_no_close_name_is_followed_by_semicolon_allowed()
    {
        var dir = Path.Combine(Repo.TempDir(), "precise");

        var run = CliRun.Of("run", Repo.Scenario("doncaster-ccash.yaml"), "--target-precision", "nope=5", "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("'nope' is not an outcome of this scenario; allowed: a column of runs.csv (see docs/outputs.md)", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
    }

    [Theory]
    [InlineData("unmet_hours_total", "1000000000", "target precision reached: the 95% interval of the mean of Unmet need (care hours not delivered), hours, is ± ", ", within the target ± 1,000,000,000, after 20 runs")]
    [InlineData("whole_system_cost_gbp", "0.01", "maximum runs reached: the 95% interval of the mean of Whole-system cost (spend plus cost of unmet need) is ± £", ", wider than the target ± £0.01, after 40 runs")]
    public void The_precision_stop_reason_names_its_outcome_by_the_tables_label_and_unit_and_target_metric_by_its_column(string metric, string target, string start, string end)
    {
        var folder = Repo.TempDir();
        var scenario = Path.Combine(folder, "small.yaml");
        File.WriteAllText(scenario, MarketSim.Tests.Workbench.ExperimentComparisonTests.Small);
        var dir = Path.Combine(folder, "precise");

        var run = CliRun.Of("run", scenario, "--target-precision", $"{metric}={target}", "--max-runs", "40", "--min-runs", "20", "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
        var reason = manifest.RootElement.GetProperty("stop_reason").GetString()!;
        Assert.StartsWith(start, reason, StringComparison.Ordinal);
        Assert.EndsWith(end, reason, StringComparison.Ordinal);
        Assert.DoesNotContain(metric, reason, StringComparison.Ordinal);
        Assert.Equal(metric, manifest.RootElement.GetProperty("target_metric").GetString());
        // The label is the one the headline table gives the column.
        var label = start[(start.IndexOf(" mean of ", StringComparison.Ordinal) + 9)..].Split([", hours,", " is ±"], StringSplitOptions.None)[0];
        Assert.Contains($">{System.Net.WebUtility.HtmlEncode(label)}</span>", File.ReadAllText(Path.Combine(dir, "report.html")), StringComparison.Ordinal);
    }
}
