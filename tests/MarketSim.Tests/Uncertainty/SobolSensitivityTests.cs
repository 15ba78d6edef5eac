using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using MarketSim.Simulator.Cli;
using MarketSim.Simulator.Reports;
using MarketSim.Tests.Reports;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Uncertainty;

/// <summary>`marketsim sensitivity --method sobol`: Sobol indices from (k + 2)·N runs of a Saltelli design on the embedded silo.</summary>
public class SobolSensitivityTests
{
    /// <summary>
    /// A small market with two uncertain inputs: the lead provider's capacity, which drives unmet hours, and the
    /// week of a demand surge whose multiplier is 1, which by construction changes nothing.
    /// </summary>
    public const string TwoInputs = """
        name: Two inputs
        start_date: 2020-04-01
        horizon_years: 1
        zones:
          - id: north
            demand:
              starting_caseload_people: 20
              weekly_referrals_people: 2
              annual_growth: 0.02
              weekly_hours: { distribution: fixed, mean: 10 }
              package_length_weeks: { distribution: exponential, mean: 10 }
              funding_mix: { council: 1 }
        providers:
          - { id: lead, role: lead, zones: [north], capacity_weekly_hours: { distribution: normal, mean: 200, sd: 30, min: 100, max: 300, source: "test" }, rate_gbp_per_hour: 16 }
          - { id: spot, role: spot, zones: all, capacity_weekly_hours: 50, rate_gbp_per_hour: 20 }
        commissioners:
          - { id: council, funds: [council], annual_budgets_gbp: [150000] }
        shocks:
          - { type: demand_surge, week: { distribution: discrete, values: [10, 20, 30], weights: [1, 2, 1], source: "test" }, weeks: 4, multiplier: 1.0 }
        """;

    private const string Capacity = "providers.lead.capacity_weekly_hours";
    private const string ShockWeek = "shocks[0].week";

    [Fact]
    public void An_input_that_cannot_affect_the_outcome_gets_a_total_index_of_zero_and_the_other_a_clearly_positive_one()
    {
        using var dir = new Scratch();

        var rows = Rows(dir.Sobol("--base-runs", "64"));

        var week = rows.Single(r => r["input"] == ShockWeek);
        var capacity = rows.Single(r => r["input"] == Capacity);
        // Runs sharing a base row share the model's randomness, so f(A) − f(A_B^(week)) is exactly 0 in every row.
        Assert.Equal(0, Number(week["total"]));
        Assert.True(Number(week["total_ci_low"]) <= 0 && Number(week["total_ci_high"]) >= 0);
        Assert.True(Number(week["first_order_ci_low"]) <= 0 && Number(week["first_order_ci_high"]) >= 0);
        Assert.True(Number(capacity["total_ci_low"]) > 0.1, $"capacity's total index interval starts at {capacity["total_ci_low"]}");
        Assert.True(Number(capacity["first_order_ci_low"]) > 0, $"capacity's first-order interval starts at {capacity["first_order_ci_low"]}");
        Assert.All(rows, r => Assert.Equal(("64", "256"), (r["base_runs"], r["runs"])));
    }

    [Fact]
    public void Sobol_csv_is_byte_identical_for_one_and_two_threads()
    {
        using var dir = new Scratch();

        var one = dir.Sobol("--base-runs", "40", "--threads", "1", "--metric", "unmet_hours_total", "--metric", "peak_waiting_list_people");
        var two = dir.Sobol("--base-runs", "40", "--threads", "2", "--metric", "unmet_hours_total", "--metric", "peak_waiting_list_people");

        Assert.Equal(File.ReadAllBytes(Path.Combine(one, "sobol.csv")), File.ReadAllBytes(Path.Combine(two, "sobol.csv")));
        Assert.Equal(5, File.ReadAllLines(Path.Combine(one, "sobol.csv")).Length);
    }

    [Fact]
    public void The_manifest_records_the_design_and_the_report_has_a_chart_per_outcome()
    {
        using var dir = new Scratch();

        var output = dir.Sobol("--base-runs", "20", "--seed", "9");

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "manifest.json")));
        var design = manifest.RootElement.GetProperty("design");
        Assert.Equal(("sobol", 20, 2, 80, 9UL), (manifest.RootElement.GetProperty("method").GetString(), design.GetProperty("base_runs").GetInt32(),
            design.GetProperty("inputs").GetInt32(), design.GetProperty("runs").GetInt32(), design.GetProperty("seed").GetUInt64()));
        var report = File.ReadAllText(Path.Combine(output, "report.html"));
        Assert.Contains("Share of the variance of unmet care (hours)", report, StringComparison.Ordinal);
        Assert.Contains("Total (with its interactions)", report, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "charts", "sobol_unmet_hours_total.svg")));
        Assert.True(File.Exists(Path.Combine(output, "charts", "sobol_unmet_hours_total.png")));
    }

    [Fact]
    public void Sobol_tables_and_charts_name_outcomes_and_inputs_in_words_and_the_folder_says_how_to_reproduce_it()
    {
        using var dir = new Scratch();

        var output = dir.Sobol("--base-runs", "8", "--seed", "4", "--metric", "unmet_hours_total");

        var console = dir.LastOutput[..dir.LastOutput.IndexOf("Results:", StringComparison.Ordinal)].ReplaceLineEndings(" ");
        Assert.Contains("Share of the variance of unmet care (hours)", console, StringComparison.Ordinal);
        Assert.Contains("providers › lead › capacity weekly hours", console, StringComparison.Ordinal);
        Assert.DoesNotContain("_", console, StringComparison.Ordinal);
        var chart = ChartImages.Texts(XDocument.Load(Path.Combine(output, "charts", "sobol_unmet_hours_total.svg")).Root!);
        Assert.Contains("Unmet need (care hours not delivered): Sobol indices", chart);
        Assert.Contains("providers › lead › capacity weekly hours", chart);
        Assert.DoesNotContain(chart, t => t.Contains('_', StringComparison.Ordinal));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "manifest.json")));
        var reproduce = manifest.RootElement.GetProperty("reproduce").GetString()!;
        Assert.Equal("marketsim sensitivity scenario.yaml --method sobol --base-runs 8 --metric unmet_hours_total --seed 4", reproduce);
        Assert.Equal(["unmet_hours_total"], manifest.RootElement.GetProperty("metrics").EnumerateArray().Select(m => m.GetString()));
        var report = File.ReadAllText(Path.Combine(output, "report.html"));
        Assert.Contains("<h2 id=\"provenance\">Provenance</h2>", report, StringComparison.Ordinal);
        Assert.Contains(reproduce, report, StringComparison.Ordinal);
        Assert.Contains("<th>First-order (alone), 95% CI</th>", report, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sobol_console_gives_the_period_its_runs_cover_and_says_how_to_read_indices_that_sum_to_little_or_fall_below_zero()
    {
        using var dir = new Scratch();

        var output = dir.Sobol("--base-runs", "8", "--seed", "4", "--metric", "unmet_hours_total");

        var console = string.Join(' ', dir.LastOutput.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Share of the variance of unmet care (hours) explained by each input (32 runs of the 1-year horizon)", console, StringComparison.Ordinal);
        Assert.Contains("First-order: the share of the variance an input explains alone; total: with its interactions with the others;", console, StringComparison.Ordinal);
        Assert.Contains("variance that no input explains, and the indices can sum to far less than 100%", console, StringComparison.Ordinal);
        Assert.Contains("An estimate below 0, or an interval that reaches 0, is a share too small to tell from noise with these runs: more --base-runs narrow the intervals.", console, StringComparison.Ordinal);
        var report = WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(output, "report.html")));
        Assert.Contains("32 runs of the 1-year horizon, seed 4", report, StringComparison.Ordinal);
        Assert.Contains(SobolFiles.Reading, report, StringComparison.Ordinal);
    }

    [Fact]
    public void Sobol_indices_are_written_as_every_other_share_in_the_console_and_report_html()
    {
        using var dir = new Scratch();

        var output = dir.Sobol("--base-runs", "8", "--seed", "4", "--metric", "unmet_hours_total");

        var report = WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(output, "report.html")));
        foreach (var r in Rows(output))
        {
            foreach (var index in new[] { "first_order", "total" })
            {
                var text = $"{Quantity.Share(Number(r[index]))} ({Quantity.Share(Number(r[$"{index}_ci_low"]))} to {Quantity.Share(Number(r[$"{index}_ci_high"]))})";
                Assert.Contains(text, dir.LastOutput, StringComparison.Ordinal);
                Assert.Contains($"<td>{text}</td>", report, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Correlations_are_not_applied_in_a_sobol_design_and_the_command_says_so()
    {
        using var plain = new Scratch();
        using var correlated = new Scratch(TwoInputs + """

            correlations:
              pairs:
                - { inputs: [providers.lead.capacity_weekly_hours, "shocks[0].week"], rank_correlation: 0.6, source: "test" }
            """);

        var without = plain.Sobol("--base-runs", "16");
        var with = correlated.Sobol("--base-runs", "16");

        Assert.Contains("warning: the scenario's correlations are not applied with --method sobol", correlated.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", plain.LastError, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Path.Combine(without, "sobol.csv")), File.ReadAllBytes(Path.Combine(with, "sobol.csv")));
    }

    [Fact]
    public void Sobol_of_a_scenario_without_uncertain_inputs_is_refused_with_exit_2()
    {
        var dir = Path.Combine(Repo.TempDir(), "sobol");

        var run = CliRun.Of("sensitivity", Repo.Scenario("doncaster-ccash.yaml"), "--method", "sobol", "--base-runs", "8", "--out", dir, "--quiet");

        AssertRefused(run, dir, "--method sobol: doncaster-ccash.yaml has no uncertain inputs", "allowed: a scenario with distributions");
    }

    [Fact]
    public void Sobol_of_an_outcome_with_no_value_in_some_run_is_refused_in_words_not_as_NaN()
    {
        using var scratch = new Scratch();
        var dir = Path.Combine(Repo.TempDir(), "sobol");

        var run = CliRun.Of(["sensitivity", scratch.Scenario, "--method", "sobol", "--base-runs", "8", "--metric", "first_failure_week", "--out", dir, "--quiet"]);

        AssertRefused(run, dir, "--metric: first_failure_week has no value (an empty cell in runs.csv) in run 1 of the design", "allowed: an outcome with a value in every run");
        Assert.DoesNotContain("NaN", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--vary", "providers.lead.capacity_weekly_hours=100..300")]
    [InlineData("--base-runs", "1")]
    [InlineData("--base-runs", "0")]
    [InlineData("--method", "morris")]
    public void Sobol_with_a_bad_option_is_refused_with_exit_2(string option, string value)
    {
        using var scratch = new Scratch();
        var dir = Path.Combine(Repo.TempDir(), "sobol");
        string[] method = option == "--method" ? [] : ["--method", "sobol"];

        var run = CliRun.Of(["sensitivity", scratch.Scenario, .. method, option, value, "--out", dir, "--quiet"]);

        AssertRefused(run, dir, $"error: {option}", "allowed: ");
    }

    private static void AssertRefused(CliRun run, string dir, params string[] expected)
    {
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.DoesNotContain("Exception", run.Error, StringComparison.Ordinal);
        foreach (var text in expected)
        {
            Assert.Contains(text, line, StringComparison.Ordinal);
        }
        Assert.False(Directory.Exists(dir));
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static List<Dictionary<string, string>> Rows(string output)
    {
        var lines = File.ReadAllLines(Path.Combine(output, "sobol.csv"));
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second))];
    }

    private sealed class Scratch : IDisposable
    {
        private readonly string _root = Repo.TempDir();
        private int _outputs;

        public Scratch(string scenario = TwoInputs) => File.WriteAllText(Scenario, scenario);

        public string LastError { get; private set; } = "";

        public string LastOutput { get; private set; } = "";

        public string Scenario => Path.Combine(_root, "two.yaml");

        public string Sobol(params string[] more)
        {
            var outDir = Path.Combine(_root, $"out{_outputs++}");
            var run = CliRun.AtWidth(200, ["sensitivity", Scenario, "--method", "sobol", "--out", outDir, "--quiet", .. more]);
            Assert.True(run.ExitCode == ExitCodes.Ok, $"exit {run.ExitCode}: {run.Error}");
            LastError = run.Error;
            LastOutput = run.Output;
            return outDir;
        }

        public void Dispose() => Directory.Delete(_root, recursive: true);
    }
}
