using MarketSim.Simulator.Reports.Charts;

namespace MarketSim.Simulator.Experiments;

/// <summary>What `marketsim run` was asked to do.</summary>
/// <param name="ScenarioPath">The scenario file.</param>
/// <param name="Runs">Number of Monte Carlo runs; the command line and the workbench ask for at least 2, since a standard error needs two runs.</param>
/// <param name="Seed">The experiment seed; with the scenario and run count it fixes every result.</param>
/// <param name="OutDir">The results folder to create.</param>
/// <param name="Threads">Worker threads; 0 for one per core.</param>
/// <param name="BatchSize">Runs per batch; affects speed only. 0 chooses it from the runs and threads (<see cref="MarketSim.Silo.Runs.RunPlan.DefaultBatchSize"/>).</param>
/// <param name="Overwrite">Replace an existing results folder, but only one MarketSim wrote (its manifest says so) that holds nothing else; the old results stay until the new are complete.</param>
/// <param name="Precision">Run until this precision is reached (then <paramref name="Runs"/> is the most runs).</param>
/// <param name="Cluster">A cluster's Redis (redis://HOST:PORT): run on its silos as an Orleans client instead of on an embedded silo.</param>
/// <param name="ChartScale">Size of the PNG charts as a multiple of 1,000 × 600 pixels (2 for print); the SVGs are not affected.</param>
/// <param name="ExperimentId">The experiment grain's id; null makes a new one from the time and the scenario's name.</param>
public sealed record ExperimentOptions(
    string ScenarioPath,
    long Runs,
    ulong Seed,
    string OutDir,
    int Threads = 0,
    int BatchSize = 0,
    bool Overwrite = false,
    TargetPrecision? Precision = null,
    string? Cluster = null,
    double ChartScale = ChartFiles.DefaultScale,
    string? ExperimentId = null);

/// <summary>A precision target: the 95% confidence half-width of an outcome's mean.</summary>
/// <param name="Metric">The outcome column.</param>
/// <param name="HalfWidth">The target half-width, in the outcome's unit.</param>
/// <param name="MinimumRuns">Runs before the rule may stop the experiment.</param>
public sealed record TargetPrecision(string Metric, double HalfWidth, long MinimumRuns = TargetPrecision.DefaultMinimumRuns)
{
    /// <summary>Runs before a target may stop an experiment when no one says otherwise (--min-runs, the workbench).</summary>
    public const long DefaultMinimumRuns = 100;

    /// <summary><paramref name="minimumRuns"/> kept between 2 (a half-width needs two runs) and <paramref name="mostRuns"/>.</summary>
    public static long MinimumRunsWithin(long minimumRuns, long mostRuns) => Math.Clamp(minimumRuns, 2, Math.Max(2, mostRuns));
}
