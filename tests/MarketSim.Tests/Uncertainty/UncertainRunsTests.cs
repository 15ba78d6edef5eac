using System.Globalization;
using System.Text.Json;
using MarketSim.Grains.Market;
using MarketSim.Grains.Uncertainty.Distributions;
using MarketSim.Simulator.Cli;
using MarketSim.Simulator.Scenarios;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Uncertainty;

/// <summary>
/// A scenario with uncertain inputs runs each run with its own sampled values: the same bytes for any thread
/// count or batch size, the same draws in every scenario that shares an input, and the sampled values in runs.csv.
/// </summary>
public class UncertainRunsTests
{
    /// <summary>A small market with three uncertain inputs, one of them a shock's week (a whole number).</summary>
    public const string Small = """
        name: Small uncertain
        start_date: 2020-04-01
        horizon_years: 1
        zones:
          - id: north
            demand:
              starting_caseload_people: 20
              weekly_referrals_people: 2
              annual_growth: { distribution: triangular, min: 0.0, mode: 0.02, max: 0.06, source: "test" }
              weekly_hours: { distribution: fixed, mean: 10 }
              package_length_weeks: { distribution: exponential, mean: 10 }
              funding_mix: { council: 1 }
        providers:
          - { id: lead, role: lead, zones: [north], capacity_weekly_hours: { distribution: normal, mean: 200, sd: 30, min: 100, max: 300 }, rate_gbp_per_hour: 16 }
          - { id: spot, role: spot, zones: all, capacity_weekly_hours: 50, rate_gbp_per_hour: 20 }
        commissioners:
          - { id: council, funds: [council], annual_budgets_gbp: [150000] }
        shocks:
          - { type: demand_surge, week: { distribution: discrete, values: [10, 20, 30], weights: [1, 2, 1] }, weeks: 4, multiplier: 1.5 }
        """;

    private static readonly string[] InputColumns = ["input_providers_lead_capacity_weekly_hours", "input_shocks_0_week", "input_zones_north_demand_annual_growth"];

    [Fact]
    public void Runs_csv_and_summary_are_byte_identical_for_any_thread_count_and_batch_size()
    {
        using var dir = new Scratch(("small.yaml", Small));

        var one = dir.Run("small.yaml", "1100", "--threads", "1", "--batch-size", "7");
        var two = dir.Run("small.yaml", "1100", "--threads", "2", "--batch-size", "64");

        Assert.Equal(File.ReadAllBytes(Path.Combine(one, "runs.csv")), File.ReadAllBytes(Path.Combine(two, "runs.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(one, "summary.json")), File.ReadAllBytes(Path.Combine(two, "summary.json")));
    }

    [Fact]
    public void Runs_csv_has_one_column_per_uncertain_input_after_the_outcome_columns_holding_the_value_used()
    {
        using var dir = new Scratch(("small.yaml", Small));

        var rows = Csv(Path.Combine(dir.Run("small.yaml", "300"), "runs.csv"));

        var header = rows[0];
        var at = Array.IndexOf(header, InputColumns[0]);
        Assert.Equal(InputColumns, header[at..(at + 3)]);
        Assert.Equal("weeks_without_lead__north", header[at - 1]); // after the zones' columns (no pooled budgets here)
        Assert.Equal(at + 3, header.Length);
        var weeks = rows.Skip(1).Select(r => double.Parse(r[at + 1], CultureInfo.InvariantCulture)).ToList();
        Assert.All(weeks, w => Assert.Contains(w, new[] { 10.0, 20.0, 30.0 }));
        var capacity = rows.Skip(1).Select(r => double.Parse(r[at], CultureInfo.InvariantCulture)).ToList();
        Assert.All(capacity, c => Assert.InRange(c, 100, 300));
        Assert.True(capacity.Distinct().Count() > 250, "each run draws its own capacity");
    }

    [Fact]
    public void Summary_json_records_each_uncertain_input_with_its_distribution_and_parameters()
    {
        using var dir = new Scratch(("small.yaml", Small));

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Run("small.yaml", "20"), "summary.json")));

        var inputs = summary.RootElement.GetProperty("uncertain_inputs").EnumerateArray().ToList();
        Assert.Equal(["providers.lead.capacity_weekly_hours", "shocks[0].week", "zones.north.demand.annual_growth"], inputs.Select(i => i.GetProperty("path").GetString()));
        Assert.Equal("triangular", inputs[2].GetProperty("distribution").GetString());
        Assert.Equal(0.02, inputs[2].GetProperty("parameters").GetProperty("mode").GetDouble());
        Assert.True(inputs[1].GetProperty("whole_number").GetBoolean());
        Assert.Equal([10.0, 20.0, 30.0], inputs[1].GetProperty("parameters").GetProperty("values").EnumerateArray().Select(v => v.GetDouble()));
    }

    [Fact]
    public void The_report_lists_each_uncertain_input_with_its_distribution()
    {
        using var dir = new Scratch(("small.yaml", Small));

        var html = File.ReadAllText(Path.Combine(dir.Run("small.yaml", "20"), "report.html"));

        Assert.Contains("<h3>Uncertain inputs</h3>", html);
        Assert.Contains("zones.north.demand.annual_growth", html);
        Assert.Contains("discrete (values [10, 20, 30], weights [1, 2, 1])", html);
    }

    [Fact]
    public void The_reports_uncertain_inputs_keep_close_means_apart_and_give_a_distributions_mean_the_unit_of_its_field()
    {
        var yaml = Small
            .Replace("min: 0.0, mode: 0.02, max: 0.06", "min: 0.0, mode: 0.025, max: 0.06", StringComparison.Ordinal)
            .Replace("weekly_hours: { distribution: fixed, mean: 10 }", "weekly_hours: { distribution: fixed, mean: { distribution: uniform, min: 9, max: 11 } }", StringComparison.Ordinal);
        using var dir = new Scratch(("small.yaml", yaml));

        var html = File.ReadAllText(Path.Combine(dir.Run("small.yaml", "20"), "report.html"));

        var table = html[html.IndexOf("<h3>Uncertain inputs</h3>", StringComparison.Ordinal)..];
        Assert.Contains("</td><td>fraction</td><td>triangular (min 0, mode 0.025, max 0.06)</td><td>0.0283333</td>", table);
        Assert.Contains("</td><td>hours a week</td><td>uniform (min 9, max 11)</td><td>10</td>", table);
    }

    [Fact]
    public void The_summary_sentence_names_the_input_that_moves_unmet_need_most_as_the_inputs_table_does()
    {
        var yaml = Small
            .Replace("  - id: north\n", "  - id: north\n    name: North Wessex\n", StringComparison.Ordinal)
            .Replace("capacity_weekly_hours: { distribution: normal, mean: 200, sd: 30, min: 100, max: 300 }", "capacity_weekly_hours: 200", StringComparison.Ordinal)
            .Replace("week: { distribution: discrete, values: [10, 20, 30], weights: [1, 2, 1] }", "week: 20", StringComparison.Ordinal);
        using var dir = new Scratch(("small.yaml", yaml));

        var html = File.ReadAllText(Path.Combine(dir.Run("small.yaml", "100"), "report.html"));

        Assert.Contains("<li>Of the uncertain inputs, zones › North Wessex › demand › annual growth moves", html);
        Assert.Contains(">zones › North Wessex › demand › annual growth</td>", html);
    }

    [Fact]
    public void The_workbook_names_each_uncertain_input_in_words_and_shows_a_fraction_as_a_percentage()
    {
        using var dir = new Scratch(("small.yaml", Small));

        var book = XlsxBook.Read(Path.Combine(dir.Run("small.yaml", "20"), "results.xlsx"));

        var key = book["Columns"];
        var growth = key.Rows.Single(r => r[0]?.Text == "input_zones_north_demand_annual_growth");
        Assert.StartsWith("Sampled ", growth[1]!.Text, StringComparison.Ordinal);
        Assert.Contains("growth", growth[1]!.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("_", growth[1]!.Text!, StringComparison.Ordinal);
        Assert.Equal("fraction, shown as %", growth[2]!.Text);
        var runs = book["Runs"];
        Assert.Equal("0.00%", runs.At(1, runs.ColumnOf("input_zones_north_demand_annual_growth"))!.Format);
    }

    [Fact]
    public void Two_scenarios_sharing_an_uncertain_input_draw_the_same_values_for_it_run_by_run()
    {
        // The variant adds an input and changes a fixed value; the shared inputs keep their draws.
        const string variant = """
            base: small.yaml
            name: Small uncertain, variant
            commissioners:
              - { id: council, funds: [council], annual_budgets_gbp: [{ distribution: uniform, min: 100000, max: 200000 }] }
            providers:
              - { id: spot, role: spot, zones: all, capacity_weekly_hours: 80, rate_gbp_per_hour: 22 }
            """;
        using var dir = new Scratch(("small.yaml", Small), ("variant.yaml", variant));

        var a = Csv(Path.Combine(dir.Run("small.yaml", "200"), "runs.csv"));
        var b = Csv(Path.Combine(dir.Run("variant.yaml", "200"), "runs.csv"));

        Assert.Contains("input_commissioners_council_annual_budgets_gbp_0", b[0]);
        foreach (var column in InputColumns)
        {
            var (ia, ib) = (Array.IndexOf(a[0], column), Array.IndexOf(b[0], column));
            Assert.Equal(a.Skip(1).Select(r => r[ia]), b.Skip(1).Select(r => r[ib]));
        }
    }

    [Fact]
    public void A_run_with_sampled_values_gives_exactly_the_row_of_the_fixed_scenario_with_those_values()
    {
        var loaded = ScenarioLoader.ParseUncertain(Small, "small.yaml").Scenario!;
        var model = ScenarioCompiler.Compile(loaded).NewModel();
        var schema = ScenarioCompiler.Compile(loaded).Schema;
        var row = new double[model.OutcomeCount];
        for (var run = 0L; run < 1500; run += 499)
        {
            model.Run(11, run, row);
            var values = row.AsSpan(schema.InputStart, 3).ToArray();
            var text = Small
                .Replace("{ distribution: normal, mean: 200, sd: 30, min: 100, max: 300 }", R(values[0]))
                .Replace("{ distribution: discrete, values: [10, 20, 30], weights: [1, 2, 1] }", R(values[1]))
                .Replace("{ distribution: triangular, min: 0.0, mode: 0.02, max: 0.06, source: \"test\" }", R(values[2]));
            var fixedMarket = new Market(ScenarioLoader.Parse(text, "fixed.yaml").Scenario!);
            var fixedRow = new double[fixedMarket.OutcomeCount];
            fixedMarket.Run(11, run, fixedRow);

            Assert.Equal(fixedRow[..schema.InputStart], row[..schema.InputStart]);
            Assert.Equal(fixedRow[schema.InputStart..], row[(schema.InputStart + 3)..]);
        }
    }

    [Fact]
    public void Validate_accepts_the_bundled_uncertain_scenario_and_checks_it_at_the_medians()
    {
        var run = CliRun.Of("validate", Repo.Scenario("doncaster-uncertain.yaml"));

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        var median = ScenarioLoader.Load(Repo.Scenario("doncaster-uncertain.yaml"));
        Assert.Equal(InputDistributions.Normal(0.02, 0.01, min: -0.01, max: 0.08).Median, median.Economy!.CpiAnnualRate, 12);
        Assert.Equal(InputDistributions.Pert(0.0, 0.5, 1.5).Median, median.Economy.OutsideWageMarginGbpPerHour, 12);
    }

    private static string R(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    private static string[][] Csv(string path) => [.. File.ReadAllLines(path).Select(l => l.Split(','))];

    private sealed class Scratch : IDisposable
    {
        private readonly string _root = Repo.TempDir();
        private int _outputs;

        public Scratch(params (string Name, string Text)[] files)
        {
            foreach (var (name, text) in files)
            {
                File.WriteAllText(Path.Combine(_root, name), text);
            }
        }

        public string Run(string file, string runs, params string[] more)
        {
            var outDir = Path.Combine(_root, $"out{_outputs++}");
            var run = CliRun.Of(["run", Path.Combine(_root, file), "--runs", runs, "--seed", "77", "--out", outDir, "--quiet", .. more]);
            Assert.True(run.ExitCode == ExitCodes.Ok, $"exit {run.ExitCode}: {run.Error}");
            return outDir;
        }

        public void Dispose() => Directory.Delete(_root, recursive: true);
    }
}
