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

    /// <summary>
    /// One outcome's table: its title, a row per input and setting (input, setting, value, mean, change ± 95% CI) and the
    /// notes on runs left out of the pairs (an outcome empty in some runs, such as the week of the first failure).
    /// </summary>
    public sealed record Table(string Metric, string Title, IReadOnlyList<string[]> Rows, IReadOnlyList<string> Notes);

    /// <summary>
    /// Each outcome's table, with the outcome's label and unit ("Unmet care (hours)"), the inputs in words
    /// ("providers › SLP A › capacity weekly hours"), and figures as `compare` writes them (£1.2m, −93.5k), the title's
    /// base-case mean, the means and the changes on one <see cref="Footing"/> (+12.2k ± 7.9k, not +12.2k ± 7,889), each change and its half-width on one scale.
    /// </summary>
    public static IReadOnlyList<Table> Tables(SensitivityPlan plan, IReadOnlyList<Effect> effects, long runs)
    {
        var labels = new OutcomeLabels(plan.Base);
        return [.. plan.Metrics.Select(metric =>
        {
            var column = Column(plan, metric);
            var ofMetric = effects.Where(e => e.Metric == metric).ToList();
            var baseMean = ofMetric.Count > 0 ? ofMetric[0].BaseCaseMean : double.NaN;
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
                footing.PlusMinus(e.Difference.Mean, e.Difference.HalfWidth95, unit, signed: true),
            }).ToList();
            return new Table(metric, title, rows, LeftOutNotes(plan, ShortLabel(labels, column), ofMetric));
        })];
    }

    // The runs left out of each setting's pairs, as `compare` counts them: without the note, a variant's mean and its change
    // (both over the pairs) did not add up to the title's base-case mean (over every base run with a value).
    private static List<string> LeftOutNotes(SensitivityPlan plan, string label, List<Effect> ofMetric)
    {
        var leftOut = ofMetric.Where(e => e.Difference.Missing > 0).ToList();
        if (leftOut.Count == 0)
        {
            return [];
        }
        var inputs = leftOut.GroupBy(e => e.Parameter).Select(g => string.Create(CultureInfo.InvariantCulture,
            $"{FieldLabels.Of(g.Key, plan.Base)}: {string.Join(", ", g.Select(e => $"{e.Setting} {e.Difference.Missing:N0}"))} of {g.First().Difference.Missing + g.First().Difference.Count:N0} runs"));
        return [$"{label}: runs left out of the pairs (empty, not applicable, in the base or the variant): {string.Join("; ", inputs)}. "
            + "Those settings' means and changes are over their paired runs."];
    }

    /// <summary>Writes sensitivity.csv, spider.csv, the charts and report.html into <paramref name="folder"/>.</summary>
    public static void Write(ResultsFolder folder, SensitivityPlan plan, IReadOnlyList<Effect> effects, string scenarioPath, ulong seed, long runs, int points, double chartScale, string reproduce)
    {
        var csv = new StringBuilder("parameter,setting,value,value_unit,metric,unit,").Append(PairedColumns).Append('\n');
        foreach (var e in effects.Where(e => e.IsEnd))
        {
            csv.AppendJoin(',', e.Parameter, e.Setting, Numbers.Exact(e.Value), CsvField.Of(FieldUnits.Of(e.Parameter)), e.Metric, CsvField.Of(Column(plan, e.Metric).Unit), Paired(e)).Append('\n');
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
            foreach (var note in table.Notes)
            {
                html.Append("<p class=\"muted\">").Append(Html.E(note)).Append("</p>\n");
            }
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
            .Select(b => new TornadoChart.Bar(Ranged(plan, b.Parameter, b.Low.Value, b.High.Value), b.Low.Difference.Mean, b.High.Difference.Mean, b.Low.Difference.HalfWidth95, b.High.Difference.HalfWidth95))
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
            .Select(g => new SpiderChart.Line(Ranged(plan, g.Key, g.First().Value, g.Last().Value), [.. g.Select(e => (e.Position, e.VariantMean))]))
            .ToList();
        var spider = SpiderChart.Draw($"spider_{column.Name}", $"The mean of {lower} with each input at evenly spaced values from its low to its high value, the others at their base values.",
            $"{label}: each input from its low to its high value", ChartStyle.AxisTitle("Mean over the runs", unit), unit, lines, ofMetric[0].BaseCaseMean);
        return [tornado, spider];
    }

    // An input in words with the values it was varied between, as the tornado's axis and the spider's legend name it:
    // "providers › all › rate (£ an hour) (14.36 to 16)"; without them the tornado did not say what low and high were.
    private static string Ranged(SensitivityPlan plan, string parameter, double low, double high) =>
        $"{FieldLabels.Of(parameter, plan.Base)} ({Numbers.Setting(low)} to {Numbers.Setting(high)})";

    private static string SpiderCsv(SensitivityPlan plan, IReadOnlyList<Effect> effects)
    {
        var csv = new StringBuilder("parameter,setting,position,value,value_unit,metric,unit,").Append(PairedColumns).Append('\n');
        foreach (var e in effects.GroupBy(e => e.Metric).SelectMany(g => g))
        {
            csv.AppendJoin(',', e.Parameter, e.Setting, Numbers.Exact(e.Position), Numbers.Exact(e.Value), CsvField.Of(FieldUnits.Of(e.Parameter)), e.Metric, CsvField.Of(Column(plan, e.Metric).Unit), Paired(e)).Append('\n');
        }
        return csv.ToString();
    }

    // The paired columns of sensitivity.csv and spider.csv, named and ordered as compare.csv's.
    private const string PairedColumns = "runs_paired,runs_left_out,base_mean,variant_mean,mean_difference,difference_se,ci95_low,ci95_high";

    private static string Paired(Effect e)
    {
        var (d, half) = (e.Difference, e.Difference.HalfWidth95);
        return string.Join(',', d.Count.ToString(CultureInfo.InvariantCulture), d.Missing.ToString(CultureInfo.InvariantCulture), Numbers.Exact(e.BaseMean), Numbers.Exact(e.VariantMean),
            Numbers.Exact(d.Mean), Numbers.Exact(d.StdError), Numbers.Exact(d.Mean - half), Numbers.Exact(d.Mean + half));
    }

    private static OutcomeColumn Column(SensitivityPlan plan, string metric) => plan.Schema.Columns[plan.Schema.IndexOf(metric)];

    /// <summary>An outcome's short label with its unit, as `compare` shows it ("Unmet care (hours)"); for a column without one, its label and unit.</summary>
    internal static string ShortLabel(OutcomeLabels labels, OutcomeColumn column) =>
        labels.Short(column.Name) is var label && label != column.Name ? label : labels.WithUnit(column);
}
