using System.Globalization;
using System.Net;
using System.Text;
using System.Xml.Linq;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Uncertainty.Sensitivity;
using MarketSim.Simulator.Reports;
using MarketSim.Simulator.Reports.Charts;
using MarketSim.Simulator.Scenarios;
using MarketSim.Simulator.Sensitivity;

namespace MarketSim.Simulator.Cli;

/// <summary>`marketsim sensitivity SCENARIO --method sobol`: first-order and total Sobol indices of the uncertain inputs, with sobol.csv, a chart per outcome and report.html.</summary>
internal static class SobolSensitivity
{
    /// <summary>Plans, runs and writes the analysis; returns the exit code.</summary>
    public static int Run(MarketSimCli cli, string scenarioPath, IReadOnlyList<string> metrics, int baseRuns, ulong seed, string outDir, int threads, bool overwrite, bool quiet, double chartScale) =>
        CommandErrors.Handle(cli, () =>
        {
            // Everything is checked before the results folder is begun, so bad input leaves nothing behind.
            var plan = SobolAnalysis.Plan(scenarioPath, metrics, baseRuns, seed);
            if (plan.HasCorrelations)
            {
                cli.Error.WriteLine("warning: the scenario's correlations are not applied with --method sobol: Sobol indices assume independent inputs, so each input is drawn on its own");
            }
            using var folder = ResultsFolder.Begin(outDir, overwrite);
            var results = new ProgressDisplay(cli.Error, cli.Interactive, quiet).Run(plan.Runs, progress =>
                SobolAnalysis.Run(plan, seed, threads, n => progress(n, null), cli.Signals.Stop));
            Write(folder, scenarioPath, plan, results, seed, chartScale);
            folder.Commit();
            Print(cli, plan, results);
            cli.Output.WriteLine($"Results: {Path.GetFullPath(outDir)}");
            return ExitCodes.Ok;
        });

    private static void Write(ResultsFolder folder, string scenarioPath, SobolPlan plan, IReadOnlyList<SobolResult> results, ulong seed, double chartScale)
    {
        File.WriteAllText(folder.File("sobol.csv"), Csv(plan, results), new UTF8Encoding(false));
        File.WriteAllText(folder.File("scenario.yaml"), ScenarioLoader.EffectiveYaml(scenarioPath));
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sobol sensitivity</title>")
            .Append("<style>body{font-family:\"Segoe UI\",Helvetica,Arial,sans-serif;margin:2rem auto;max-width:1000px;color:#222}svg{max-width:100%;height:auto}</style></head><body>")
            .Append("<h1>Sobol sensitivity of ").Append(WebUtility.HtmlEncode(Path.GetFileName(scenarioPath))).Append("</h1>")
            .Append("<p>Saltelli design, N = ").Append(Whole(plan.Design.BaseSize)).Append(" base runs, k = ").Append(Whole(plan.Inputs.Count))
            .Append(" uncertain inputs, ").Append(Whole(plan.Runs)).Append(" runs, seed ").Append(seed.ToString(CultureInfo.InvariantCulture))
            .Append(". Each bar is a share of the outcome's variance: first-order is the share an input explains alone, total adds its interactions with the others; ")
            .Append("whiskers are ").Append(Whole(SobolAnalysis.BootstrapResamples)).Append("-resample bootstrap 95% intervals. ")
            .Append("Runs that share a base row share the model's own random numbers, so its noise is variance that no input explains. Inputs are drawn independently.</p>");
        for (var m = 0; m < results.Count; m++)
        {
            var metric = plan.Metrics[m];
            var bars = results[m].Inputs.Select(i => new SobolChart.Bar(i.Name, i.FirstOrder, i.FirstOrderInterval.Low, i.FirstOrderInterval.High, i.Total, i.TotalInterval.Low, i.TotalInterval.High)).ToList();
            var chart = SobolChart.Draw($"sobol_{metric.Name}", Label(metric), $"Sobol indices of {metric.Name}", $"Share of the variance of {metric.Name} ({ChartStyle.UnitText(metric.Unit)}) explained (%)", bars);
            var (_, _, svg) = ChartFiles.Write(folder.File("charts"), [chart], chartScale)[0];
            html.Append("<h2>").Append(WebUtility.HtmlEncode(Label(metric))).Append("</h2><figure>").Append(svg.ToString(SaveOptions.DisableFormatting)).Append("</figure>");
        }
        html.Append("</body></html>\n");
        File.WriteAllText(folder.File("report.html"), html.ToString());
        Manifest.Write(folder, json =>
        {
            json.WriteString("command", "sensitivity");
            json.WriteString("method", "sobol");
            json.WriteString("scenario_file", Path.GetFullPath(scenarioPath));
            json.WriteString("scenario_sha256", Manifest.ScenarioHash(scenarioPath));
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
        });
    }

    /// <summary>sobol.csv: one row per outcome and input.</summary>
    internal static string Csv(SobolPlan plan, IReadOnlyList<SobolResult> results)
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

    private static void Print(MarketSimCli cli, SobolPlan plan, IReadOnlyList<SobolResult> results)
    {
        var console = TableConsole.For(cli.Output, cli.Interactive, cli.ConsoleWidth);
        for (var m = 0; m < results.Count; m++)
        {
            var table = new FittedTable($"{Label(plan.Metrics[m])} explained by each input ({Whole(plan.Runs)} runs)")
                .Text("Input").Number("First-order (alone), 95% CI").Number("Total (with interactions), 95% CI");
            foreach (var i in results[m].Inputs.OrderByDescending(i => i.Total))
            {
                table.AddRow(i.Name, Percent(i.FirstOrder, i.FirstOrderInterval), Percent(i.Total, i.TotalInterval));
            }
            console.Write(table);
        }
    }

    private static string Label(OutcomeColumn metric) =>
        $"Share of the variance of {char.ToLowerInvariant(metric.Description[0])}{metric.Description[1..]} ({metric.Unit})";

    private static string Percent(double share, ConfidenceInterval interval) =>
        string.Create(CultureInfo.InvariantCulture, $"{share * 100:0.0}% ({interval.Low * 100:0.0}% to {interval.High * 100:0.0}%)");

    private static string Whole(long n) => n.ToString(CultureInfo.InvariantCulture);
}
