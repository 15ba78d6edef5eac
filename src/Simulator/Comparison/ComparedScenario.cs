using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;
using MarketSim.Simulator.Scenarios;

namespace MarketSim.Simulator.Comparison;

/// <summary>A scenario of a comparison, loaded and validated: its file, the results subfolder its runs.csv goes to, and what it reports.</summary>
/// <param name="Path">The scenario file as the user named it.</param>
/// <param name="Folder">The subfolder of the results folder for its runs.csv: <c>base</c>, or the other file's name.</param>
/// <param name="Scenario">The scenario.</param>
/// <param name="Source">Its file as it was read when planned, which the results folder records.</param>
/// <param name="Schema">What each of its runs reports.</param>
/// <param name="Warnings">What its file warns about when loaded (a repaired correlation matrix, budgets past the horizon).</param>
public sealed record ComparedScenario(string Path, string Folder, MarketScenario Scenario, ScenarioSource Source, OutcomeSchema Schema, IReadOnlyList<ScenarioProblem> Warnings)
{
    /// <summary>Its effective text, which the silo runs.</summary>
    public string Yaml => Source.EffectiveYaml;
}
