using System.Net;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using MarketSim.Simulator.Cli;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Comparison;

public class CompareCommandTests
{
    private static readonly string Doncaster = Repo.Scenario("doncaster-ccash.yaml");
    private static readonly string LeadExit = Repo.Scenario("doncaster-lead-exit.yaml");

    [Fact]
    public void Compare_of_a_scenario_with_itself_gives_exact_zeros_and_never_worse_and_runs_csv_as_run_writes_it()
    {
        var dir = Path.Combine(Repo.TempDir(), "cmp");

        var run = CliRun.Of("compare", Doncaster, Doncaster, "--runs", "12", "--seed", "5", "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var rows = CompareCsv.Rows(Path.Combine(dir, "compare.csv"));
        Assert.Contains(rows, r => r["outcome"] == "unmet_hours_total");
        Assert.Contains(rows, r => r["outcome"] == "overspend_gbp__doncaster_council");
        foreach (var r in rows)
        {
            Assert.Equal("doncaster-ccash", r["scenario"]);
            Assert.Equal(("0", "0", "0", "0"), (r["mean_difference"], r["difference_se"], r["ci95_low"], r["ci95_high"]));
            Assert.Equal(r["base_mean"], r["other_mean"]);
            Assert.Equal(r["worse_when"] == "neither" ? "" : "0", r["p_other_worse"]);
        }
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "base", "runs.csv")), File.ReadAllText(Path.Combine(dir, "doncaster-ccash", "runs.csv")));
        var alone = Path.Combine(Path.GetDirectoryName(dir)!, "alone");
        Assert.Equal(ExitCodes.Ok, CliRun.Of("run", Doncaster, "--runs", "12", "--seed", "5", "--out", alone, "--quiet").ExitCode);
        Assert.Equal(File.ReadAllBytes(Path.Combine(alone, "runs.csv")), File.ReadAllBytes(Path.Combine(dir, "base", "runs.csv")));
    }

    [Fact]
    public void A_budget_raised_by_a_fixed_sum_lowers_overspend_by_that_sum_each_year_and_changes_nothing_else()
    {
        // The council's budget, £10,640,000 a year (the last value repeats), raised by £1,000: over the
        // 5-year horizon its overspend falls by exactly 5 × £1,000 in every run; spend and care do not move.
        var parent = Repo.TempDir();
        var richer = Path.Combine(parent, "richer.yaml");
        var text = File.ReadAllText(Doncaster);
        Assert.Contains("value: 10640000,", text);
        File.WriteAllText(richer, text.Replace("value: 10640000,", "value: 10641000,", StringComparison.Ordinal));
        var dir = Path.Combine(parent, "cmp");

        var run = CliRun.Of("compare", Doncaster, richer, "--runs", "10", "--seed", "8", "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        foreach (var r in CompareCsv.Rows(Path.Combine(dir, "compare.csv")))
        {
            var difference = CompareCsv.Number(r["mean_difference"]);
            if (r["outcome"] == "overspend_gbp__doncaster_council")
            {
                Assert.Equal(-5000, difference, 1e-6);
                Assert.Equal(0, CompareCsv.Number(r["difference_se"]), 1e-6);
                Assert.Equal("0", r["p_other_worse"]);
            }
            else
            {
                Assert.Equal("0", r["mean_difference"]);
            }
        }
    }

    [Fact]
    public void Lead_exit_leaves_more_need_unmet_than_the_base_in_most_runs_and_compare_csv_matches_the_two_runs_csv()
    {
        const int Runs = 40;
        var dir = Path.Combine(Repo.TempDir(), "cmp");

        var run = CliRun.AtWidth(200, "compare", Doncaster, LeadExit, "--runs", $"{Runs}", "--seed", "42", "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var rows = CompareCsv.Rows(Path.Combine(dir, "compare.csv"));
        var unmet = rows.Single(r => r["outcome"] == "unmet_hours_total");
        Assert.True(CompareCsv.Number(unmet["ci95_low"]) > 0);
        // More often worse than not, beyond the 95% interval of the share: p − 1.96 √(p(1 − p)/n) > ½.
        var worse = CompareCsv.Number(unmet["p_other_worse"]);
        Assert.True(worse - (1.96 * Math.Sqrt(worse * (1 - worse) / Runs)) > 0.5, $"P(other worse) {worse}");
        Assert.Contains("Unmet care (hours)", run.Output);
        foreach (var r in rows)
        {
            AssertMatchesDirectComputation(r, Path.Combine(dir, "base", "runs.csv"), Path.Combine(dir, "doncaster-lead-exit", "runs.csv"));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_scenario_with_uncertain_inputs_is_compared_on_the_runs_csv_run_writes_for_it(bool uncertainIsBase)
    {
        // runs.csv of an uncertain scenario has a column for each input's sampled value; compare wrote the
        // engine's rows under a header without them, so every column after them was read from the wrong place.
        var uncertain = Repo.Scenario("doncaster-uncertain.yaml");
        var (first, second) = uncertainIsBase ? (uncertain, Doncaster) : (Doncaster, uncertain);
        var parent = Repo.TempDir();
        var dir = Path.Combine(parent, "cmp");

        var run = CliRun.Of("compare", first, second, "--runs", "40", "--seed", "5", "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var otherFolder = Path.GetFileNameWithoutExtension(second);
        foreach (var (scenario, folder) in new[] { (first, "base"), (second, otherFolder) })
        {
            var alone = Path.Combine(parent, "alone-" + folder);
            Assert.Equal(ExitCodes.Ok, CliRun.Of("run", scenario, "--runs", "40", "--seed", "5", "--out", alone, "--quiet").ExitCode);
            Assert.Equal(File.ReadAllBytes(Path.Combine(alone, "runs.csv")), File.ReadAllBytes(Path.Combine(dir, folder, "runs.csv")));
        }
        Assert.Contains("input_", File.ReadLines(Path.Combine(dir, uncertainIsBase ? "base" : otherFolder, "runs.csv")).First(), StringComparison.Ordinal);
        var rows = CompareCsv.Rows(Path.Combine(dir, "compare.csv"));
        Assert.Contains(rows, r => r["outcome"] == "caseload_mean_people");
        foreach (var r in rows)
        {
            AssertMatchesDirectComputation(r, Path.Combine(dir, "base", "runs.csv"), Path.Combine(dir, otherFolder, "runs.csv"));
        }
    }

    [Fact]
    public void An_agreement_the_other_scenario_names_differently_is_labelled_with_both_names_in_the_console_and_report()
    {
        // The same agreement ids with other terms and names: the rows must not read as if both sides ran the base's agreements.
        var parent = Repo.TempDir();
        var dorset = Repo.Scenario("dorset-pool-2017.yaml");
        var changed = Path.Combine(parent, "dorset-changed.yaml");
        var text = File.ReadAllText(dorset);
        const string Capped = "name: CCG capped at 5% of its contribution, DCC backstop\n        type: capped\n        caps: { dorset_ccg: { percent_of_contribution: 5 } }";
        const string Full = "name: \"Full pool of both out-turns (53 : 18)\"\n        type: proportional";
        Assert.Contains(Capped, text, StringComparison.Ordinal);
        Assert.Contains(Full, text, StringComparison.Ordinal);
        File.WriteAllText(changed, text
            .Replace(Capped, "name: CCG capped at 10% of its contribution, DCC backstop\n        type: capped\n        caps: { dorset_ccg: { percent_of_contribution: 10 } }", StringComparison.Ordinal)
            .Replace(Full, "name: \"Fixed split 60 : 40\"\n        type: fixed_shares\n        shares: { dcc: 0.6, dorset_ccg: 0.4 }", StringComparison.Ordinal));
        var dir = Path.Combine(parent, "cmp");

        var run = CliRun.AtWidth(400, "compare", dorset, changed, "--metric", "liability_gbp__dorset__ccg_capped__dorset_ccg", "--metric", "liability_gbp__dorset__full_pool__dcc",
            "--metric", "liability_gbp__dorset__aligned__dcc", "--runs", "4", "--seed", "3", "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var report = File.ReadAllText(Path.Combine(dir, "report.html"));
        foreach (var label in new[]
        {
            "Liability: Dorset care markets pool, CCG capped at 5% of its contribution, DCC backstop (base) vs CCG capped at 10% of its contribution, DCC backstop (other), Dorset CCG (Continuing Healthcare)",
            "Liability: Dorset care markets pool, Full pool of both out-turns (53 : 18) (base) vs Fixed split 60 : 40 (other), Dorset County Council",
        })
        {
            Assert.Contains(label, run.Output, StringComparison.Ordinal);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(label), report, StringComparison.Ordinal);
        }
        var unchanged = Assert.Single(run.Output.Split('\n'), l => l.Contains("Aligned budgets", StringComparison.Ordinal));
        Assert.Contains("Liability: Dorset care markets pool, Aligned budgets (no pooling), Dorset County Council", unchanged, StringComparison.Ordinal);
        Assert.DoesNotContain("(base)", unchanged, StringComparison.Ordinal);
    }

    [Fact]
    public void In_the_compare_table_and_its_report_every_figure_of_one_unit_shares_one_scale()
    {
        var dir = Path.Combine(Repo.TempDir(), "cmp");

        var run = CliRun.AtWidth(200, "compare", Doncaster, LeadExit, "--runs", "40", "--seed", "42", "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var outcomes = CompareCsv.Rows(Path.Combine(dir, "compare.csv")).Select(r => (Name: r["outcome"], Unit: r["unit"])).ToList();
        var console = run.Output.Split('\n').Select(l => l.Split('│', StringSplitOptions.TrimEntries))
            .Where(c => c.Length == 8 && c[1] != "Outcome" && c[3].Length > 0).ToList();
        Assert.Equal(outcomes.Count, console.Count);
        foreach (var unit in outcomes.Zip(console).GroupBy(r => r.First.Unit))
        {
            OneFooting.Assert($"console, {unit.Key}", unit.SelectMany(r => new[] { r.Second[3], r.Second[4], r.Second[5] }));
        }
        var report = WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(dir, "report.html")));
        var rows = Regex.Matches(report, "<tr><td title=\"([^\"]+)\">[^<]*</td><td>[^<]*</td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td>").ToList();
        Assert.Equal(outcomes.Count, rows.Count);
        foreach (var unit in rows.GroupBy(m => outcomes.Single(o => o.Name == m.Groups[1].Value).Unit))
        {
            OneFooting.Assert($"report.html, {unit.Key}", unit.SelectMany(m => new[] { m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Value }));
        }
        Assert.Contains(console, c => c[4].EndsWith('k'));
    }

    [Fact]
    public void Difference_and_half_width_share_one_scale_in_the_compare_table_and_its_report()
    {
        var dir = Path.Combine(Repo.TempDir(), "cmp");

        var run = CliRun.AtWidth(200, "compare", Doncaster, LeadExit, "--runs", "20", "--seed", "42", "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var console = run.Output.Split('\n').Select(l => l.Split('│', StringSplitOptions.TrimEntries))
            .Where(c => c.Length == 8 && c[1] != "Outcome" && c[3].Length > 0).Select(c => c[5]).ToList();
        OneScale.Assert("console", console);
        var report = WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(dir, "report.html")));
        var cells = Regex.Matches(report, "<tr><td title=\"[^\"]+\">[^<]*</td><td>[^<]*</td><td>[^<]*</td><td>[^<]*</td><td>([^<]*)</td>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(console.Count, cells.Count);
        OneScale.Assert("report.html", cells);
    }

    [Fact]
    public void Compare_csv_is_byte_identical_on_one_thread_and_on_two()
    {
        var parent = Repo.TempDir();

        var one = CliRun.Of("compare", Doncaster, LeadExit, "--runs", "8", "--seed", "11", "--threads", "1", "--out", Path.Combine(parent, "one"), "--quiet");
        var two = CliRun.Of("compare", Doncaster, LeadExit, "--runs", "8", "--seed", "11", "--threads", "2", "--out", Path.Combine(parent, "two"), "--quiet");

        Assert.Equal((ExitCodes.Ok, ExitCodes.Ok), (one.ExitCode, two.ExitCode));
        Assert.Equal(File.ReadAllBytes(Path.Combine(parent, "one", "compare.csv")), File.ReadAllBytes(Path.Combine(parent, "two", "compare.csv")));
    }

    [Fact]
    public void Compare_refuses_to_overwrite_a_folder_MarketSim_did_not_write()
    {
        var dir = Path.Combine(Repo.TempDir(), "mine");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "keep me");

        var run = CliRun.Of("compare", Doncaster, LeadExit, "--runs", "5", "--out", dir, "--overwrite", "--quiet");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("MarketSim did not write it", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(dir, "notes.txt")));
        Assert.Single(Directory.GetFileSystemEntries(dir));
    }

    [Fact]
    public void Compare_with_one_scenario_is_refused_with_exit_2_and_no_folder()
    {
        var dir = Path.Combine(Repo.TempDir(), "cmp");

        var run = CliRun.Of("compare", Doncaster, "--runs", "5", "--out", dir, "--quiet");

        AssertRefused(run, dir, "one scenario given", "allowed: a base scenario and at least one other");
    }

    [Fact]
    public void Compare_with_a_missing_file_is_refused_with_exit_2_and_no_folder()
    {
        var dir = Path.Combine(Repo.TempDir(), "cmp");
        var missing = Path.Combine(Path.GetDirectoryName(dir)!, "nowhere.yaml");

        var run = CliRun.Of("compare", Doncaster, missing, "--runs", "5", "--out", dir, "--quiet");

        AssertRefused(run, dir, "nowhere.yaml", "file not found", "allowed: ");
    }

    [Fact]
    public void Compare_with_an_invalid_scenario_names_its_file_and_field_and_writes_nothing()
    {
        var parent = Repo.TempDir();
        var bad = Path.Combine(parent, "bad.yaml");
        File.WriteAllText(bad, File.ReadAllText(Doncaster).Replace("value: 10640000,", "value: -5,", StringComparison.Ordinal));
        var dir = Path.Combine(parent, "cmp");

        var run = CliRun.Of("compare", Doncaster, bad, "--runs", "5", "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("bad.yaml", line, StringComparison.Ordinal);
        Assert.Contains("annual_budgets_gbp", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void Compare_with_an_unknown_metric_is_refused_with_a_did_you_mean()
    {
        var dir = Path.Combine(Repo.TempDir(), "cmp");

        var run = CliRun.Of("compare", Doncaster, LeadExit, "--metric", "unmet_hours_totl", "--runs", "5", "--out", dir, "--quiet");

        AssertRefused(run, dir, "--metric", "did you mean 'unmet_hours_total'");
    }

    [Fact]
    public void Scenarios_of_the_same_name_are_told_apart_by_their_folders_in_titles()
    {
        var root = Repo.TempDir();
        var rate = Path.Combine(root, "rate.yaml");
        File.Copy(Doncaster, rate);
        var dir = Path.Combine(root, "cmp");

        var run = CliRun.AtWidth(400, "compare", Doncaster, rate, "--metric", "unmet_hours_total", "--runs", "4", "--out", dir, "--quiet");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        Assert.Contains("Doncaster CCASH (rate) − Doncaster CCASH (base), paired run by run", run.Output, StringComparison.Ordinal);
        var html = WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(dir, "report.html")));
        Assert.Contains("<h1>Compared with Doncaster CCASH (base)</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Doncaster CCASH (rate) − Doncaster CCASH (base)</h2>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_console_and_report_html_say_the_compared_outcomes_cover_the_horizon()
    {
        var dir = Path.Combine(Repo.TempDir(), "cmp");

        var run = CliRun.AtWidth(400, "compare", Doncaster, LeadExit, "--metric", "unmet_hours_total", "--runs", "4", "--out", dir, "--quiet");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        // The title wraps at the table's width: its words, one space apart.
        var words = string.Join(' ', run.Output.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("paired run by run; outcomes over the 5-year horizon (totals, means over its weeks or peaks)", words, StringComparison.Ordinal);
        var html = WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(dir, "report.html")));
        Assert.Contains("Each scenario ran 4 simulated futures of the 5-year horizon (260 weeks) from seed 1; outcomes over the 5-year horizon (totals, means over its weeks or peaks).", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_of_a_metric_only_the_base_reports_is_refused_as_comparing_nothing()
    {
        var dir = Path.Combine(Repo.TempDir(), "cmp");

        var run = CliRun.Of("compare", Doncaster, Repo.Scenario("leicestershire-htlah.yaml"), "--metric", "weeks_without_lead__zone_1", "--runs", "5", "--out", dir, "--quiet");

        AssertRefused(run, dir, "--metric: no outcome asked for is reported by both doncaster-ccash.yaml and leicestershire-htlah.yaml, so there is nothing to compare");
    }

    [Fact]
    public void Compare_of_scenarios_with_different_horizons_is_refused_with_exit_2_naming_both_files_and_horizons()
    {
        var dir = Path.Combine(Repo.TempDir(), "cmp");

        var run = CliRun.Of("compare", Doncaster, Repo.Scenario("dorset-pool-2017.yaml"), "--runs", "5", "--out", dir, "--quiet");

        AssertRefused(run, dir, "dorset-pool-2017.yaml: horizon_years: 2 years (104 weeks)", "the base", "doncaster-ccash.yaml runs 5 years (260 weeks)", "cannot be compared", "allowed: ");
    }

    [Fact]
    public void Compare_of_scenarios_that_start_on_different_dates_warns_on_one_line_and_goes_on()
    {
        var parent = Repo.TempDir();
        var later = Path.Combine(parent, "later.yaml");
        File.WriteAllText(later, File.ReadAllText(Doncaster).Replace("value: 2016-11-01,", "value: 2017-04-01,", StringComparison.Ordinal));

        var run = CliRun.Of("compare", Doncaster, later, "--runs", "4", "--out", Path.Combine(parent, "cmp"), "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var warning = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("warning: ", warning, StringComparison.Ordinal);
        Assert.Contains("later.yaml starts on 2017-04-01", warning, StringComparison.Ordinal);
        Assert.Contains("2016-11-01", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_of_two_different_markets_warns_that_they_share_no_zone_or_provider_and_goes_on()
    {
        var parent = Repo.TempDir();

        var run = CliRun.Of("compare", Doncaster, Repo.Scenario("leicestershire-htlah.yaml"), "--runs", "2", "--metric", "unmet_hours_total",
            "--out", Path.Combine(parent, "cmp"), "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var warning = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), w => w.Contains("shares no zone", StringComparison.Ordinal));
        Assert.StartsWith("warning: ", warning, StringComparison.Ordinal);
        Assert.Contains("leicestershire-htlah.yaml shares no zone and no provider (by id) with the base", warning, StringComparison.Ordinal);
        Assert.Contains("doncaster-ccash.yaml: they are different markets", warning, StringComparison.Ordinal);
        Assert.Contains("not the effect of a change to one", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void The_notes_under_the_table_name_outcomes_by_their_labels_not_their_columns()
    {
        var parent = Repo.TempDir();
        var leicestershire = Repo.Scenario("leicestershire-htlah.yaml");

        var run = CliRun.AtWidth(400, "compare", Doncaster, leicestershire, "--metric", "first_failure_week", "--metric", "spend_gbp__doncaster_council",
            "--runs", "10", "--seed", "3", "--out", Path.Combine(parent, "cmp"), "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("Week of the first failure: ", run.Output, StringComparison.Ordinal);
        Assert.Contains("runs left out of the pairs", run.Output, StringComparison.Ordinal);
        Assert.Contains("Only in the base (leicestershire-htlah.yaml lacks them, not compared): Spend: Doncaster Council.", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("first_failure_week", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("spend_gbp__", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reproduce_command_run_in_the_results_folder_writes_the_same_compare_csv()
    {
        var parent = Repo.TempDir();
        var dir = Path.Combine(parent, "cmp");
        Assert.Equal(ExitCodes.Ok, CliRun.Of("compare", Doncaster, LeadExit, "--metric", "unmet_hours_total", "--runs", "6", "--seed", "3", "--out", dir, "--quiet").ExitCode);
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
        var reproduce = manifest.RootElement.GetProperty("reproduce").GetString()!;
        Assert.Equal("marketsim compare base/scenario.yaml doncaster-lead-exit/scenario.yaml --metric unmet_hours_total --runs 6 --seed 3", reproduce);
        Assert.Contains(reproduce, File.ReadAllText(Path.Combine(dir, "report.html")), StringComparison.Ordinal);

        // The command's scenario paths are relative to the results folder, where it is meant to be run.
        var again = Path.Combine(parent, "again");
        var words = reproduce.Split(' ').Skip(1).Select(w => w.EndsWith(".yaml", StringComparison.Ordinal) ? Path.Combine(dir, w) : w);
        Assert.Equal(ExitCodes.Ok, CliRun.Of([.. words, "--out", again, "--quiet"]).ExitCode);

        // Every figure and folder name again; only scenario_file, the file named on the command line, is now the copy's.
        static List<string> WithoutFile(string folder) =>
            [.. CompareCsv.Rows(Path.Combine(folder, "compare.csv")).Select(r => string.Join(',', r.Where(c => c.Key != "scenario_file").Select(c => c.Value)))];
        Assert.Equal(WithoutFile(dir), WithoutFile(again));
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "doncaster-lead-exit", "runs.csv")), File.ReadAllBytes(Path.Combine(again, "doncaster-lead-exit", "runs.csv")));
    }

    [Fact]
    public void A_stop_signal_during_compare_exits_with_its_code_and_leaves_nothing()
    {
        var parent = Repo.TempDir();
        using var interruption = new Interruption();
        interruption.Request(PosixSignal.SIGTERM);
        var output = new StringWriter();
        var error = new StringWriter();

        var code = new MarketSimCli(output, error).Invoke(["compare", Doncaster, LeadExit, "--runs", "200", "--out", Path.Combine(parent, "cmp"), "--quiet"], interruption);

        Assert.Equal(ExitCodes.Terminated, code);
        Assert.Contains("no results were written", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(parent));
    }

    // Recomputes a compare.csv row from the two runs.csv files: pairs where neither value is empty,
    // the two-pass mean and standard error of OTHER − BASE, mean ± 1.96 SE, and the share worse.
    private static void AssertMatchesDirectComputation(Dictionary<string, string> row, string baseRuns, string otherRuns)
    {
        var name = row["outcome"];
        var pairs = CompareCsv.Column(baseRuns, name).Zip(CompareCsv.Column(otherRuns, name))
            .Where(p => !double.IsNaN(p.First) && !double.IsNaN(p.Second)).ToList();
        var differences = pairs.Select(p => p.Second - p.First).ToList();
        var n = differences.Count;
        var mean = differences.Average();
        var se = Math.Sqrt(differences.Sum(d => (d - mean) * (d - mean)) / (n - 1) / n);
        var scale = Math.Max(1, Math.Abs(mean) + se);

        Assert.Equal(n, int.Parse(row["runs_paired"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(40 - n, int.Parse(row["runs_left_out"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(pairs.Average(p => p.First), CompareCsv.Number(row["base_mean"]), 1e-9 * Math.Max(1, Math.Abs(pairs.Average(p => p.First))));
        Assert.Equal(mean, CompareCsv.Number(row["mean_difference"]), 1e-9 * scale);
        Assert.Equal(se, CompareCsv.Number(row["difference_se"]), 1e-9 * scale);
        Assert.Equal(mean - (1.959963984540054 * se), CompareCsv.Number(row["ci95_low"]), 1e-9 * scale);
        Assert.Equal(mean + (1.959963984540054 * se), CompareCsv.Number(row["ci95_high"]), 1e-9 * scale);
        double? worse = row["worse_when"] switch
        {
            "higher" => pairs.Count(p => p.Second > p.First) / (double)n,
            "lower" => pairs.Count(p => p.Second < p.First) / (double)n,
            _ => null,
        };
        Assert.Equal(worse?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) ?? "", row["p_other_worse"]);
        // Wilson's score interval: (p + z²/2n ∓ z √(p(1 − p)/n + z²/4n²)) / (1 + z²/n).
        const double Z = 1.959963984540054;
        var (low, high) = worse is { } p
            ? (((p + (Z * Z / (2 * n))) - (Z * Math.Sqrt((p * (1 - p) / n) + (Z * Z / (4.0 * n * n))))) / (1 + (Z * Z / n)),
               ((p + (Z * Z / (2 * n))) + (Z * Math.Sqrt((p * (1 - p) / n) + (Z * Z / (4.0 * n * n))))) / (1 + (Z * Z / n)))
            : (double.NaN, double.NaN);
        Assert.Equal(worse is null, (row["p_other_worse_low"], row["p_other_worse_high"]) == ("", ""));
        if (worse is not null)
        {
            Assert.Equal(low, CompareCsv.Number(row["p_other_worse_low"]), 1e-12);
            Assert.Equal(high, CompareCsv.Number(row["p_other_worse_high"]), 1e-12);
        }
    }

    private static void AssertRefused(CliRun run, string dir, params string[] expected)
    {
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        foreach (var text in expected)
        {
            Assert.Contains(text, line, StringComparison.Ordinal);
        }
        Assert.False(Directory.Exists(dir));
        Assert.Empty(Directory.GetFileSystemEntries(Path.GetDirectoryName(dir)!));
    }

    [Fact]
    public void The_compare_console_shows_the_10_zones_whose_weeks_without_a_lead_change_most_and_counts_the_rest_in_compare_csv()
    {
        var riskier = ManyZoneMarket.Write(zones: 14, hazard: 2, name: "riskier");
        var safer = ManyZoneMarket.Write(zones: 14, hazard: 0.5, name: "safer");
        var dir = Path.Combine(Repo.TempDir(), "cmp");

        var run = CliRun.AtWidth(200, "compare", safer, riskier, "--runs", "40", "--seed", "3", "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var zones = CompareCsv.Rows(Path.Combine(dir, "compare.csv")).Where(r => r["outcome"].StartsWith("weeks_without_lead__", StringComparison.Ordinal))
            .OrderByDescending(r => Math.Abs(double.Parse(r["mean_difference"], System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(14, zones.Count);
        var rows = run.Output.Split('\n').Where(l => l.Contains("Weeks without a lead provider", StringComparison.Ordinal)).ToList();
        Assert.Equal(10, rows.Count);
        static string Zone(Dictionary<string, string> row) => "Zone " + row["outcome"]["weeks_without_lead__zone_".Length..];
        Assert.Contains(rows, l => l.Contains(Zone(zones[0]), StringComparison.Ordinal));
        Assert.DoesNotContain(rows, l => l.Contains(Zone(zones[^1]), StringComparison.Ordinal));
        Assert.Contains("… and 4 more zones in compare.csv", run.Output, StringComparison.Ordinal);
    }
}
