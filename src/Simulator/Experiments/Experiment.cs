using System.Diagnostics;
using MarketSim.Grains.Market;
using MarketSim.Grains.Outcomes;
using MarketSim.Silo.Runs;
using MarketSim.Simulator.Reports;
using MarketSim.Simulator.RiskShare;
using MarketSim.Simulator.Scenarios;
using MarketSim.Simulator.Statistics;

namespace MarketSim.Simulator.Experiments;

/// <summary>
/// Runs an experiment end to end on the embedded silo: load and validate the scenario, run the
/// Monte Carlo runs, stream runs.csv and the summary, write summary.json, the scenario copy and
/// manifest.json, then commit the results folder atomically.
/// </summary>
public static class Experiment
{
    /// <summary>
    /// Runs <paramref name="options"/>. Throws <see cref="ScenarioException"/> for a bad scenario (before
    /// anything is written), <see cref="IOException"/> for an unusable output folder, and
    /// <see cref="OperationCanceledException"/> when cancelled (the partial folder is removed).
    /// </summary>
    public static ExperimentResult Run(ExperimentOptions options, Action<long>? onRunsDone = null, CancellationToken cancellation = default)
    {
        var scenario = ScenarioLoader.Load(options.ScenarioPath);
        var plan = new RunPlan(options.Seed, options.Runs, options.Threads, options.BatchSize);
        var startedAt = DateTimeOffset.UtcNow;
        using var folder = ResultsFolder.Begin(options.OutDir, options.Overwrite);
        var schema = new OutcomeSchema(scenario);
        var summary = new OutcomeSummary(schema);
        var series = new SeriesSummary(schema);
        var riskShare = new RiskShareComparison(scenario, schema);
        var clock = Stopwatch.StartNew();
        using (var csv = new RunsCsvWriter(folder.File("runs.csv"), schema))
        {
            MonteCarloRunner.Run(() => new Market(scenario), plan, new FanOut(csv, summary, series, riskShare), onRunsDone, cancellation);
        }
        clock.Stop();
        SummaryJson.Write(folder.File("summary.json"), scenario.Name, options.Seed, summary);
        SeriesCsv.Write(folder.File("series.csv"), series);
        if (riskShare.Lines.Count > 0)
        {
            RiskShareFiles.Write(folder, riskShare);
        }
        File.WriteAllText(folder.File("scenario.yaml"), ScenarioLoader.EffectiveYaml(options.ScenarioPath));
        Manifest.Write(folder.File("manifest.json"), options, plan, startedAt, clock.Elapsed);
        folder.Commit();
        return new ExperimentResult(scenario, summary, riskShare, clock.Elapsed, Path.GetFullPath(options.OutDir));
    }

    private sealed class FanOut(params IOutcomeSink[] sinks) : IOutcomeSink
    {
        public void Accept(long firstRun, int count, ReadOnlySpan<double> outcomes)
        {
            foreach (var sink in sinks)
            {
                sink.Accept(firstRun, count, outcomes);
            }
        }
    }
}
