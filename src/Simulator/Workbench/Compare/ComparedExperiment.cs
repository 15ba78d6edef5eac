namespace MarketSim.Simulator.Workbench.Compare;

/// <summary>One results folder of an <see cref="ExperimentComparison"/>.</summary>
/// <param name="Folder">The folder as given.</param>
/// <param name="ScenarioName">The name of the scenario it ran (its scenario.yaml's <c>name</c>).</param>
/// <param name="Seed">The root seed, from manifest.json.</param>
/// <param name="Runs">Runs in runs.csv, as manifest.json states them.</param>
/// <param name="SharesBaseSeed">Whether its seed is the base's, so run k of each used the same random numbers and the two are paired run by run; true for the base itself.</param>
public sealed record ComparedExperiment(string Folder, string ScenarioName, ulong Seed, long Runs, bool SharesBaseSeed);
