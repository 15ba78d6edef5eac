using MarketSim.Simulator.Cli;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Cli;

public class SensitivityCommandTests
{
    private static readonly string Doncaster = Repo.Scenario("doncaster-ccash.yaml");

    [Fact]
    public void Sensitivity_without_vary_is_refused_with_exit_2()
    {
        var dir = Path.Combine(Repo.TempDir(), "sens");

        var run = CliRun.Of("sensitivity", Doncaster, "--runs", "5", "--out", dir, "--quiet");

        AssertRefused(run, dir, "--vary", "allowed: ");
    }

    [Theory]
    [InlineData("providers.slp_a.name=1..2", "'SLP A'")]
    [InlineData("start_date=1..2", "'2016-11-01'")]
    [InlineData("providers.slp_a=1..2", "a mapping")]
    [InlineData("economy.nlw_gbp_per_hour=1..2", "a list")]
    public void Sensitivity_varying_a_field_that_is_not_a_number_is_refused_with_exit_2(string vary, string reached)
    {
        var dir = Path.Combine(Repo.TempDir(), "sens");

        var run = CliRun.Of("sensitivity", Doncaster, "--vary", vary, "--runs", "5", "--out", dir, "--quiet");

        AssertRefused(run, dir, $"--vary: '{vary}'", reached, "not a number", "allowed: ");
    }

    [Theory]
    [InlineData("providers.slp_a.capacity_weekly_hours=5..5")]
    [InlineData("providers.slp_a.capacity_weekly_hours=3..1")]
    public void Sensitivity_with_low_not_below_high_is_refused_with_exit_2(string vary)
    {
        var dir = Path.Combine(Repo.TempDir(), "sens");

        var run = CliRun.Of("sensitivity", Doncaster, "--vary", vary, "--runs", "5", "--out", dir, "--quiet");

        AssertRefused(run, dir, $"--vary: '{vary}'", "LOW < HIGH", "allowed: ");
    }

    [Fact]
    public void Sensitivity_with_a_path_that_reaches_nothing_is_refused_with_exit_2()
    {
        var dir = Path.Combine(Repo.TempDir(), "sens");

        var run = CliRun.Of("sensitivity", Doncaster, "--vary", "providers.nobody.capacity_weekly_hours=1..2", "--runs", "5", "--out", dir, "--quiet");

        AssertRefused(run, dir, "--vary: 'providers.nobody.capacity_weekly_hours=1..2'", "reaches no value", "allowed: ");
    }

    [Theory]
    [InlineData("zones.*.demand.annual_growth=0..4%", ": '4%' is not a plain number (LOW and HIGH are in the field's own unit, with a point for decimals and no %, £ or thousands separators: 4% is 0.04)")]
    [InlineData("zones.*.demand.annual_growth=0,01..0,04", ": '0,01' is not a plain number")]
    [InlineData("zones.*.demand.annual_growth=0-0.04", ": '0-0.04' is not LOW..HIGH, two numbers with two dots between")]
    [InlineData("zones.*.demand.annual_growth=0..", ": LOW or HIGH is missing")]
    [InlineData("zones.*.demand.annual_growth", ": it has no =LOW..HIGH after the path")]
    [InlineData("=0..0.04", ": it has no PATH before the =")]
    public void A_vary_that_is_not_a_range_says_which_part_is_wrong(string vary, string why)
    {
        var dir = Path.Combine(Repo.TempDir(), "sens");

        var run = CliRun.Of("sensitivity", Doncaster, "--vary", vary, "--runs", "5", "--out", dir, "--quiet");

        AssertRefused(run, dir, $"--vary: '{vary}' is not allowed{why}", "; allowed: PATH=LOW..HIGH, e.g. ");
    }

    [Theory]
    [InlineData("Zones.*.demand.annual_growth=0..0.04", "'Zones' matches nothing at the top of the scenario, which has the keys name, description, sources, start_date, horizon_years, time_step, zones, economy,")]
    [InlineData("zones.*.demand.growth=0..0.04", "'growth' matches nothing at zones.*.demand, which has the keys starting_caseload_people, weekly_referrals_people, annual_growth,")]
    [InlineData("providers.nobody.capacity_weekly_hours=1..2", "'nobody' matches nothing at providers, which has entries with the ids slp_a, slp_b, slp_c, slp_d, asp_01,")]
    [InlineData("commissioners.doncaster_council.annual_budgets_gbp[3]=1..2", "'[3]' matches nothing at commissioners.doncaster_council.annual_budgets_gbp, which has a list: one entry, [0], or * for every entry")]
    public void A_path_that_reaches_nothing_names_the_part_that_matches_nothing_and_what_is_there_instead(string vary, string where)
    {
        var dir = Path.Combine(Repo.TempDir(), "sens");

        var run = CliRun.Of("sensitivity", Doncaster, "--vary", vary, "--runs", "5", "--out", dir, "--quiet");

        AssertRefused(run, dir, $"--vary: '{vary}' reaches no value in the scenario: {where}", "; allowed: a path of keys");
    }

    [Fact]
    public void A_path_with_part_of_an_id_as_a_wildcard_is_refused_saying_a_star_stands_for_every_entry()
    {
        var dir = Path.Combine(Repo.TempDir(), "sens");

        var run = CliRun.Of("sensitivity", Doncaster, "--vary", "providers.slp_*.capacity_weekly_hours=1425..3000", "--runs", "5", "--out", dir, "--quiet");

        AssertRefused(run, dir, "--vary: 'providers.slp_*.capacity_weekly_hours=1425..3000' reaches no value", "allowed: a path of keys, list ids, [index] or * (every entry of a list, not part of an id)");
    }

    [Theory]
    [InlineData("zones.*.demand.annual_growth=0..0.04")]
    [InlineData("economy.nlw_gbp_per_hour[0]=7..7.5")]
    public void Sensitivity_accepts_a_number_inside_a_value_and_source_wrapper(string vary)
    {
        var dir = Path.Combine(Repo.TempDir(), "sens");

        var run = CliRun.Of("sensitivity", Doncaster, "--vary", vary, "--runs", "4", "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(dir, "sensitivity.csv")).Length);
    }

    [Fact]
    public void Sensitivity_on_a_folder_says_it_is_a_folder_as_run_does_with_exit_2()
    {
        var folder = Path.Combine(Repo.TempDir(), "adir");
        Directory.CreateDirectory(folder);
        var dir = Path.Combine(Repo.TempDir(), "sens");

        var run = CliRun.Of("sensitivity", folder, "--vary", "providers.slp_a.capacity_weekly_hours=2000..3000", "--runs", "5", "--out", dir, "--quiet");

        AssertRefused(run, dir, $"error: {folder}: is a folder, not a scenario file; allowed: the path of a scenario YAML file");
        Assert.Equal(run.Error.Trim(), CliRun.Of("run", folder, "--runs", "200", "--out", dir, "--quiet").Error.Trim());
    }

    [Fact]
    public void A_vary_value_out_of_range_is_reported_against_the_option_not_a_place_in_the_file()
    {
        var dir = Path.Combine(Repo.TempDir(), "sens");

        var run = CliRun.Of("sensitivity", Doncaster, "--vary", "providers.asp_01.rate_gbp_per_hour=-5..10", "--runs", "5", "--out", dir, "--quiet");

        AssertRefused(run, dir, "error: --vary providers.asp_01.rate_gbp_per_hour=-5..10: providers[4].rate_gbp_per_hour.value: -5 is negative; allowed: a rate in pounds an hour > 0");
        Assert.DoesNotContain("doncaster-ccash.yaml", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vary_value_that_breaks_a_shared_block_is_reported_once_against_the_option_with_its_value()
    {
        var dir = Path.Combine(Repo.TempDir(), "sens");

        var run = CliRun.Of("sensitivity", Doncaster, "--vary", "zones.*.demand.funding_mix.council=0.5..1", "--runs", "5", "--out", dir, "--quiet");

        AssertRefused(run, dir, "error: --vary zones.*.demand.funding_mix.council=0.5..1: zones[0].demand.funding_mix: at 0.5: shares sum to 0.5; allowed: shares that sum to 1");
        Assert.DoesNotContain("doncaster-ccash.yaml", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sensitivity_of_a_variant_listing_one_id_twice_is_refused_as_run_refuses_it()
    {
        var dir = Repo.TempDir();
        File.Copy(Repo.Scenario("doncaster-ccash.yaml"), Path.Combine(dir, "doncaster-ccash.yaml"));
        var variant = Path.Combine(dir, "twice.yaml");
        File.WriteAllText(variant, """
            base: doncaster-ccash.yaml
            providers:
              - { id: asp_11, name: ASP 11, role: framework, zones: all, capacity_weekly_hours: 700, rate_gbp_per_hour: 14.36 }
              - { id: asp_11, name: ASP 11 again, role: framework, zones: all, capacity_weekly_hours: 100, rate_gbp_per_hour: 14.36 }
            """);
        var output = Path.Combine(dir, "sens");

        var run = CliRun.Of("sensitivity", variant, "--vary", "providers.slp_a.capacity_weekly_hours=2000..3500", "--runs", "4", "--out", output, "--quiet");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"{variant}:4:", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Contains("id 'asp_11' is used more than once", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void The_value_of_each_setting_is_written_as_given_not_rounded_to_three_figures()
    {
        var dir = Path.Combine(Repo.TempDir(), "sens");

        var run = CliRun.Of("sensitivity", Repo.Scenario("doncaster-ccash.yaml"), "--vary", "providers.*.rate_gbp_per_hour=14.36..18", "--runs", "4", "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("│ 14.36 │", run.Output, StringComparison.Ordinal);
        Assert.Contains("│ 16.18 │", run.Output, StringComparison.Ordinal);
        Assert.Contains("<td>14.36</td>", File.ReadAllText(Path.Combine(dir, "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Sensitivity_of_a_scenario_with_uncertain_inputs_reads_its_base_case_from_the_columns_run_writes()
    {
        // Its runs carry a column for each uncertain input; the metrics must still be read from their own columns.
        var uncertain = Repo.Scenario("doncaster-uncertain.yaml");
        var parent = Repo.TempDir();

        var run = CliRun.Of("sensitivity", uncertain, "--vary", "providers.slp_a.capacity_weekly_hours=2000..3000", "--points", "2",
            "--metric", "caseload_mean_people", "--metric", "unmet_hours_total", "--runs", "20", "--seed", "5", "--out", Path.Combine(parent, "sens"), "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(ExitCodes.Ok, CliRun.Of("run", uncertain, "--runs", "20", "--seed", "5", "--out", Path.Combine(parent, "alone"), "--quiet").ExitCode);
        var rows = Comparison.CompareCsv.Rows(Path.Combine(parent, "sens", "sensitivity.csv"));
        foreach (var metric in new[] { "caseload_mean_people", "unmet_hours_total" })
        {
            var expected = Comparison.CompareCsv.Column(Path.Combine(parent, "alone", "runs.csv"), metric).Average();
            Assert.All(rows.Where(r => r["metric"] == metric), r => Assert.Equal(expected, Comparison.CompareCsv.Number(r["base_mean"]), 1e-9 * expected));
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
}
