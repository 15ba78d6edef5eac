using System.Xml.Linq;
using MarketSim.Grains.Outcomes;
using MarketSim.Simulator.Reports.Charts;
using MarketSim.Simulator.RiskShare;
using MarketSim.Simulator.Statistics;

namespace MarketSim.Simulator.Reports;

/// <summary>
/// The charts of a results folder, by file name: histograms and exceedance curves of the key
/// outcomes, fan charts of the monthly series, box plots of risk-share liabilities, and the
/// convergence of the running mean.
/// </summary>
public static class ReportCharts
{
    private static readonly string[] Distributions = ["unmet_hours_total", "peak_waiting_list_people", "provider_failures", "rate_gap_gbp_per_hour"];

    /// <summary>Every chart, keyed by file name (without folder), in report order.</summary>
    public static List<(string File, string Caption, XElement Svg)> Build(OutcomeSummary summary, SeriesSummary series, RiskShareComparison riskShare, int? convergenceColumn = null)
    {
        var charts = new List<(string, string, XElement)>();
        var schema = summary.Schema;
        var columns = Distributions.Select(schema.IndexOf)
            .Concat(Enumerable.Range(0, schema.Count).Where(c => schema.Columns[c].Name.StartsWith("overspend_gbp__", StringComparison.Ordinal) || schema.Columns[c].Name.StartsWith("pool_overspend_gbp__", StringComparison.Ordinal)));
        foreach (var c in columns)
        {
            var column = schema.Columns[c];
            if (summary.SortedValues(c) is not { Count: > 1 } sorted || sorted[0] == sorted[^1])
            {
                continue;
            }
            var axis = $"{column.Name} ({column.Unit})";
            charts.Add(($"histogram_{column.Name}.svg", $"Distribution of {column.Description.ToLowerInvariant()} over runs.",
                HistogramChart.Draw($"{column.Name}: distribution over runs", axis, sorted, summary.Quantile(c, 0.05)!.Value, summary.Quantile(c, 0.5)!.Value, summary.Quantile(c, 0.95)!.Value)));
            charts.Add(($"exceedance_{column.Name}.svg", $"Chance that {column.Name} exceeds each value.",
                ExceedanceChart.Draw($"{column.Name}: exceedance", axis, sorted)));
        }
        for (var s = 0; s < OutcomeSchema.Series.Count && schema.Months > 1; s++)
        {
            var definition = OutcomeSchema.Series[s];
            if (series.Moments[s * schema.Months].Count == 0 && series.Moments[((s + 1) * schema.Months) - 1].Count == 0)
            {
                continue;
            }
            double[] Path(int q) => [.. Enumerable.Range(0, schema.Months).Select(m => series.Estimators[(s * schema.Months) + m][q].Estimate())];
            string Month(int m) => schema.StartDate.AddDays(7 * (OutcomeSchema.MonthEndWeek(m) + 1)).ToString("MMM yyyy");
            charts.Add(($"fan_{definition.Name}.svg", $"{definition.Description}, month by month: median, middle 50% and middle 90% of runs.",
                FanChart.Draw($"{definition.Name} by month", $"{definition.Name} ({definition.Unit})", Path(0), Path(1), Path(2), Path(3), Path(4), Month)));
        }
        foreach (var pool in riskShare.Lines.GroupBy(l => l.Pool.Id))
        {
            var boxes = pool.Select(l => new BoxPlotChart.Box($"{l.ModelId}: {l.Party}", l.Party, l.SortedValues)).ToList();
            charts.Add(($"liability_{pool.Key}.svg", "Each party's liability beyond its contribution under each agreement: box P25-P75, line at the median, whiskers P5-P95.",
                BoxPlotChart.Draw($"{pool.First().Pool.Name}: liability by agreement and party", "Liability over the horizon (GBP)", boxes)));
        }
        var metric = convergenceColumn ?? summary.Convergence.Keys.Order()
            .Select(c => (int?)c)
            .FirstOrDefault(c => schema.Columns[c!.Value].Name == "unmet_hours_total" && summary.Moments[c.Value].StdDev > 0)
            ?? summary.Convergence.Keys.Order().Select(c => (int?)c).FirstOrDefault(c => summary.Moments[c!.Value].StdDev > 0);
        if (metric is { } k && summary.Convergence.TryGetValue(k, out var points))
        {
            var m = summary.Moments[k];
            var name = schema.Columns[k].Name;
            var trace = points.Append(new ConvergenceChart.Point(m.Count, m.Mean, m.HalfWidth95)).DistinctBy(p => p.Runs).ToList();
            if (trace.Count > 1)
            {
                charts.Add(($"convergence_{name}.svg", $"The running mean of {name} and its 95% confidence interval: how many runs are enough.",
                    ConvergenceChart.Draw($"{name}: running mean", $"{name} ({schema.Columns[k].Unit})", trace)));
            }
        }
        return charts;
    }
}
