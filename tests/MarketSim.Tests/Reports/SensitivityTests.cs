using MarketSim.Simulator.Cli;
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
}
