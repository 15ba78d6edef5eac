using System.Xml.Linq;
using MarketSim.Grains.Failure;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Providers;
using MarketSim.Grains.Randomness;
using MarketSim.Grains.Uncertainty.Sensitivity;
using MarketSim.Grains.Zones;
using MarketSim.Simulator.Reports.Charts;

namespace MarketSim.Tests.Reports;

/// <summary>One chart of every kind, drawn once for all the chart tests, with the labels each must show.</summary>
public static class ChartSamples
{
    /// <summary>A drawn chart: its expected title, axis titles (empty: none) and some tick labels, and its rendering.</summary>
    public sealed record Sample(string Kind, string Title, string XTitle, string YTitle, string[] Ticks, int Width, int Height, byte[] Png, XElement Svg);

    private static readonly Lazy<List<Sample>> All = new(() => [.. Draw().Select(Render)]);

    public static IReadOnlyList<Sample> Every => All.Value;

    public static Sample Render((Chart Chart, string XTitle, string YTitle, string[] Ticks) c)
    {
        using var chart = c.Chart;
        return new(chart.Name, chart.Title, c.XTitle, c.YTitle, c.Ticks, chart.Width, chart.Height, chart.Png(), ChartFiles.Embeddable(chart));
    }

    /// <summary>Draws one chart of every kind afresh, with its expected axis titles and tick labels.</summary>
    public static IEnumerable<(Chart Chart, string XTitle, string YTitle, string[] Ticks)> Draw()
    {
        var random = new StreamRandom(3);
        var sorted = Enumerable.Range(0, 500).Select(_ => random.NextDouble() * 2_000_000).Order().ToList();
        double[] path = [.. Enumerable.Range(0, 24).Select(i => 100.0 + i)];
        yield return (HistogramChart.Draw("histogram", "", "Overspend: spread", "Overspend over the horizon (£)", "GBP", sorted, sorted[25], sorted[250], sorted[475]), "Overspend over the horizon (£)", "Runs (simulated futures)", ["£1.0m", "P50 (median): £"]);
        yield return (ExceedanceChart.Draw("exceedance", "", "Overspend: exceedance", "Overspend over the horizon (£)", "GBP", sorted), "Overspend over the horizon (£)", "Chance the outcome is above x", ["£1.0m", "50%"]);
        yield return (FanChart.Draw("fan", "", "Caseload by month", "Caseload (people)", "people", [.. path.Select(x => x - 10)], [.. path.Select(x => x - 5)], path, [.. path.Select(x => x + 5)], [.. path.Select(x => x + 10)], m => $"M{m + 1}"), "Month", "Caseload (people)", ["M1", "120"]);
        yield return (BoxPlotChart.Draw("boxes", "", "Liability by agreement and partner", "Liability over the horizon (£)", "GBP", [new("Pooled\nDorset Council", "dcc", sorted), new("Pooled\nDorset CCG", "ccg", [.. sorted.Select(x => x / 2)])]), "Liability over the horizon (£)", "", ["£1.0m", "Dorset Council", "Dorset CCG"]);
        yield return (TornadoChart.Draw("tornado", "", "Sensitivity of unmet need", "Change in mean unmet need (hours)", "hours", [new("Lead capacity", -300, 200, 40, 35), new("Demand growth", 50, -20, 10, 12)]), "Change in mean unmet need (hours)", "", ["Lead capacity", "Demand growth", "200"]);
        yield return (SpiderChart.Draw("spider", "", "Spider chart of unmet need", "Mean unmet need (hours)", "hours", [new("capacity", [(0, 500), (0.5, 450), (1, 420)]), new("growth", [(0, 400), (0.5, 460), (1, 530)])], 455), "Position of each input between its low (0%) and high (100%) value", "Mean unmet need (hours)", ["50%", "capacity", "Base case mean"]);
        yield return (ConvergenceChart.Draw("convergence", "", "Unmet need: running mean", "Unmet need, mean (hours)", "hours", [new(10, 500, 80), new(100, 480, 30), new(1000, 490, 9)]), "Runs (simulated futures) so far", "Unmet need, mean (hours)", ["Running mean"]);
        yield return (SobolChart.Draw("sobol", "", "Sobol indices of unmet need", "Share of the variance explained (%)", [new("Lead capacity", 0.5, 0.4, 0.6, 0.6, 0.5, 0.7), new("Demand growth", 0.2, 0.1, 0.3, 0.25, 0.15, 0.35)]), "Share of the variance explained (%)", "", ["Lead capacity", "50%"]);
        yield return (DriverTornadoChart.Draw("drivers", "", "What drives unmet need", Drivers()), "Standardised rank-regression coefficient (−1 to 1)", "", ["Lead capacity (40% of variance)", "Demand growth (9.0% of variance)"]);
        yield return (ProviderRiskChart.Draw([Provider("a", "Acorn Care", 400, 80, 30, 10), Provider("b", "Beech Homecare", 400, 20, 20, 0), Provider("c", "Cedar Support", 400, 0, 0, 0)])!, "Chance of leaving within the horizon, by cause (%)", "", ["Acorn Care", "Beech Homecare", "Hand-back"]);
        yield return (ZoneUnmetChart.Draw([Zone("n", "North", 400, 1200, 50), Zone("s", "South", 400, 300, 20)])!, "Unmet need over the horizon, mean (hours)", "", ["North", "South"]);
    }

    private static RankSensitivityResult Drivers() => new(
        [
            new("Lead capacity", -0.6, new(-0.7, -0.5), -0.65, new(-0.72, -0.58), 0.8, 0.4, 1, null),
            new("Demand growth", 0.3, new(0.2, 0.4), 0.3, new(0.22, 0.38), 0.2, 0.09, 2, null),
        ], 0.5, new(0.45, 0.55), 400, 0);

    public static EntitySummary Provider(string id, string name, long runs, long hazard, long handBack, long forced)
    {
        var year = new ExitsByYear(1, new(hazard + handBack + forced, runs), new(hazard, runs), new(0, runs), new(handBack, runs), new(forced, runs));
        return new(new EntityBlock(EntityKind.Provider, id, name, 0, 0), runs, [], new ProviderExits([year], ExitReason.None));
    }

    public static EntitySummary Zone(string id, string name, long runs, double mean, double se) =>
        new(new EntityBlock(EntityKind.Zone, id, name, 0, 0), runs, [new MetricSummary(ZoneMetrics.All[ZoneMetrics.UnmetHours], runs, mean, se, mean / 2, mean, mean * 2)]);
}
