using System.Globalization;
using System.Text;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Uncertainty.Sensitivity;
using MarketSim.Simulator.Reports.Charts;
using MarketSim.Simulator.Sensitivity;

namespace MarketSim.Simulator.Reports;

/// <summary>
/// The files of a `marketsim sensitivity --method sobol` folder: sobol.csv (every index in full), a chart per
/// outcome, report.html (the console's tables, the charts and the provenance), the scenario and manifest.json.
/// </summary>
internal static class SobolFiles
{
    /// <summary>Writes every file of the analysis into <paramref name="folder"/>.</summary>
    public static void Write(ResultsFolder folder, string scenarioPath, SobolPlan plan, IReadOnlyList<SobolResult> results, ulong seed, double chartScale)
    {
        var reproduce = Provenance.Command(new[] { "sensitivity", "scenario.yaml", "--method", "sobol", "--base-runs", Whole(plan.Design.BaseSize) }
            .Concat(plan.Metrics.SelectMany(m => new[] { "--metric", m.Name }))
            .Concat(["--seed", seed.ToString(CultureInfo.InvariantCulture)])
            .Concat(Provenance.ChartScale(chartScale)));
        File.WriteAllText(folder.File("sobol.csv"), Csv(plan, results), new UTF8Encoding(false));
        File.WriteAllText(folder.File("scenario.yaml"), plan.Source.EffectiveYaml);
        var labels = new OutcomeLabels(plan.Scenario);
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Html(plan.ScenarioName)).Append(" Sobol sensitivity — MarketSim report</title><style>").Append(HtmlReport.Style).Append("</style></head><body>\n")
            .Append("<h1>Sobol sensitivity of ").Append(Html(plan.ScenarioName)).Append("</h1>\n")
            .Append("<p class=\"muted\">Saltelli design, N = ").Append(Whole(plan.Design.BaseSize)).Append(" base runs, k = ").Append(Whole(plan.Inputs.Count))
            .Append(" uncertain inputs, ").Append(Runs(plan)).Append(", seed ").Append(seed.ToString(CultureInfo.InvariantCulture))
            .Append(". Each bar is a share of the outcome's variance: first-order is the share an input explains alone, total adds its interactions with the others; ")
            .Append("whiskers are ").Append(Whole(SobolAnalysis.BootstrapResamples)).Append("-resample bootstrap 95% intervals. ")
            .Append(Html(Reading)).Append(" Inputs are drawn independently. sobol.csv has every figure in full.</p>\n");
        for (var m = 0; m < results.Count; m++)
        {
            var metric = plan.Metrics[m];
            var label = labels.Label(metric);
            html.Append("<h2>").Append(Html(Title(metric, labels))).Append("</h2>\n<table><tr><th>Input</th><th>First-order (alone), 95% CI</th><th>Total (with interactions), 95% CI</th></tr>");
            foreach (var i in results[m].Inputs.OrderByDescending(i => i.Total))
            {
                html.Append("<tr><td>").Append(Html(InputLabels.Of(i.Name, plan.Inputs, plan.Scenario))).Append("</td><td>").Append(Html(Percent(i.FirstOrder, i.FirstOrderInterval)))
                    .Append("</td><td>").Append(Html(Percent(i.Total, i.TotalInterval))).Append("</td></tr>");
            }
            html.Append("</table>\n");
            var bars = results[m].Inputs.Select(i => new SobolChart.Bar(InputLabels.Of(i.Name, plan.Inputs, plan.Scenario), i.FirstOrder, i.FirstOrderInterval.Low, i.FirstOrderInterval.High, i.Total, i.TotalInterval.Low, i.TotalInterval.High)).ToList();
            var chart = SobolChart.Draw($"sobol_{metric.Name}", $"{Title(metric, labels)}: each input's first-order and total Sobol index, with bootstrap 95% intervals.",
                $"{label}: Sobol indices", $"Share of the variance of the outcome ({OutcomeLabels.Unit(metric.Unit)}) explained (%)", bars);
            var (file, caption, svg) = ChartFiles.Write(folder.File("charts"), [chart], chartScale)[0];
            Reports.Html.Figure(html, file, caption, svg);
        }
        html.Append(Provenance.Html(
            [
                ["Scenario", Path.GetFileName(scenarioPath), plan.Source.Sha256],
                ["Seed", seed.ToString(CultureInfo.InvariantCulture)],
                ["Base runs N, inputs k, runs (k + 2)·N", $"{Whole(plan.Design.BaseSize)}, {Whole(plan.Inputs.Count)}, {Whole(plan.Runs)}"],
            ],
            reproduce));
        html.Append("</body></html>\n");
        File.WriteAllText(folder.File("report.html"), html.ToString());
        Manifest.Write(folder, json =>
        {
            json.WriteString("command", "sensitivity");
            json.WriteString("method", "sobol");
            json.WriteString("scenario_file", Path.GetFullPath(scenarioPath));
            json.WriteString("scenario_sha256", plan.Source.Sha256);
            json.WriteNumber("seed", seed);
            json.WriteStartObject("design");
            json.WriteString("kind", "saltelli");
            json.WriteNumber("base_runs", plan.Design.BaseSize);
            json.WriteNumber("inputs", plan.Inputs.Count);
            json.WriteNumber("runs", plan.Runs);
            json.WriteNumber("seed", plan.Design.Seed);
            json.WriteNumber("bootstrap_resamples", SobolAnalysis.BootstrapResamples);
            json.WriteString("model_randomness", "runs sharing a base row j share intrinsic run index j");
            json.WriteEndObject();
            json.WriteStartArray("metrics");
            foreach (var m in plan.Metrics)
            {
                json.WriteStringValue(m.Name);
            }
            json.WriteEndArray();
            json.WriteString("reproduce", reproduce);
        });
    }

    /// <summary>
    /// How to read the indices beyond what they are: that the model's own randomness is variance no input explains (so the
    /// indices can sum to far less than 100%), and what an estimate below 0 or an interval across 0 says; for the console and report.html.
    /// </summary>
    public const string Reading = "Runs that share a base row share the model's own random numbers, so its noise is variance that no input explains, "
        + "and the indices can sum to far less than 100%. An estimate below 0, or an interval that reaches 0, is a share too small to tell from noise "
        + "with these runs: more --base-runs narrow the intervals.";

    /// <summary>The design's runs and the period each covers: "5,120 runs of the 5-year horizon".</summary>
    public static string Runs(SobolPlan plan) =>
        string.Create(CultureInfo.InvariantCulture, $"{plan.Runs:N0} runs of the {SummarySentences.Horizon(plan.Scenario)}");

    /// <summary>An outcome's heading: "Share of the variance of unmet care (hours)".</summary>
    public static string Title(OutcomeColumn metric, OutcomeLabels labels) =>
        $"Share of the variance of {OutcomeLabels.InSentence(SensitivityFiles.ShortLabel(labels, metric))}";

    /// <summary>A Sobol index with its bootstrap 95% interval, in percent, for the console and report.html.</summary>
    public static string Percent(double share, ConfidenceInterval interval) =>
        $"{Quantity.Share(share)} ({Quantity.Share(interval.Low)} to {Quantity.Share(interval.High)})";

    /// <summary>sobol.csv: one row per outcome and input.</summary>
    private static string Csv(SobolPlan plan, IReadOnlyList<SobolResult> results)
    {
        var csv = new StringBuilder("outcome,input,first_order,first_order_ci_low,first_order_ci_high,total,total_ci_low,total_ci_high,base_runs,runs\n");
        for (var m = 0; m < results.Count; m++)
        {
            foreach (var i in results[m].Inputs)
            {
                csv.AppendJoin(',', plan.Metrics[m].Name, i.Name, Numbers.Exact(i.FirstOrder), Numbers.Exact(i.FirstOrderInterval.Low), Numbers.Exact(i.FirstOrderInterval.High),
                    Numbers.Exact(i.Total), Numbers.Exact(i.TotalInterval.Low), Numbers.Exact(i.TotalInterval.High), Whole(plan.Design.BaseSize), Whole(plan.Runs)).Append('\n');
            }
        }
        return csv.ToString();
    }

    private static string Html(string text) => Reports.Html.E(text);

    private static string Whole(long n) => n.ToString(CultureInfo.InvariantCulture);
}
