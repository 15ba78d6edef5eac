using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;
using MarketSim.Simulator.Reports.Charts;
using MarketSim.Simulator.RiskShare;
using MarketSim.Simulator.Statistics;

namespace MarketSim.Simulator.Reports;

/// <summary>
/// The charts of a results folder: histograms and exceedance curves of the key outcomes, fan charts of
/// the monthly series, box plots of risk-share liabilities by agreement and partner, the providers most at
/// risk, unmet need by zone, and the convergence of the running mean. Outcomes that are the same in every
/// run are left out. Every label is written for people: names from the scenario, units, £.
/// </summary>
public static class ReportCharts
{
    private static readonly string[] Distributions = ["unmet_hours_total", "peak_waiting_list_people", "provider_failures", "rate_gap_gbp_per_hour"];

    /// <summary>Every chart, in report order.</summary>
    public static List<Chart> Build(MarketScenario scenario, OutcomeSummary summary, SeriesSummary series, RiskShareComparison riskShare, IReadOnlyList<EntitySummary> entities, int? convergenceColumn = null)
    {
        var charts = new List<Chart>();
        var schema = summary.Schema;
        var columns = Distributions.Select(schema.IndexOf).Where(c => c >= 0)
            .Concat(Enumerable.Range(0, schema.Count).Where(c => schema.Columns[c].Name.StartsWith("overspend_gbp__", StringComparison.Ordinal) || schema.Columns[c].Name.StartsWith("pool_overspend_gbp__", StringComparison.Ordinal)));
        foreach (var c in columns)
        {
            var column = schema.Columns[c];
            if (summary.SortedValues(c) is not { Count: > 1 } sorted || sorted[0] == sorted[^1])
            {
                continue;
            }
            var label = Label(column, scenario);
            var axis = ChartStyle.AxisTitle(label, column.Unit);
            charts.Add(HistogramChart.Draw($"histogram_{column.Name}", $"{label}: how it is spread over {sorted.Count:N0} simulated futures, with its 5th, 50th and 95th percentiles.",
                $"{label}: spread over {sorted.Count:N0} futures", axis, column.Unit, sorted,
                summary.Quantile(c, 0.05)!.Value, summary.Quantile(c, 0.5)!.Value, summary.Quantile(c, 0.95)!.Value, summary.IsWhole(c)));
            charts.Add(ExceedanceChart.Draw($"exceedance_{column.Name}", $"{label}: the chance that it is above each value (read across from a value to its chance).",
                $"{label}: chance of exceeding each value", axis, column.Unit, sorted));
        }
        for (var s = 0; s < OutcomeSchema.Series.Count && schema.Months > 1; s++)
        {
            var definition = OutcomeSchema.Series[s];
            if (series.Moments[s * schema.Months].Count == 0 && series.Moments[((s + 1) * schema.Months) - 1].Count == 0)
            {
                continue;
            }
            double[] Path(int q) => [.. Enumerable.Range(0, schema.Months).Select(m => series.Quantile((s * schema.Months) + m, q))];
            string Month(int m) => MonthName(schema.StartDate, m);
            var p5 = Path(0);
            var p95 = Path(4);
            if (p5.Zip(p95).All(x => x.First == p95[0] && x.Second == p95[0]))
            {
                continue;
            }
            var estimated = Enumerable.Range(0, schema.Months).Any(m => !series.IsExact((s * schema.Months) + m))
                ? " The bands are streaming (P²) estimates, in memory that does not grow with the runs; exact percentiles of the outcomes over the horizon are in the headline table and runs.csv."
                : "";
            charts.Add(FanChart.Draw($"fan_{definition.Name}", $"{definition.Description} ({OutcomeLabels.Unit(definition.Unit)}), month by month: the median, the middle 50% and the middle 90% of futures.{estimated}",
                $"{definition.Description}, by month", ChartStyle.AxisTitle(SeriesLabel(definition), definition.Unit), definition.Unit, p5, Path(1), Path(2), Path(3), p95, Month));
        }
        var labels = new OutcomeLabels(scenario);
        foreach (var pool in riskShare.Lines.GroupBy(l => l.Pool.Id))
        {
            var boxes = pool.Select(l => new BoxPlotChart.Box($"{ChartStyle.Wrap(l.ModelName, 42)}\n{labels.PartyName(l.Pool, l.Party)}", l.Party, l.SortedValues)).ToList();
            if (boxes.All(b => b.Sorted.Count == 0 || b.Sorted[0] == b.Sorted[^1]))
            {
                continue;
            }
            charts.Add(BoxPlotChart.Draw($"liability_{pool.Key}",
                "What each partner pays beyond its contribution over the horizon under each agreement, on the same futures: box from P25 to P75, line at the median, whiskers from P5 to P95.",
                $"{pool.First().Pool.Name}: liability over the {SummarySentences.Horizon(scenario)} by agreement and partner", ChartStyle.AxisTitle($"Liability over the {SummarySentences.Horizon(scenario)}", "GBP"), "GBP", boxes));
        }
        if (ProviderRiskChart.Draw(entities.Where(e => e.Block.Kind == EntityKind.Provider), SummarySentences.Horizon(scenario)) is { } providers)
        {
            charts.Add(providers);
        }
        if (ZoneUnmetChart.Draw(entities.Where(e => e.Block.Kind == EntityKind.Zone), SummarySentences.Horizon(scenario)) is { } zones)
        {
            charts.Add(zones);
        }
        if (Convergence(scenario, summary, convergenceColumn) is { } convergence)
        {
            charts.Add(convergence);
        }
        return charts;
    }

    /// <summary>
    /// A short human label for an outcome column, with names from the scenario and the period it covers, "Unmet need over
    /// the 5-year horizon", so that a chart's title says what it covers when its PNG is read away from the report.
    /// </summary>
    public static string Label(OutcomeColumn column, MarketScenario scenario)
    {
        var over = $"over the {SummarySentences.Horizon(scenario)}";
        var parts = column.Name.Split("__");
        return parts[0] switch
        {
            "unmet_hours_total" => $"Unmet need {over}",
            "peak_waiting_list_people" => $"Peak waiting list {over}, all zones",
            "provider_failures" => $"Provider failures {over}",
            "rate_gap_gbp_per_hour" => $"Rate gap, cost minus rate, {over}",
            "overspend_gbp" when parts.Length > 1 => $"{Commissioner(parts[1], scenario)}'s overspend {over}",
            "pool_overspend_gbp" when parts.Length > 1 => $"{scenario.PooledBudgets.FirstOrDefault(p => p.Id == parts[1])?.Name ?? parts[1]}: overspend {over}",
            _ => column.Description.Split(" (")[0].Replace("over the horizon", over, StringComparison.Ordinal),
        };
    }

    /// <summary>
    /// The name of model month <paramref name="month"/> (from 0) on a fan chart's axis, "Dec 2016": the calendar month that
    /// holds the middle day of its weeks. A model month is a twelfth of a 52-week year, so its last day can fall in the next
    /// calendar month (the second month from 1 November 2016 ends on 2 January 2017); named by its middle, the months of a
    /// chart follow the calendar one by one for years. A 52-week year is a day or two short of the calendar's, so over a
    /// long horizon the model's months fall behind it and, about every seven years, a name repeats.
    /// </summary>
    public static string MonthName(DateOnly start, int month)
    {
        var firstDay = month == 0 ? 0 : 7 * (OutcomeSchema.MonthEndWeek(month - 1) + 1);
        var lastDay = (7 * (OutcomeSchema.MonthEndWeek(month) + 1)) - 1;
        return start.AddDays((firstDay + lastDay) / 2).ToString("MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string SeriesLabel(OutcomeSeries series) => series.Name switch
    {
        "caseload_people" => "Caseload",
        "waiting_list_people" => "Waiting list",
        "capacity_weekly_hours" => "Capacity",
        "mean_rate_gbp_per_hour" => "Mean hourly rate",
        "rate_gap_gbp_per_hour" => "Rate gap: cost minus rate",
        "cumulative_overspend_gbp" => "Overspend to date",
        "open_providers" => "Open providers",
        _ => series.Description.Split(" (")[0],
    };

    private static string Commissioner(string id, MarketScenario scenario) => scenario.Commissioners.FirstOrDefault(c => c.Id == id)?.Name ?? id;

    private static Chart? Convergence(MarketScenario scenario, OutcomeSummary summary, int? convergenceColumn)
    {
        var schema = summary.Schema;
        var metric = convergenceColumn ?? summary.Convergence.Keys.Order()
            .Select(c => (int?)c)
            .FirstOrDefault(c => schema.Columns[c!.Value].Name == "unmet_hours_total" && summary.Moments[c.Value].StdDev > 0)
            ?? summary.Convergence.Keys.Order().Select(c => (int?)c).FirstOrDefault(c => summary.Moments[c!.Value].StdDev > 0);
        if (metric is not { } k || !summary.Convergence.TryGetValue(k, out var points))
        {
            return null;
        }
        var m = summary.Moments[k];
        var column = schema.Columns[k];
        var trace = points.Append(new ConvergenceChart.Point(m.Count, m.Mean, m.HalfWidth95)).DistinctBy(p => p.Runs).ToList();
        if (trace.Count <= 1)
        {
            return null;
        }
        var label = Label(column, scenario);
        return ConvergenceChart.Draw($"convergence_{column.Name}", $"{label}: the running mean and its 95% confidence band as runs are added; when the band is narrow enough, there are enough runs.",
            $"{label}: running mean", ChartStyle.AxisTitle($"{label}, mean", column.Unit), column.Unit, trace);
    }
}
