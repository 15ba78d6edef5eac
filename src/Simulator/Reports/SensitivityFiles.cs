using System.Globalization;
using System.Text;
using MarketSim.Grains.Outcomes;
using MarketSim.Simulator.Reports.Charts;
using MarketSim.Simulator.Scenarios;
using MarketSim.Simulator.Sensitivity;
using Effect = MarketSim.Simulator.Sensitivity.SensitivityAnalysis.Effect;

namespace MarketSim.Simulator.Reports;

/// <summary>
/// The files of a one-at-a-time `marketsim sensitivity` folder: sensitivity.csv (the ends), spider.csv
/// (every point), a tornado and a spider chart per outcome, and report.html (the console's tables, the
/// charts and the provenance); outcomes and inputs are labelled for people as `run` and `compare` label them.
/// </summary>
internal static class SensitivityFiles
{
    /// <summary>The headers of each outcome's table, in the console and report.html.</summary>
    public static readonly string[] Headers = ["Input", "Setting", "Value", "Mean", "Change ± 95% CI"];

    /// <summary>One outcome's table: its title and a row per input and setting (input, setting, value, mean, change ± 95% CI).</summary>
    public sealed record Table(string Metric, string Title, IReadOnlyList<string[]> Rows);

    /// <summary>
    /// Each outcome's table, with the outcome's label and unit ("Unmet care (hours)"), the inputs in words
    /// ("providers › SLP A › capacity weekly hours"), and figures as `compare` writes them (£1.2m, −93.5k), the title's
    /// base-case mean, the means and the changes on one <see cref="Footing"/> (+12.2k ± 7.89k, not +12.2k ± 7,889).
    /// </summary>
    public static IReadOnlyList<Table> Tables(SensitivityPlan plan, IReadOnlyList<Effect> effects, long runs)
    {
        var labels = new OutcomeLabels(plan.Base);
        return [.. plan.Metrics.Select(metric =>
        {
            var column = Column(plan, metric);
            var ofMetric = effects.Where(e => e.Metric == metric).ToList();
            var baseMean = ofMetric.Count > 0 ? ofMetric[0].BaseMean : double.NaN;
            var unit = column.Unit;
            var footing = Footing.Of(ofMetric.SelectMany(e => new[] { (e.VariantMean, unit), (e.Difference.Mean, unit), (e.Difference.HalfWidth95, unit) }).Append((baseMean, unit)));
            var title = string.Create(CultureInfo.InvariantCulture,
                $"{ShortLabel(labels, column)}: base case mean {footing.Format(baseMean, unit)}; each input varied alone, {runs:N0} runs of the {SummarySentences.Horizon(plan.Base)} each, paired with the base case");
            var rows = ofMetric.Select(e => new[]
            {
                FieldLabels.Of(e.Parameter, plan.Base),
                e.Setting,
                Numbers.Setting(e.Value),
                footing.Format(e.VariantMean, unit),
                $"{footing.Format(e.Difference.Mean, unit, signed: true)} ± {footing.Format(e.Difference.HalfWidth95, unit)}",
            }).ToList();
            return new Table(metric, title, rows);
        })];
    }

    /// <summary>Writes sensitivity.csv, spider.csv, the charts and report.html into <paramref name="folder"/>.</summary>
    public static void Write(ResultsFolder folder, SensitivityPlan plan, IReadOnlyList<Effect> effects, string scenarioPath, ulong seed, long runs, int points, double chartScale, string reproduce)
    {
        var csv = new StringBuilder("parameter,setting,value,value_unit,metric,unit,base_mean,variant_mean,mean_difference,ci95_low,ci95_high\n");
        foreach (var e in effects.Where(e => e.IsEnd))
        {
            var half = e.Difference.HalfWidth95;
            csv.AppendJoin(',', e.Parameter, e.Setting, Numbers.Exact(e.Value), CsvField.Of(FieldUnits.Of(e.Parameter)), e.Metric, CsvField.Of(Column(plan, e.Metric).Unit),
                Numbers.Exact(e.BaseMean), Numbers.Exact(e.VariantMean), Numbers.Exact(e.Difference.Mean), Numbers.Exact(e.Difference.Mean - half), Numbers.Exact(e.Difference.Mean + half)).Append('\n');
        }
        File.WriteAllText(folder.File("sensitivity.csv"), csv.ToString(), new UTF8Encoding(false));
        File.WriteAllText(folder.File("spider.csv"), SpiderCsv(plan, effects), new UTF8Encoding(false));
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Html.E(plan.Base.Name)).Append(" sensitivity — MarketSim report</title><style>").Append(HtmlReport.Style).Append("</style></head><body>\n")
            .Append("<h1>Sensitivity of ").Append(Html.E(plan.Base.Name)).Append("</h1>\n")
            .Append("<p class=\"muted\">One input at a time, ").Append(runs.ToString("N0", CultureInfo.InvariantCulture)).Append(" runs each, seed ").Append(seed.ToString(CultureInfo.InvariantCulture))
            .Append(", common random numbers: each change is the mean paired difference from the base case, run by run, with its 95% confidence interval (mean ± 1.96 standard errors). ")
            .Append("Each tornado bar is that change at the input's low or high value; each spider chart shows the outcome's mean at ").Append(points.ToString(CultureInfo.InvariantCulture))
            .Append(" evenly spaced values of each input, from its low (0%) to its high (100%) value. sensitivity.csv and spider.csv have every figure in full.</p>\n");
        var labels = new OutcomeLabels(plan.Base);
        foreach (var table in Tables(plan, effects, runs))
        {
            var column = Column(plan, table.Metric);
            html.Append("<h2>").Append(Html.E(ShortLabel(labels, column))).Append("</h2>\n<p class=\"muted\">").Append(Html.E(table.Title)).Append(".</p>\n");
            Html.Header(html, Headers);
            foreach (var row in table.Rows)
            {
                Html.Row(html, [.. row.Select(Html.E)]);
            }
            html.Append("</table>\n");
            var charts = Charts(plan, effects, column, labels.Label(column));
            if (charts.Count > 0)
            {
                foreach (var (file, caption, svg) in ChartFiles.Write(folder.File("charts"), charts, chartScale))
                {
                    Html.Figure(html, file, caption, svg);
                }
            }
        }
        html.Append(Provenance.Html(
            [
                ["Scenario", Path.GetFileName(scenarioPath), plan.Source.Sha256],
                ["Seed", seed.ToString(CultureInfo.InvariantCulture)],
                ["Runs for the base and each variant", runs.ToString("N0", CultureInfo.InvariantCulture)],
                ["Values per input", points.ToString(CultureInfo.InvariantCulture)],
            ],
            reproduce));
        html.Append("</body></html>\n");
        File.WriteAllText(folder.File("report.html"), html.ToString());
    }

    private static List<Chart> Charts(SensitivityPlan plan, IReadOnlyList<Effect> effects, OutcomeColumn column, string label)
    {
        var ofMetric = effects.Where(e => e.Metric == column.Name).ToList();
        var bars = ofMetric.GroupBy(e => e.Parameter)
            .Select(g => (Low: g.Single(e => e.Setting == "low"), High: g.Single(e => e.Setting == "high"), Parameter: g.Key))
            .Select(b => new TornadoChart.Bar(FieldLabels.Of(b.Parameter, plan.Base), b.Low.Difference.Mean, b.High.Difference.Mean, b.Low.Difference.HalfWidth95, b.High.Difference.HalfWidth95))
            .ToList();
        if (bars.Count == 0)
        {
            return [];
        }
        var lower = OutcomeLabels.InSentence(label);
        var unit = column.Unit;
        var tornado = TornadoChart.Draw($"tornado_{column.Name}", $"Change in the mean of {lower} from the base case with each input at its low and its high value, with 95% intervals of the paired difference.",
            $"{label}: each input at its low and high value", ChartStyle.AxisTitle("Change in the mean from the base case", unit), unit, bars);
        var lines = ofMetric.GroupBy(e => e.Parameter)
            .Select(g => new SpiderChart.Line($"{FieldLabels.Of(g.Key, plan.Base)} ({Numbers.Setting(g.First().Value)} to {Numbers.Setting(g.Last().Value)})", [.. g.Select(e => (e.Position, e.VariantMean))]))
            .ToList();
        var spider = SpiderChart.Draw($"spider_{column.Name}", $"The mean of {lower} with each input at evenly spaced values from its low to its high value, the others at their base values.",
            $"{label}: each input from its low to its high value", ChartStyle.AxisTitle("Mean over the runs", unit), unit, lines, ofMetric[0].BaseMean);
        return [tornado, spider];
    }

    private static string SpiderCsv(SensitivityPlan plan, IReadOnlyList<Effect> effects)
    {
        var csv = new StringBuilder("parameter,setting,position,value,value_unit,metric,unit,base_mean,variant_mean,mean_difference,ci95_low,ci95_high\n");
        foreach (var e in effects.GroupBy(e => e.Metric).SelectMany(g => g))
        {
            var half = e.Difference.HalfWidth95;
            csv.AppendJoin(',', e.Parameter, e.Setting, Numbers.Exact(e.Position), Numbers.Exact(e.Value), CsvField.Of(FieldUnits.Of(e.Parameter)), e.Metric, CsvField.Of(Column(plan, e.Metric).Unit),
                Numbers.Exact(e.BaseMean), Numbers.Exact(e.VariantMean), Numbers.Exact(e.Difference.Mean), Numbers.Exact(e.Difference.Mean - half), Numbers.Exact(e.Difference.Mean + half)).Append('\n');
        }
        return csv.ToString();
    }

    private static OutcomeColumn Column(SensitivityPlan plan, string metric) => plan.Schema.Columns[plan.Schema.IndexOf(metric)];

    /// <summary>An outcome's short label with its unit, as `compare` shows it ("Unmet care (hours)"); for a column without one, its label and unit.</summary>
    internal static string ShortLabel(OutcomeLabels labels, OutcomeColumn column) =>
        labels.Short(column.Name) is var label && label != column.Name ? label : labels.WithUnit(column);
}
