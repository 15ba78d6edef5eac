using MarketSim.Grains.Uncertainty.Sensitivity;
using MarketSim.Simulator.Reports;
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
            cli.Signals.ThrowIfStopped();
            SobolFiles.Write(folder, scenarioPath, plan, results, seed, chartScale);
            cli.Signals.ThrowIfStopped();
            folder.Commit();
            if (folder.Warning is { } leftover)
            {
                cli.Error.WriteLine($"warning: {leftover}");
            }
            Print(cli, plan, results);
            cli.Output.WriteLine($"Results: {Path.GetFullPath(outDir)}");
            return cli.Signals.ExitCodeOnceWritten(cli.Error, $"the results were already written in {Path.GetFullPath(outDir)}");
        }, outDir);

    private static void Print(MarketSimCli cli, SobolPlan plan, IReadOnlyList<SobolResult> results)
    {
        var console = TableConsole.For(cli.Output, cli.Interactive, cli.ConsoleWidth);
        var labels = new OutcomeLabels(plan.Scenario);
        for (var m = 0; m < results.Count; m++)
        {
            var table = new FittedTable($"{SobolFiles.Title(plan.Metrics[m], labels)} explained by each input ({SobolFiles.Runs(plan)})")
                .Text("Input").Number("First-order (alone), 95% CI").Number("Total (with interactions), 95% CI");
            foreach (var i in results[m].Inputs.OrderByDescending(i => i.Total))
            {
                table.AddRow(InputLabels.Of(i.Name, plan.Inputs, plan.Scenario), SobolFiles.Percent(i.FirstOrder, i.FirstOrderInterval), SobolFiles.Percent(i.Total, i.TotalInterval));
            }
            console.Write(table);
        }
        TableConsole.WriteWrapped(cli.Output, $"First-order: the share of the variance an input explains alone; total: with its interactions with the others; 95% bootstrap intervals. {SobolFiles.Reading}", cli.ConsoleWidth);
    }
}
