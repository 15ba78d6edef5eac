namespace MarketSim.Simulator.Experiments;

/// <summary>What `marketsim run` was asked to do.</summary>
/// <param name="ScenarioPath">The scenario file.</param>
/// <param name="Runs">Number of Monte Carlo runs (≥ 1).</param>
/// <param name="Seed">The experiment seed; with the scenario and run count it fixes every result.</param>
/// <param name="OutDir">The results folder to create.</param>
/// <param name="Threads">Worker threads; 0 for one per core.</param>
/// <param name="BatchSize">Runs per batch; affects speed only.</param>
/// <param name="Overwrite">Replace an existing, non-empty results folder.</param>
public sealed record ExperimentOptions(
    string ScenarioPath,
    long Runs,
    ulong Seed,
    string OutDir,
    int Threads = 0,
    int BatchSize = 64,
    bool Overwrite = false);
