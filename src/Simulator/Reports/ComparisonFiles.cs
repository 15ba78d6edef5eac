using System.Globalization;
using System.Net;
using System.Text;
using System.Xml.Linq;
using MarketSim.Simulator.Comparison;
using MarketSim.Simulator.Reports.Charts;

namespace MarketSim.Simulator.Reports;

/// <summary>
/// The files of a `marketsim compare` folder besides each scenario's runs.csv: compare.csv (one row
/// per other scenario and outcome, the paired difference OTHER − BASE), the charts of the differences
/// (<see cref="ComparisonCharts"/>) and report.html (the charts and a table per other scenario, in the style of the run report).
/// </summary>
public static class ComparisonFiles
{
    /// <summary>compare.csv's header.</summary>
    public const string CsvHeader = "scenario,scenario_file,outcome,unit,worse_when,runs_paired,runs_left_out,base_mean,other_mean,mean_difference,difference_se,ci95_low,ci95_high,p_other_worse,p_other_worse_low,p_other_worse_high";

    /// <summary>Writes compare.csv, the charts (their PNGs at <paramref name="chartScale"/>) and report.html into <paramref name="folder"/>.</summary>
    public static void Write(ResultsFolder folder, ComparisonPlan plan, IReadOnlyList<ComparisonResult> results, ulong seed, long runs, double chartScale = ChartFiles.DefaultScale)
    {
        File.WriteAllText(folder.File("compare.csv"), Csv(results), new UTF8Encoding(false));
        var charts = ChartFiles.Write(folder.File("charts"), ComparisonCharts.Build(plan, results, runs), chartScale);
        File.WriteAllText(folder.File("report.html"), Html(plan, results, seed, runs, chartScale, charts));
    }

    /// <summary>The text of compare.csv.</summary>
    public static string Csv(IReadOnlyList<ComparisonResult> results)
    {
        var csv = new StringBuilder(CsvHeader).Append('\n');
        foreach (var (counterpart, differences) in results)
        {
            foreach (var d in differences)
            {
                var half = d.Difference.HalfWidth95;
                var mean = d.Pairs > 0 ? d.Difference.Mean : double.NaN;
                csv.AppendJoin(',',
                    counterpart.Scenario.Folder, CsvField.Of(Path.GetFileName(counterpart.Scenario.Path)), d.Outcome.Name, CsvField.Of(d.Outcome.Unit), OutcomeDirection.Text(d.Outcome.WorseWhen),
                    d.Pairs.ToString(CultureInfo.InvariantCulture), d.LeftOut.ToString(CultureInfo.InvariantCulture),
                    Numbers.Exact(d.Pairs > 0 ? d.Base.Mean : double.NaN), Numbers.Exact(d.Pairs > 0 ? d.Other.Mean : double.NaN), Numbers.Exact(mean),
                    Numbers.Exact(d.Pairs > 0 ? d.Difference.StdError : double.NaN), Numbers.Exact(mean - half), Numbers.Exact(mean + half),
                    Numbers.Exact(d.ProbabilityOtherWorse), Numbers.Exact(d.OtherWorse?.Low95 ?? double.NaN), Numbers.Exact(d.OtherWorse?.High95 ?? double.NaN)).Append('\n');
            }
        }
        return csv.ToString();
    }

    private static string Html(ComparisonPlan plan, IReadOnlyList<ComparisonResult> results, ulong seed, long runs, double chartScale, IReadOnlyList<(string File, string Caption, XElement Svg)> charts)
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(plan.Base.Scenario.Name)).Append(" compared — MarketSim report</title><style>").Append(HtmlReport.Style).Append("</style></head><body>\n")
            .Append("<h1>Compared with ").Append(E(plan.Title(plan.Base))).Append("</h1>\n")
            .Append("<p class=\"muted\">Each scenario ran ").Append(runs.ToString("N0", CultureInfo.InvariantCulture)).Append(" simulated futures of the ")
            .Append(E(SummarySentences.Horizon(plan.Base.Scenario, withWeeks: true))).Append(" from seed ")
            .Append(seed.ToString(CultureInfo.InvariantCulture)).Append("; ").Append(E(Period(plan))).Append(". Run k of every scenario uses the same random numbers (common random numbers), ")
            .Append("so each difference is OTHER − BASE run by run; its 95% confidence interval is the mean ± 1.96 standard errors of the paired differences. ")
            .Append("P(other worse) is the share of paired runs in which the other scenario is worse, in the direction named, with its 95% (Wilson score) interval, which is not empty when no run or every run is worse.</p>\n");
        var notCharted = ComparisonCharts.NotChartedNote(plan, results);
        if (charts.Count > 0 || notCharted is not null)
        {
            html.Append("<h2>Differences at a glance</h2>\n");
            foreach (var (file, caption, svg) in charts)
            {
                Reports.Html.Figure(html, file, caption, svg);
            }
            if (notCharted is not null)
            {
                html.Append("<p class=\"muted\" id=\"not-charted\">").Append(E(notCharted)).Append("</p>\n");
            }
        }
        html.Append(Section(plan, results));
        html.Append(Provenance.Html(
            new[] { plan.Base }.Concat(plan.Others.Select(o => o.Scenario)).Select(s => new[] { $"{s.Folder}/scenario.yaml", Path.GetFileName(s.Path), s.Source.Sha256 }),
            Reproduce(plan, seed, runs, chartScale)));
        html.Append("</body></html>\n");
        return html.ToString();
    }

    /// <summary>
    /// What period the compared outcomes cover, in words, for the console's titles and report.html: "outcomes over the 5-year
    /// horizon (totals, means over its weeks or peaks)"; every scenario of a comparison shares the base's horizon.
    /// </summary>
    public static string Period(ComparisonPlan plan) => $"outcomes over the {SummarySentences.Horizon(plan.Base.Scenario)} (totals, means over its weeks or peaks)";

    /// <summary>The report's section: a table per other scenario, then what was left out and what only one scenario reports.</summary>
    public static string Section(ComparisonPlan plan, IReadOnlyList<ComparisonResult> results)
    {
        var html = new StringBuilder();
        foreach (var (counterpart, differences) in results)
        {
            html.Append("<h2>").Append(E(plan.Title(counterpart.Scenario))).Append(" − ").Append(E(plan.Title(plan.Base))).Append("</h2>\n")
                .Append("<table><tr><th>Outcome</th><th>Worse when</th><th>Base mean</th><th>Other mean</th><th>Difference (95% CI)</th><th>P(other worse) (95% CI)</th><th>Runs paired</th></tr>");
            var footing = TableFooting(differences);
            foreach (var d in differences)
            {
                var (baseMean, otherMean, difference) = Figures(d, footing);
                html.Append("<tr><td title=\"").Append(E(d.Outcome.Name)).Append("\">").Append(E(d.Outcome.Label)).Append("</td><td>").Append(OutcomeDirection.Text(d.Outcome.WorseWhen))
                    .Append("</td><td>").Append(E(baseMean))
                    .Append("</td><td>").Append(E(otherMean))
                    .Append("</td><td>").Append(E(difference))
                    .Append("</td><td>").Append(E(OtherWorse(d)))
                    .Append("</td><td>").Append(d.Pairs.ToString("N0", CultureInfo.InvariantCulture)).Append("</td></tr>");
            }
            html.Append("</table>\n");
            foreach (var note in Notes(plan.Base, counterpart, differences))
            {
                html.Append("<p class=\"muted\">").Append(E(note)).Append("</p>\n");
            }
        }
        return html.ToString();
    }

    /// <summary>
    /// The footing of one other scenario's table, unit by unit over its base and other means, differences and their 95%
    /// half-widths: when one figure of a unit is written with k, m or bn, the others from 1,000 are too (+7.35k ± 1.25k above +385k ± 17.4k).
    /// </summary>
    public static Footing TableFooting(IEnumerable<PairedDifference> differences) =>
        Footing.Of(differences.Where(d => d.Pairs > 0).SelectMany(d => new[]
        {
            (d.Base.Mean, d.Outcome.Unit), (d.Other.Mean, d.Outcome.Unit), (d.Difference.Mean, d.Outcome.Unit), (d.Difference.HalfWidth95, d.Outcome.Unit),
        }));

    /// <summary>
    /// A row's base mean, other mean and "difference ± 95% half-width" on <paramref name="footing"/>, the two on one scale
    /// (<see cref="Footing.PlusMinus"/>), as the console and report.html write them; "n/a" without pairs.
    /// </summary>
    public static (string Base, string Other, string Difference) Figures(PairedDifference d, Footing footing)
    {
        if (d.Pairs == 0)
        {
            return ("n/a", "n/a", "n/a");
        }
        var unit = d.Outcome.Unit;
        return (footing.Format(d.Base.Mean, unit), footing.Format(d.Other.Mean, unit),
            footing.PlusMinus(d.Difference.Mean, d.Difference.HalfWidth95, unit, signed: true));
    }

    /// <summary>P(other worse) with its 95% Wilson interval, as the console and report.html write it: "2.5% (1.1–5.7%)", "0% (0–1.9%)"; "n/a" when neither direction is worse.</summary>
    public static string OtherWorse(PairedDifference d) =>
        Quantity.Chance(d.OtherWorse);

    /// <summary>Sentences on runs left out of the pairs and outcomes only one scenario reports, in words for people, for the console and the report.</summary>
    public static IEnumerable<string> Notes(ComparedScenario baseScenario, Counterpart counterpart, IReadOnlyList<PairedDifference> differences)
    {
        foreach (var d in differences.Where(d => d.LeftOut > 0))
        {
            yield return LeftOutNote(d.Outcome.Label, d.LeftOut, d.Pairs);
        }
        if (counterpart.OnlyInBase.Count > 0)
        {
            var labels = new OutcomeLabels(baseScenario.Scenario);
            yield return $"Only in the base ({Path.GetFileName(counterpart.Scenario.Path)} lacks them, not compared): {string.Join("; ", counterpart.OnlyInBase.Select(labels.Short))}.";
        }
        if (counterpart.OnlyInOther.Count > 0)
        {
            var labels = new OutcomeLabels(counterpart.Scenario.Scenario);
            yield return $"Only in {Path.GetFileName(counterpart.Scenario.Path)} (the base lacks them, not compared): {string.Join("; ", counterpart.OnlyInOther.Select(labels.Short))}.";
        }
    }

    /// <summary>The sentence on an outcome's runs left out of the pairs because it is empty in either scenario, for the command line and the workbench alike.</summary>
    public static string LeftOutNote(string label, long leftOut, long pairs) =>
        string.Create(CultureInfo.InvariantCulture, $"{label}: {leftOut:N0} of {leftOut + pairs:N0} runs left out of the pairs (empty, not applicable, in either scenario).");

    /// <summary>
    /// The command that reproduces the comparison from the scenarios' copies, run in the results folder:
    /// each copy's folder names its results subfolder again, and the metrics named and a --chart-scale other than 1 are named again.
    /// </summary>
    public static string Reproduce(ComparisonPlan plan, ulong seed, long runs, double chartScale) =>
        Provenance.Command(new[] { "compare" }
            .Concat(new[] { plan.Base }.Concat(plan.Others.Select(o => o.Scenario)).Select(s => $"{s.Folder}/{ScenarioComparison.CopyFile}"))
            .Concat(plan.Metrics.SelectMany(m => new[] { "--metric", m }))
            .Concat(["--runs", runs.ToString(CultureInfo.InvariantCulture), "--seed", seed.ToString(CultureInfo.InvariantCulture)])
            .Concat(Provenance.ChartScale(chartScale)));

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
