using MarketSim.Simulator.Comparison;
using MarketSim.Simulator.Sensitivity;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Cli;

/// <summary>
/// What a scenario file warns about when loaded (here: more yearly budgets than the horizon has years) is kept with the
/// plan that loaded it, so compare and sensitivity print it once, from the bytes they run, without reading the file again.
/// </summary>
public class LoadWarningsTests
{
    private const string Budgets = "      - { value: 10640000, source: \"004 para 22: annual budget for the domiciliary framework £10.64m; the last value repeats\" }";
    private const string Warning = "annual_budgets_gbp: 7 budgets for a horizon of 5 model years: the last 2 are never used";

    [Fact]
    public void A_comparison_plan_keeps_each_files_load_warnings_after_the_file_is_gone()
    {
        var (withExtraBudgets, plain) = Files();

        var plan = ScenarioComparison.Plan([plain, withExtraBudgets]);
        File.Delete(withExtraBudgets);

        var warning = Assert.Single(plan.Warnings);
        Assert.StartsWith(withExtraBudgets + ":", warning, StringComparison.Ordinal);
        Assert.Contains(Warning, warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sensitivity_plan_keeps_the_files_load_warnings_after_the_file_is_gone()
    {
        var (withExtraBudgets, _) = Files();

        var plan = SensitivityAnalysis.Plan(withExtraBudgets, [Variation.Parse("zones.*.demand.annual_growth=0..0.04")!], ["unmet_hours_total"]);
        File.Delete(withExtraBudgets);

        Assert.Contains(Warning, Assert.Single(plan.Warnings).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_prints_a_files_load_warning_once()
    {
        var (withExtraBudgets, plain) = Files();

        var run = CliRun.Of("compare", plain, withExtraBudgets, "--runs", "3", "--out", Path.Combine(Repo.TempDir(), "cmp"), "--quiet");

        Assert.Equal(0, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("warning: " + withExtraBudgets, line, StringComparison.Ordinal);
        Assert.Contains(Warning, line, StringComparison.Ordinal);
    }

    private static (string WithExtraBudgets, string Plain) Files()
    {
        var dir = Repo.TempDir();
        var plain = Path.Combine(dir, "doncaster.yaml");
        var text = File.ReadAllText(Repo.Scenario("doncaster-ccash.yaml"));
        File.WriteAllText(plain, text);
        var extra = Path.Combine(dir, "doncaster-seven-budgets.yaml");
        var edited = text.Replace(Budgets, string.Concat(Enumerable.Repeat(Budgets + "\n", 6)) + Budgets, StringComparison.Ordinal);
        Assert.NotEqual(text, edited);
        File.WriteAllText(extra, edited);
        return (extra, plain);
    }
}
