using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using MarketSim.Silo.Runs;
using MarketSim.Simulator.Cli;
using MarketSim.Simulator.Scenarios;
using MarketSim.Simulator.Sensitivity;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Reports;

public class SensitivityTests
{
    [Fact]
    public void A_parameter_with_no_effect_has_a_paired_difference_of_exactly_zero()
    {
        // A commissioner's budget changes spend against budget, never the care delivered.
        var effects = SensitivityAnalysis.Run(
            Repo.Scenario("doncaster-ccash.yaml"),
            [Variation.Parse("commissioners.doncaster_council.annual_budgets_gbp[0]=9000000..12000000")!],
            ["unmet_hours_total", "spend_gbp__doncaster_council"],
            seed: 4, runs: 60, threads: 2);

        foreach (var e in effects)
        {
            Assert.Equal(0, e.Difference.Min);
            Assert.Equal(0, e.Difference.Max);
        }
    }

    [Fact]
    public void A_parameter_with_an_effect_moves_the_outcome_the_right_way()
    {
        var effects = SensitivityAnalysis.Run(
            Repo.Scenario("doncaster-ccash.yaml"),
            [Variation.Parse("zones.*.demand.annual_growth=0..0.06")!],
            ["caseload_mean_people"],
            seed: 4, runs: 60, threads: 2);

        var low = effects.Single(e => e.Setting == "low");
        var high = effects.Single(e => e.Setting == "high");
        Assert.True(low.Difference.Mean < 0 && high.Difference.Mean > 0);
        Assert.True(high.Difference.Mean - (4 * high.Difference.StdError) > 0);
    }

    [Fact]
    public void Sensitivity_report_gives_its_run_count_with_thousands_separators_and_its_command_without()
    {
        var dir = Path.Combine(Repo.TempDir(), "sens");

        var run = CliRun.Of("sensitivity", Repo.Scenario("dorset-pool-2017.yaml"), "--vary", "zones.north_west.demand.annual_growth=0.01..0.05",
            "--runs", "1000", "--points", "2", "--out", dir, "--quiet");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        var report = File.ReadAllText(Path.Combine(dir, "report.html"));
        Assert.Contains("<td>Runs for the base and each variant</td><td colspan=\"2\">1,000</td>", report, StringComparison.Ordinal);
        Assert.Contains("--runs 1000", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Sensitivity_command_writes_a_table_and_a_tornado_chart()
    {
        var dir = Path.Combine(Repo.TempDir(), "sens");

        var run = CliRun.Of("sensitivity", Repo.Scenario("doncaster-ccash.yaml"), "--vary", "providers.slp_a.capacity_weekly_hours=2000..3500",
            "--metric", "unmet_hours_total", "--runs", "20", "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(dir, "sensitivity.csv")).Length);
        Assert.True(File.Exists(Path.Combine(dir, "charts", "tornado_unmet_hours_total.svg")));
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(dir, "report.html")));
    }

    [Fact]
    public void Sensitivity_and_spider_csv_give_each_outcome_its_unit_as_compare_csv_does_and_each_input_its_unit()
    {
        var dir = Path.Combine(Repo.TempDir(), "sens");

        var run = CliRun.Of("sensitivity", Repo.Scenario("doncaster-ccash.yaml"), "--vary", "providers.slp_a.capacity_weekly_hours=2000..3500",
            "--vary", "zones.*.demand.annual_growth=0..0.04", "--metric", "unmet_hours_total", "--metric", "spend_gbp__doncaster_council",
            "--metric", "first_failure_week", "--runs", "6", "--points", "3", "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        foreach (var file in new[] { "sensitivity.csv", "spider.csv" })
        {
            var rows = Comparison.CompareCsv.Rows(Path.Combine(dir, file));
            Assert.Equal(
                [("unmet_hours_total", "hours"), ("spend_gbp__doncaster_council", "GBP"), ("first_failure_week", "week")],
                rows.Select(r => (r["metric"], r["unit"])).Distinct());
            Assert.Equal(
                [("providers.slp_a.capacity_weekly_hours", "hours a week"), ("zones.*.demand.annual_growth", "fraction")],
                rows.Select(r => (r["parameter"], r["value_unit"])).Distinct());
        }
    }

    [Fact]
    public void An_outcome_empty_in_some_runs_is_paired_as_compare_pairs_it_so_that_the_means_differ_by_the_change_and_the_runs_left_out_are_counted()
    {
        // The week of the first failure is empty in a run with no failure; a variant's mean had been over its own runs
        // with a failure and the change over the runs with one in both, so variant − base was not the change.
        var dir = Path.Combine(Repo.TempDir(), "sens");

        var run = CliRun.AtWidth(400, "sensitivity", Repo.Scenario("doncaster-ccash.yaml"), "--vary", "providers.*.rate_gbp_per_hour=14..16",
            "--metric", "first_failure_week", "--runs", "40", "--points", "2", "--out", dir, "--quiet");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        foreach (var file in new[] { "sensitivity.csv", "spider.csv" })
        {
            var rows = Comparison.CompareCsv.Rows(Path.Combine(dir, file));
            Assert.All(rows, r =>
            {
                Assert.Equal(40, long.Parse(r["runs_paired"], CultureInfo.InvariantCulture) + long.Parse(r["runs_left_out"], CultureInfo.InvariantCulture));
                var change = double.Parse(r["variant_mean"], CultureInfo.InvariantCulture) - double.Parse(r["base_mean"], CultureInfo.InvariantCulture);
                Assert.Equal(double.Parse(r["mean_difference"], CultureInfo.InvariantCulture), change, 1e-9);
                Assert.True(double.Parse(r["difference_se"], CultureInfo.InvariantCulture) > 0);
            });
            Assert.Contains(rows, r => r["runs_left_out"] != "0");
        }
        var words = string.Join(' ', run.Output.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"Week of the first failure: runs left out of the pairs \(empty, not applicable, in the base or the variant\): providers › all › rate \(£ an hour\): (low \d+, high|low|high) \d+ of 40 runs\. Those settings' means and changes are over their paired runs\.", words);
        Assert.Contains("runs left out of the pairs", WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(dir, "report.html"))), StringComparison.Ordinal);
    }

    [Fact]
    public void The_sensitivity_tables_say_what_period_their_outcomes_cover()
    {
        var dir = Path.Combine(Repo.TempDir(), "sens");

        var run = CliRun.AtWidth(400, "sensitivity", Repo.Scenario("dorset-pool-2017.yaml"), "--vary", "zones.*.demand.annual_growth=0..0.04",
            "--metric", "unmet_hours_total", "--runs", "4", "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var words = string.Join(' ', run.Output.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("each input varied alone, 4 runs of the 2-year horizon each, paired with the base case", words, StringComparison.Ordinal);
        var report = WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(dir, "report.html")));
        Assert.Contains("4 runs of the 2-year horizon each", report, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sensitivity_console_names_outcomes_and_inputs_in_words_with_pounds_and_the_minus_sign()
    {
        var dir = Path.Combine(Repo.TempDir(), "sens");

        var run = CliRun.AtWidth(200, "sensitivity", Repo.Scenario("doncaster-ccash.yaml"), "--vary", "providers.slp_a.capacity_weekly_hours=2000..3500",
            "--vary", "zones.*.demand.annual_growth=0..0.04", "--metric", "unmet_hours_total", "--metric", "whole_system_cost_gbp", "--runs", "10", "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var tables = run.Output[..run.Output.IndexOf("Results:", StringComparison.Ordinal)];
        Assert.Contains("Unmet care (hours): base case mean ", tables, StringComparison.Ordinal);
        Assert.Contains("Whole-system cost (spend + unmet need): base case mean £", tables, StringComparison.Ordinal);
        Assert.Contains("providers › SLP A › capacity weekly hours", tables, StringComparison.Ordinal);
        Assert.Contains("zones › all › demand › annual growth", tables, StringComparison.Ordinal);
        Assert.Matches(@"−£\d", tables);
        Assert.Matches(@"−\d", tables);
        Assert.DoesNotMatch(@"-\d", tables);
        Assert.DoesNotContain("_", tables, StringComparison.Ordinal);
    }

    [Fact]
    public void In_a_sensitivity_table_every_figure_of_its_unit_shares_one_scale_in_the_console_and_the_report()
    {
        var dir = Path.Combine(Repo.TempDir(), "sens");

        var run = CliRun.AtWidth(200, "sensitivity", Repo.Scenario("doncaster-ccash.yaml"), "--vary", "providers.slp_a.capacity_weekly_hours=2000..3500",
            "--metric", "spot_hours_total", "--runs", "10", "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var console = run.Output.Split('\n').Select(l => l.Split('│', StringSplitOptions.TrimEntries)).Where(c => c.Length == 7 && c[1] != "Input" && c[4].Length > 0).ToList();
        var title = Regex.Match(run.Output, "base case mean ([^;]+);").Groups[1].Value;
        Assert.Equal(3, console.Count);
        OneFooting.Assert("console", console.SelectMany(c => new[] { c[4], c[5] }).Append(title));
        var report = WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(dir, "report.html")));
        var rows = Regex.Matches(report, "<tr><td>[^<]*</td><td>[^<]*</td><td>[^<]*</td><td>([^<]*)</td><td>([^<]*)</td></tr>").ToList();
        Assert.Equal(console.Count, rows.Count);
        OneFooting.Assert("report.html", rows.SelectMany(m => new[] { m.Groups[1].Value, m.Groups[2].Value }).Append(Regex.Match(report, "base case mean ([^;]+);").Groups[1].Value));
        Assert.EndsWith("k", title, StringComparison.Ordinal);
    }

    [Fact]
    public void Difference_and_half_width_share_one_scale_in_the_sensitivity_table_and_its_report()
    {
        var dir = Path.Combine(Repo.TempDir(), "sens");

        var run = CliRun.AtWidth(200, "sensitivity", Repo.Scenario("doncaster-ccash.yaml"), "--vary", "providers.slp_a.capacity_weekly_hours=2000..3500",
            "--metric", "spot_hours_total", "--metric", "whole_system_cost_gbp", "--runs", "10", "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var console = run.Output.Split('\n').Select(l => l.Split('│', StringSplitOptions.TrimEntries)).Where(c => c.Length == 7 && c[1] != "Input" && c[4].Length > 0).Select(c => c[5]).ToList();
        Assert.Equal(6, console.Count);
        OneScale.Assert("console", console);
        var report = WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(dir, "report.html")));
        var cells = Regex.Matches(report, "<tr><td>[^<]*</td><td>[^<]*</td><td>[^<]*</td><td>[^<]*</td><td>([^<]*)</td></tr>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(console, cells);
        OneScale.Assert("report.html", cells);
    }

    [Fact]
    public void The_sensitivity_report_has_the_tables_and_provenance_and_the_manifest_what_was_varied_and_how_to_reproduce_it()
    {
        var dir = Path.Combine(Repo.TempDir(), "sens");
        var run = CliRun.AtWidth(200, "sensitivity", Repo.Scenario("doncaster-lead-exit.yaml"), "--vary", "providers.slp_a.capacity_weekly_hours=2000..3500",
            "--vary", "zones.*.demand.annual_growth=0..0.04", "--metric", "unmet_hours_total", "--points", "2", "--runs", "6", "--seed", "5", "--out", dir, "--quiet");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
        var root = manifest.RootElement;
        Assert.Equal(
            [("providers.slp_a.capacity_weekly_hours", 2000.0, 3500.0), ("zones.*.demand.annual_growth", 0.0, 0.04)],
            root.GetProperty("varied").EnumerateArray().Select(v => (v.GetProperty("path").GetString(), v.GetProperty("low").GetDouble(), v.GetProperty("high").GetDouble())));
        Assert.Equal(["unmet_hours_total"], root.GetProperty("metrics").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(2, root.GetProperty("points_per_input").GetInt32());
        var reproduce = root.GetProperty("reproduce").GetString()!;
        Assert.Equal("marketsim sensitivity scenario.yaml --vary providers.slp_a.capacity_weekly_hours=2000..3500 --vary 'zones.*.demand.annual_growth=0..0.04' --metric unmet_hours_total --points 2 --runs 6 --seed 5", reproduce);

        var report = File.ReadAllText(Path.Combine(dir, "report.html"));
        Assert.Contains($"<th>{System.Net.WebUtility.HtmlEncode("Change ± 95% CI")}</th>", report, StringComparison.Ordinal);
        Assert.Contains("<td>providers › SLP A › capacity weekly hours</td>", report, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"provenance\">Provenance</h2>", report, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(reproduce), report, StringComparison.Ordinal);

        // Run where it is meant to be, in the results folder (the shell removes the quotes), it writes the same numbers.
        var again = Path.Combine(Path.GetDirectoryName(dir)!, "again");
        var words = reproduce.Split(' ').Skip(1).Select(w => w == "scenario.yaml" ? Path.Combine(dir, w) : w.Trim('\''));
        Assert.Equal(ExitCodes.Ok, CliRun.Of([.. words, "--out", again, "--quiet"]).ExitCode);
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "sensitivity.csv")), File.ReadAllBytes(Path.Combine(again, "sensitivity.csv")));
    }

    [Theory]
    [InlineData("providers.nobody.capacity_weekly_hours=1..2", "reaches no value")]
    [InlineData("providers.slp_a.capacity_weekly_hours=-5..2", "is negative")]
    [InlineData("capacity=lots", "PATH=LOW..HIGH")]
    public void A_bad_variation_is_reported_and_nothing_is_written(string vary, string expected)
    {
        var dir = Path.Combine(Repo.TempDir(), "sens");

        var run = CliRun.Of("sensitivity", Repo.Scenario("doncaster-ccash.yaml"), "--vary", vary, "--runs", "5", "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(expected, run.Error);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void A_point_between_low_and_high_that_the_field_refuses_is_named_as_made_by_points()
    {
        var dir = Path.Combine(Repo.TempDir(), "sens");

        var run = CliRun.Of("sensitivity", Repo.Scenario("doncaster-ccash.yaml"), "--vary", "zones.zone_1.demand.starting_caseload_people=100..301", "--runs", "5", "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("200.5 is not a whole number (200.5 is the mid point, which --points spaces evenly between LOW and HIGH); allowed: a whole number of people", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void The_same_path_varied_twice_is_refused_before_anything_runs()
    {
        var dir = Path.Combine(Repo.TempDir(), "sens");

        var run = CliRun.Of("sensitivity", Repo.Scenario("doncaster-ccash.yaml"), "--vary", "providers.asp_01.capacity_weekly_hours=500..900",
            "--vary", "providers.asp_01.capacity_weekly_hours=600..800", "--runs", "5", "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal("error: --vary: 'providers.asp_01.capacity_weekly_hours=600..800' varies providers.asp_01.capacity_weekly_hours, which an earlier --vary varies too; allowed: each path once, with one LOW..HIGH",
            run.Error.Trim());
        Assert.False(Directory.Exists(dir));
    }

    [Theory]
    [InlineData("nan..100")]
    [InlineData("0..1e400")]
    public void A_LOW_or_HIGH_that_is_not_a_finite_number_is_refused_in_words(string range)
    {
        var dir = Path.Combine(Repo.TempDir(), "sens");

        var run = CliRun.Of("sensitivity", Repo.Scenario("doncaster-ccash.yaml"), "--vary", $"providers.asp_01.capacity_weekly_hours={range}", "--runs", "5", "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith($"error: --vary: 'providers.asp_01.capacity_weekly_hours={range}' has a LOW or HIGH that is not a finite number; allowed: PATH=LOW..HIGH with two finite numbers", run.Error.Trim(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void A_metric_asked_for_twice_is_reported_once()
    {
        var dir = Path.Combine(Repo.TempDir(), "sens");

        var run = CliRun.Of("sensitivity", Repo.Scenario("doncaster-ccash.yaml"), "--vary", "providers.asp_01.capacity_weekly_hours=500..900", "--points", "2",
            "--metric", "unmet_hours_total", "--metric", "unmet_hours_total", "--runs", "5", "--out", dir, "--quiet");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        var rows = File.ReadAllLines(Path.Combine(dir, "sensitivity.csv")).Skip(1).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Contains(",unmet_hours_total,", r, StringComparison.Ordinal));
    }

    [Fact]
    public void Sensitivity_hands_out_runs_in_batches_of_the_size_run_chooses()
    {
        var reported = new List<long>();

        SensitivityAnalysis.Run(Repo.Scenario("doncaster-ccash.yaml"), [Variation.Parse("zones.*.demand.annual_growth=0..0.06")!], ["caseload_mean_people"],
            seed: 4, runs: 48, threads: 1, points: 2, onRunsDone: reported.Add);

        Assert.Equal(16, RunPlan.DefaultBatchSize(48, 1));
        Assert.Equal([.. Enumerable.Range(1, 9).Select(i => 16L * i)], reported);
    }
    [Fact]
    public void A_variant_at_the_files_own_value_takes_the_base_runs_and_is_not_run_again()
    {
        var reported = new List<long>();

        // Doncaster's zones all grow at 0.02 a year: the middle of 0..0.04 is the base case.
        var effects = SensitivityAnalysis.Run(Repo.Scenario("doncaster-ccash.yaml"), [Variation.Parse("zones.*.demand.annual_growth=0..0.04")!], ["caseload_mean_people"],
            seed: 4, runs: 48, threads: 1, points: 3, onRunsDone: reported.Add);

        Assert.Equal(3 * 48, reported[^1]);
        var mid = effects.Single(e => e.Setting == "mid");
        Assert.Equal(0.02, mid.Value);
        Assert.Equal(mid.BaseMean, mid.VariantMean);
        Assert.Equal(0, mid.Difference.Min);
        Assert.Equal(0, mid.Difference.Max);
        Assert.Equal(48, mid.Difference.Count);
    }

    [Theory]
    [InlineData("zones.*.demand.annual_growth", 0.02, true)]
    [InlineData("zones.*.demand.annual_growth", 0.03, false)]
    [InlineData("providers.asp_01.capacity_weekly_hours", 700, true)]
    [InlineData("providers.*.capacity_weekly_hours", 700, false)]
    [InlineData("zones.zone_1.demand.weekly_hours.mean", 9.5, true)]
    public void A_variant_is_the_base_case_only_where_every_value_the_input_reaches_is_already_that_value(string path, double value, bool isBase)
    {
        var document = ScenarioLoader.ReadDocument(Repo.Scenario("doncaster-ccash.yaml"), []).Document!;

        Assert.Equal(isBase, new ScenarioPath(path).IsEverywhere(document.Root, value));
    }
}
