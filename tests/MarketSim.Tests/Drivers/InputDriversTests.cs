using System.Globalization;
using System.Net;
using System.Xml.Linq;
using MarketSim.Grains.Uncertainty.Sensitivity;
using MarketSim.Simulator.Cli;
using MarketSim.Simulator.Drivers;
using MarketSim.Simulator.Reports;
using MarketSim.Simulator.Scenarios;
using MarketSim.Tests.Reports;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Drivers;

/// <summary>
/// `marketsim run` on a scenario with uncertain inputs reports what drives each headline outcome from the one
/// simulation: input_sensitivity.csv, a console table and a report section with a tornado per outcome.
/// </summary>
public class InputDriversTests
{
    /// <summary>
    /// One zone whose lead provider's capacity just covers today's need: referral growth (uncertain) decides how
    /// much need goes unmet; the value of an unmet hour (uncertain) prices it but cannot change how many there are.
    /// </summary>
    private const string Scenario = """
        name: Drivers test
        start_date: 2020-04-01
        horizon_years: 2
        zones:
          - id: north
            demand:
              starting_caseload_people: 20
              weekly_referrals_people: 2
              annual_growth: { distribution: uniform, min: 0.0, max: 0.5, source: "test" }
              weekly_hours: { distribution: fixed, mean: 10 }
              package_length_weeks: { distribution: exponential, mean: 10 }
              funding_mix: { council: 1 }
        providers:
          - { id: lead, role: lead, zones: [north], capacity_weekly_hours: 200, rate_gbp_per_hour: 16 }
        commissioners:
          - { id: council, funds: [council], annual_budgets_gbp: [170000, 170000] }
        unmet_need:
          cost_gbp_per_hour: { distribution: uniform, min: 10, max: 100, source: "test" }
        """;

    private const string Growth = "zones.north.demand.annual_growth";
    private const string Cost = "unmet_need.cost_gbp_per_hour";

    [Fact]
    public void An_input_the_outcome_cannot_depend_on_has_rank_correlation_zero_within_four_standard_errors_and_the_real_driver_a_positive_one()
    {
        using var dir = new ScratchFolder(("drivers.yaml", Scenario));
        var (outDir, _) = dir.Run("drivers.yaml", "400");

        var rows = Sensitivity(outDir).Where(r => r["outcome"] == "unmet_hours_total").ToDictionary(r => r["input"]);
        var n = int.Parse(rows[Cost]["runs"], CultureInfo.InvariantCulture);
        var standardError = Math.Sqrt(1.0 / (n - 3));

        Assert.InRange(Number(rows[Cost]["spearman"]), -4 * standardError, 4 * standardError);
        Assert.True(Number(rows[Growth]["spearman_ci95_low"]) > 0, $"growth's Spearman interval should lie above 0: {rows[Growth]["spearman_ci95_low"]}");
        Assert.Equal("1", rows[Growth]["tornado_rank"]);
        var cost = Sensitivity(outDir).Single(r => r["outcome"] == "unmet_need_cost_gbp" && r["input"] == Cost);
        Assert.True(Number(cost["srrc_ci95_low"]) > 0, "the value of an unmet hour raises the cost of unmet need, holding growth fixed");
    }

    /// <summary>The inputs in the order the run analyses them (sorted by path), so every sum is taken in the same order.</summary>
    [Fact]
    public void Input_sensitivity_csv_equals_the_rank_analysis_of_the_runs_csv_columns()
    {
        using var dir = new ScratchFolder(("drivers.yaml", Scenario));
        var (outDir, _) = dir.Run("drivers.yaml", "200");

        var runs = File.ReadAllLines(Path.Combine(outDir, "runs.csv")).Select(l => l.Split(',')).ToArray();
        double[] Column(string name)
        {
            var c = Array.IndexOf(runs[0], name);
            return [.. runs.Skip(1).Select(r => r[c].Length == 0 ? double.NaN : Number(r[c]))];
        }
        string[] inputs = [Cost, Growth];
        var expected = RankSensitivity.Analyse(inputs, [Column("input_unmet_need_cost_gbp_per_hour"), Column("input_zones_north_demand_annual_growth")],
            Column("unmet_hours_total"), new RankSensitivityOptions { BootstrapResamples = InputDrivers.BootstrapResamples });

        var written = Sensitivity(outDir).Where(r => r["outcome"] == "unmet_hours_total").ToDictionary(r => r["input"]);
        foreach (var input in expected.Inputs)
        {
            Assert.Equal(input.Spearman, Number(written[input.Name]["spearman"]));
            Assert.Equal(input.Srrc, Number(written[input.Name]["srrc"]));
            Assert.Equal(input.SrrcInterval.Low, Number(written[input.Name]["srrc_ci95_low"]));
            Assert.Equal(input.ContributionToVariance, Number(written[input.Name]["contribution_to_variance"]));
        }
    }

    [Fact]
    public void The_report_and_the_console_say_what_drives_the_outcomes_and_a_fixed_scenario_writes_no_sensitivity()
    {
        using var dir = new ScratchFolder(("drivers.yaml", Scenario), ("fixed.yaml", Scenario
            .Replace("{ distribution: uniform, min: 0.0, max: 0.5, source: \"test\" }", "0.2")
            .Replace("{ distribution: uniform, min: 10, max: 100, source: \"test\" }", "50")));

        var (outDir, console) = dir.Run("drivers.yaml", "100");
        var html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.Contains("<h3>What drives the outcomes</h3>", html);
        Assert.Contains("id=\"drivers_unmet_hours_total\"", html);
        Assert.True(File.Exists(Path.Combine(outDir, "charts", "drivers_unmet_hours_total.svg")));
        Assert.Contains("What drives the outcomes over the horizon", console);
        Assert.Contains(FieldLabels.Field(Growth.Split('.')[^1]), console.ReplaceLineEndings(" "));

        var (fixedDir, fixedConsole) = dir.Run("fixed.yaml", "100");
        Assert.False(File.Exists(Path.Combine(fixedDir, "input_sensitivity.csv")));
        Assert.DoesNotContain("What drives", File.ReadAllText(Path.Combine(fixedDir, "report.html")));
        Assert.DoesNotContain("What drives", fixedConsole);
    }

    [Fact]
    public void An_inputs_share_of_variance_reads_the_same_in_the_console_the_report_and_the_summary_sentence()
    {
        using var dir = new ScratchFolder(("drivers.yaml", Scenario));

        var (outDir, console) = dir.Run("drivers.yaml", "100");

        var top = Sensitivity(outDir).Where(r => r["outcome"] == "unmet_hours_total").MaxBy(r => Math.Abs(Number(r["srrc"])))!;
        var share = Quantity.Share(Number(top["contribution_to_variance"]));
        var report = WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(outDir, "report.html")));
        Assert.Contains($" {share} │", console, StringComparison.Ordinal);
        Assert.Contains($"<td>{share}</td></tr>", report, StringComparison.Ordinal);
        Assert.Contains($"; {share} of its rank variance)", report, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.347, "−0.35")]
    [InlineData(0.5, "+0.50")]
    [InlineData(0.0, "0.00")]
    public void The_console_writes_a_coefficient_signed_with_the_minus_sign_of_the_reports(double coefficient, string text) =>
        Assert.Equal(text, DriversTable.Coefficient(coefficient));

    [Fact]
    public void The_drivers_charts_are_titled_and_labelled_in_words_as_the_console_is()
    {
        using var dir = new ScratchFolder(("drivers.yaml", Scenario));

        var (outDir, console) = dir.Run("drivers.yaml", "100");

        var texts = ChartImages.Texts(XDocument.Load(Path.Combine(outDir, "charts", "drivers_unmet_hours_total.svg")).Root!);
        Assert.Contains("What drives: Unmet need (care hours not delivered)", texts);
        var growth = FieldLabels.Of(Growth, ScenarioLoader.Load(Path.Combine(outDir, "scenario.yaml")));
        Assert.Contains(texts, t => t.StartsWith(growth + " (", StringComparison.Ordinal));
        Assert.Contains(growth, console, StringComparison.Ordinal);
        Assert.DoesNotContain(texts, t => t.Contains('_', StringComparison.Ordinal));
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static List<Dictionary<string, string>> Sensitivity(string outDir)
    {
        var lines = File.ReadAllLines(Path.Combine(outDir, "input_sensitivity.csv"));
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(l => l.Split(',')).Select(cells => header.Zip(cells).ToDictionary(p => p.First, p => p.Second))];
    }

    [Fact]
    public void A_drivers_caption_keeps_a_commissioners_name_in_capitals_and_says_over_the_horizon_once()
    {
        var scenario = ScenarioLoader.Load(Repo.Scenario("doncaster-ccash.yaml"));
        var columns = new MarketSim.Grains.Outcomes.OutcomeSchema(scenario).Columns.ToDictionary(c => c.Name);
        double[] input = [.. Enumerable.Range(0, 40).Select(i => (double)i)];
        double[] outcome = [.. input.Select(x => (x * 7) % 11)];
        var result = RankSensitivity.Analyse(["economy.cpi.annual_rate"], [input], outcome, new RankSensitivityOptions { BootstrapResamples = 100 });
        List<OutcomeDrivers> drivers = [new(columns["spend_gbp__doncaster_council"], result, []), new(columns["paid_hours_per_week_mean"], result, [])];
        var svg = new XElement("svg");

        var html = WebUtility.HtmlDecode(InputDriversHtml.Section(drivers, [("drivers_a.svg", "", svg), ("drivers_b.svg", "", svg)], scenario));

        Assert.Contains("What drives Doncaster Council: spend over the horizon:", html);
        Assert.Contains("What drives paid care hours a week, mean over the horizon:", html);
        Assert.DoesNotContain("doncaster council", html);
        Assert.DoesNotContain("over the horizon over the horizon", html);
    }

    private sealed class ScratchFolder : IDisposable
    {
        private readonly string _root = Repo.TempDir();
        private int _outputs;

        public ScratchFolder(params (string Name, string Text)[] files)
        {
            foreach (var (name, text) in files)
            {
                File.WriteAllText(Path.Combine(_root, name), text);
            }
        }

        public (string OutDir, string Console) Run(string file, string runs)
        {
            var outDir = Path.Combine(_root, $"out{_outputs++}");
            var run = CliRun.AtWidth(200, ["run", Path.Combine(_root, file), "--runs", runs, "--seed", "77", "--out", outDir]);
            Assert.True(run.ExitCode == ExitCodes.Ok, $"exit {run.ExitCode}: {run.Error}");
            return (outDir, run.Output);
        }

        public void Dispose() => Directory.Delete(_root, recursive: true);
    }
}
