using System.Globalization;
using System.Text.Json;
using MarketSim.Grains.Outcomes;
using MarketSim.Simulator.Cli;
using MarketSim.Simulator.Scenarios;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Cli;

public class RunCommandTests
{
    private static readonly string Doncaster = Repo.Scenario("doncaster-ccash.yaml");

    [Fact]
    public void Run_writes_the_results_folder_and_prints_the_headline_table()
    {
        var dir = Path.Combine(Repo.TempDir(), "out");

        var run = CliRun.Of("run", Doncaster, "--runs", "20", "--seed", "5", "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(["commissioners.csv", "manifest.json", "providers.csv", "report.html", "results.xlsx", "runs.csv", "runs.parquet", "scenario.yaml", "series.csv", "service_users.csv", "summary.json", "zones.csv"], Directory.GetFiles(dir).Select(Path.GetFileName).Order());
        var lines = File.ReadAllLines(Path.Combine(dir, "runs.csv"));
        Assert.StartsWith("run,", lines[0]);
        Assert.Equal(21, lines.Length);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => i.ToString()), lines.Skip(1).Select(l => l.Split(',')[0]));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
        Assert.Equal(5UL, manifest.RootElement.GetProperty("seed").GetUInt64());
        Assert.Equal(20, manifest.RootElement.GetProperty("runs").GetInt64());
        Assert.Equal(File.ReadAllText(Doncaster), File.ReadAllText(Path.Combine(dir, "scenario.yaml")));
        Assert.All("Paid care hours a week, first 4 weeks".Split(' '), word => Assert.Contains(word, run.Output));
        Assert.DoesNotContain("paid_hours_per_week_first_4_weeks", run.Output);
        Assert.Contains("P95", run.Output);
    }

    [Fact]
    public void More_threads_than_cores_runs_with_a_warning_that_it_is_no_faster()
    {
        var dir = Path.Combine(Repo.TempDir(), "out");
        var threads = Environment.ProcessorCount + 1;

        var run = CliRun.Of("run", Doncaster, "--runs", "4", "--threads", threads.ToString(CultureInfo.InvariantCulture), "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains($"warning: --threads {threads} is more than this machine's {Environment.ProcessorCount} cores", run.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir, "runs.csv")));
    }

    [Fact]
    public void Threads_with_cluster_is_refused_by_run_and_serve_with_exit_code_2_as_the_silos_run_on_their_own_threads()
    {
        var dir = Path.Combine(Repo.TempDir(), "out");

        var run = CliRun.Of("run", Doncaster, "--runs", "4", "--threads", "4", "--cluster", "redis://127.0.0.1:1", "--out", dir, "--quiet");
        var serve = CliRun.Of("serve", "--threads", "2", "--cluster", "redis://127.0.0.1:1", "--experiments", dir);

        foreach (var refused in new[] { run, serve })
        {
            Assert.Equal(ExitCodes.BadInput, refused.ExitCode);
            Assert.Equal(
                "error: --threads: does not apply with --cluster, whose runs go to the silos' own threads; allowed: leave it out, and start each silo with 'marketsim silo --threads T'",
                Assert.Single(refused.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        }
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void Timings_lists_each_phase_in_seconds_on_stderr_after_the_results()
    {
        var dir = Path.Combine(Repo.TempDir(), "out");

        var run = CliRun.Of("run", Doncaster, "--runs", "5", "--out", dir, "--quiet", "--timings");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.DoesNotContain("seconds", run.Output);
        var rows = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^phase +start s +seconds +CPU s$", rows[0]);
        string[] phases = ["embedded silo start", "scenario load", "runs", "entity summaries", "silo stop", "results.xlsx", "report.html", "manifest.json", "results folder commit", "total"];
        Assert.All(phases, phase => Assert.Single(rows, r => System.Text.RegularExpressions.Regex.IsMatch(r, $@"^{System.Text.RegularExpressions.Regex.Escape(phase)} +\d+\.\d{{3}} +\d+\.\d{{3}}")));
        Assert.Contains(rows, r => r.StartsWith("chart histogram (SVG and PNG) ×", StringComparison.Ordinal));
    }

    [Fact]
    public void Summary_json_holds_mean_and_quantiles_of_each_headline_outcome()
    {
        var dir = Path.Combine(Repo.TempDir(), "out");
        CliRun.Of("run", Doncaster, "--runs", "30", "--out", dir, "--quiet");

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        var unmet = summary.RootElement.GetProperty("outcomes").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "unmet_hours_total");
        Assert.Equal("hours", unmet.GetProperty("unit").GetString());
        Assert.True(unmet.GetProperty("p5").GetDouble() <= unmet.GetProperty("p50").GetDouble());
        Assert.True(unmet.GetProperty("p50").GetDouble() <= unmet.GetProperty("p95").GetDouble());
        var csvMean = File.ReadAllLines(Path.Combine(dir, "runs.csv")).Skip(1)
            .Average(l => double.Parse(l.Split(',')[1 + OutcomeSchema.UnmetHours], System.Globalization.CultureInfo.InvariantCulture));
        // The summary's running mean adds in another order than this average: equal to rounding (1e-12 relative).
        Assert.Equal(csvMean, unmet.GetProperty("mean").GetDouble(), Math.Abs(csvMean) * 1e-12);
    }

    [Fact]
    public void Every_output_column_is_documented_with_its_unit()
    {
        var docs = File.ReadAllText(Path.Combine(Repo.Root, "docs", "outputs.md"));
        var schema = new OutcomeSchema(ScenarioLoader.Load(Doncaster));

        foreach (var series in OutcomeSchema.Series)
        {
            Assert.Contains($"`{series.Name}`", docs);
        }
        foreach (var column in schema.Columns)
        {
            var documentedName = column.Name.Contains("__") ? column.Name[..(column.Name.IndexOf("__", StringComparison.Ordinal) + 2)] : column.Name;
            Assert.Contains($"`{documentedName}", docs);
        }
    }

    [Fact]
    public void An_existing_results_folder_is_not_overwritten_without_the_flag()
    {
        var dir = Path.Combine(Repo.TempDir(), "out");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "keep.txt"), "mine");

        var refused = CliRun.Of("run", Doncaster, "--runs", "2", "--out", dir, "--quiet");
        Assert.Equal(ExitCodes.BadInput, refused.ExitCode);
        Assert.Contains("--overwrite", Assert.Single(refused.ErrorLines));
        Assert.Equal(["keep.txt"], Directory.GetFiles(dir).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("--runs", "0")]
    [InlineData("--threads", "-1")]
    [InlineData("--batch-size", "0")]
    [InlineData("--runs", "many")]
    public void Bad_options_exit_with_code_2(string option, string value)
    {
        var dir = Path.Combine(Repo.TempDir(), "out");

        var run = CliRun.Of("run", Doncaster, option, value, "--out", dir);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.NotEmpty(run.ErrorLines);
        Assert.False(Directory.Exists(dir));
    }

    [Theory]
    [InlineData("--runs", "--runs 1")]
    [InlineData("--max-runs", "--target-precision unmet_hours_total=100 --max-runs 1")]
    public void A_single_run_is_refused_with_exit_code_2_as_its_standard_error_is_undefined(string named, string options)
    {
        var dir = Path.Combine(Repo.TempDir(), "out");

        var run = CliRun.Of(["run", Doncaster, "--out", dir, "--quiet", .. options.Split(' ')]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal($"error: {named}: '1' is not allowed; allowed: a whole number from 2 to 9,223,372,036,854,775,807 (a standard error needs two runs)", Assert.Single(run.ErrorLines));
        Assert.False(Directory.Exists(dir));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("run", "--help")]
    [InlineData("validate", "--help")]
    public void Help_explains_every_command(params string[] args)
    {
        var run = CliRun.Of(args);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("Usage:", run.Output);
    }

    [Fact]
    public void The_run_console_lists_the_10_zones_most_likely_to_lose_their_lead_and_counts_the_rest_in_zones_csv()
    {
        var scenario = ManyZoneMarket.Write(zones: 14, hazard: 2);
        var dir = Path.Combine(Repo.TempDir(), "res");

        var run = CliRun.AtWidth(200, "run", scenario, "--runs", "40", "--seed", "3", "--out", dir);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        // The zones that lose their lead, not the table of unmet need by zone after them.
        var from = run.Output.IndexOf("Zones that lose their lead provider", StringComparison.Ordinal);
        var table = run.Output[from..run.Output.IndexOf("Unmet need by zone", from, StringComparison.Ordinal)];
        var rows = table.Split('\n').Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, "^│ Zone [0-9]+ "));
        Assert.Equal(10, rows);
        var zones = File.ReadAllLines(Path.Combine(dir, "zones.csv"));
        var (name, risk) = (Array.IndexOf(zones[0].Split(','), "name"), Array.IndexOf(zones[0].Split(','), "p_loses_lead"));
        var chance = zones.Skip(1).Select(l => l.Split(',')).ToDictionary(c => c[name], c => double.Parse(c[risk], System.Globalization.CultureInfo.InvariantCulture));
        var shown = chance.Keys.Where(z => table.Contains($"│ {z} │", StringComparison.Ordinal)).ToList();
        Assert.Equal(10, shown.Count);
        Assert.True(chance.Where(z => !shown.Contains(z.Key)).All(z => z.Value <= shown.Min(s => chance[s])), "a zone left out is more likely to lose its lead than one shown");
        Assert.Contains("… and 4 more zones in zones.csv", run.Output, StringComparison.Ordinal);
    }
}
