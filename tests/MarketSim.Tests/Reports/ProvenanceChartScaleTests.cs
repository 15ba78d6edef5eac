using System.Net;
using System.Text.Json;
using MarketSim.Simulator.Cli;
using MarketSim.Tests.Support;
using MarketSim.Tests.Uncertainty;
using MarketSim.Tests.Workbench;

namespace MarketSim.Tests.Reports;

/// <summary>
/// The reproduce command of every command that draws charts (run, compare, sensitivity by either method) names the
/// --chart-scale its PNGs were drawn at, so that the command redoes the folder as it is; at the default, 1, it is left out.
/// </summary>
public class ProvenanceChartScaleTests
{
    [Theory]
    [InlineData("0.5", " --chart-scale 0.5")]
    [InlineData("1", "")]
    public void Provenance_of_run_names_a_chart_scale_other_than_the_default(string scale, string named)
    {
        var (scenario, dir) = Small();

        var run = CliRun.Of("run", scenario, "--runs", "2", "--seed", "3", "--chart-scale", scale, "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        AssertReproduce(dir, $"marketsim run scenario.yaml --runs 2 --seed 3{named}");
    }

    [Theory]
    [InlineData("0.5", " --chart-scale 0.5")]
    [InlineData("1", "")]
    public void Provenance_of_compare_names_a_chart_scale_other_than_the_default(string scale, string named)
    {
        var (scenario, dir) = Small();

        var run = CliRun.Of("compare", scenario, scenario, "--metric", "unmet_hours_total", "--runs", "2", "--seed", "3", "--chart-scale", scale, "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        AssertReproduce(dir, $"marketsim compare base/scenario.yaml small/scenario.yaml --metric unmet_hours_total --runs 2 --seed 3{named}");
    }

    [Theory]
    [InlineData("0.5", " --chart-scale 0.5")]
    [InlineData("1", "")]
    public void Provenance_of_one_at_a_time_sensitivity_names_a_chart_scale_other_than_the_default(string scale, string named)
    {
        var (scenario, dir) = Small();

        var run = CliRun.Of("sensitivity", scenario, "--vary", "providers.lead.capacity_weekly_hours=170..190", "--metric", "unmet_hours_total",
            "--points", "2", "--runs", "2", "--seed", "3", "--chart-scale", scale, "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        AssertReproduce(dir, $"marketsim sensitivity scenario.yaml --vary providers.lead.capacity_weekly_hours=170..190 --metric unmet_hours_total --points 2 --runs 2 --seed 3{named}");
    }

    [Theory]
    [InlineData("0.5", " --chart-scale 0.5")]
    [InlineData("1", "")]
    public void Provenance_of_sobol_sensitivity_names_a_chart_scale_other_than_the_default(string scale, string named)
    {
        var folder = Repo.TempDir();
        var scenario = Path.Combine(folder, "two.yaml");
        File.WriteAllText(scenario, SobolSensitivityTests.TwoInputs);
        var dir = Path.Combine(folder, "out");

        var run = CliRun.Of("sensitivity", scenario, "--method", "sobol", "--base-runs", "8", "--metric", "unmet_hours_total", "--seed", "4", "--chart-scale", scale, "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        AssertReproduce(dir, $"marketsim sensitivity scenario.yaml --method sobol --base-runs 8 --metric unmet_hours_total --seed 4{named}");
    }

    // The small scenario in a folder of its own, and the results folder to write beside it.
    private static (string Scenario, string Dir) Small()
    {
        var folder = Repo.TempDir();
        var scenario = Path.Combine(folder, "small.yaml");
        File.WriteAllText(scenario, ExperimentComparisonTests.Small);
        return (scenario, Path.Combine(folder, "out"));
    }

    // manifest.json's reproduce is the command expected, and report.html's provenance gives the same.
    private static void AssertReproduce(string dir, string expected)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
        Assert.Equal(expected, manifest.RootElement.GetProperty("reproduce").GetString());
        Assert.Contains($">{WebUtility.HtmlEncode(expected)}</td>", File.ReadAllText(Path.Combine(dir, "report.html")), StringComparison.Ordinal);
    }
}
