using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;
using MarketSim.Simulator.Scenarios;

namespace MarketSim.Simulator.Sensitivity;

/// <summary>
/// A sensitivity analysis checked and ready to run: the base scenario, the outcomes to report and,
/// for each varied input, its variants from low to high, each already loaded and validated.
/// </summary>
public sealed class SensitivityPlan
{
    internal SensitivityPlan(MarketScenario baseScenario, ScenarioSource source, OutcomeSchema schema, IReadOnlyList<string> metrics, int[] columns, IReadOnlyList<Variant> variants)
    {
        Base = baseScenario;
        Source = source;
        Schema = schema;
        Metrics = metrics;
        Columns = columns;
        Variants = variants;
    }

    /// <summary>How many scenarios are run, each with the same runs: the base and every variant that is not the base case itself.</summary>
    public int Scenarios => 1 + Variants.Count(v => !v.IsBase);

    internal MarketScenario Base { get; }

    /// <summary>The scenario file as it was read when planned, which the results folder records.</summary>
    internal ScenarioSource Source { get; }

    /// <summary>The base scenario's effective text, which the silos run.</summary>
    internal string BaseYaml => Source.EffectiveYaml;

    internal OutcomeSchema Schema { get; }

    internal IReadOnlyList<string> Metrics { get; }

    internal int[] Columns { get; }

    internal IReadOnlyList<Variant> Variants { get; }

    /// <summary>What the scenario file warns about when loaded (a repaired correlation matrix, budgets past the horizon).</summary>
    public IReadOnlyList<ScenarioProblem> Warnings { get; init; } = [];

    /// <summary>One input at one value; <paramref name="IsBase"/> when that is the value the file gives everywhere the input is, so the variant is the base case.</summary>
    internal sealed record Variant(string Parameter, string Setting, double Position, double Value, MarketScenario Scenario, string Yaml, bool IsBase);
}
