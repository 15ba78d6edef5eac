using MarketSim.Simulator.Scenarios;

namespace MarketSim.Simulator.Experiments;

/// <summary>
/// Runs an experiment end to end, on the embedded silo or on a cluster: load and validate the
/// scenario, run the Monte Carlo runs, stream runs.csv, runs.parquet and the summaries, write summary.json,
/// series.csv, the risk-share files, results.xlsx, the charts and report.html, the scenario and manifest.json,
/// then commit the results folder atomically.
/// </summary>
public static class Experiment
{
    /// <summary>
    /// Runs <paramref name="options"/>. Throws <see cref="ScenarioException"/> for a bad scenario (before
    /// anything is written) and <see cref="IOException"/> for an unusable output folder. When
    /// <paramref name="stop"/> is cancelled the runs end early and the runs finished so far (the first
    /// ones, in run order) are written as a complete folder whose manifest says
    /// <c>stop_reason: interrupted</c>; when none had finished, or <paramref name="abort"/> is cancelled,
    /// <see cref="OperationCanceledException"/> is thrown and nothing is left behind.
    /// </summary>
    /// <remarks><paramref name="onProgress"/> gets the runs done so far and, with a precision target, the current estimate.</remarks>
    public static ExperimentResult Run(ExperimentOptions options, Action<long, string?>? onProgress = null, CancellationToken stop = default, CancellationToken abort = default) =>
        Run(options, onProgress, new PhaseTimings(), stop, abort);

    /// <summary>Runs <paramref name="options"/> as the overload above does, recording how long each phase takes in <paramref name="timings"/>.</summary>
    public static ExperimentResult Run(ExperimentOptions options, Action<long, string?>? onProgress, PhaseTimings timings, CancellationToken stop = default, CancellationToken abort = default)
    {
        using var prepared = Prepare(options, timings, abort);
        return prepared.Run(onProgress, stop, abort);
    }

    /// <summary>
    /// The first step of <see cref="Run(ExperimentOptions, Action{long, string?}?, PhaseTimings, CancellationToken, CancellationToken)"/>:
    /// starts the embedded silo (unless the options name a cluster) on another thread and, meanwhile, loads
    /// and validates the scenario, whose warnings a caller can show before the runs start. Throws
    /// <see cref="ScenarioException"/> for a bad scenario; the silo then stops in the background.
    /// </summary>
    public static PreparedExperiment Prepare(ExperimentOptions options, PhaseTimings timings, CancellationToken abort = default) =>
        Prepare(options, timings, null, abort);

    /// <summary>
    /// As <see cref="Prepare(ExperimentOptions, PhaseTimings, CancellationToken)"/>, but on <paramref name="engine"/>, a silo or
    /// cluster connection that outlives this experiment (the workbench's), when it is not null; the experiment borrows it.
    /// </summary>
    public static PreparedExperiment Prepare(ExperimentOptions options, PhaseTimings timings, RunEngine? engine, CancellationToken abort = default)
    {
        // The silo takes the longest to start (Orleans' start-up, much of it JIT); it needs nothing from the scenario.
        var start = engine is not null ? Task.FromResult(engine.Borrow())
            : options.Cluster is null ? Task.Factory.StartNew(() => timings.Measure("embedded silo start", () => RunEngine.Embedded(options.Threads, abort)), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            : null;
        try
        {
            var loaded = timings.Measure("scenario load", () => ScenarioLoader.LoadUncertain(options.ScenarioPath));
            return new PreparedExperiment(options, loaded, start, timings);
        }
        catch
        {
            PreparedExperiment.DisposeWhenStarted(start);
            throw;
        }
    }
}
