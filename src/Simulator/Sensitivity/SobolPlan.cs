using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;
using MarketSim.Grains.Uncertainty;
using MarketSim.Grains.Uncertainty.Sensitivity;
using MarketSim.Simulator.Scenarios;

namespace MarketSim.Simulator.Sensitivity;

/// <summary>
/// A Sobol analysis checked and ready to run: the scenario's text, its uncertain inputs (sorted by path, the
/// design's columns), the outcomes to report and the design, which fixes the (k + 2)·N runs.
/// </summary>
public sealed class SobolPlan
{
    internal SobolPlan(MarketScenario scenario, ScenarioSource source, IReadOnlyList<UncertainInput> inputs, OutcomeSchema schema, IReadOnlyList<OutcomeColumn> metrics, int[] columns, SobolDesignSpec design, bool hasCorrelations)
    {
        Scenario = scenario;
        Source = source;
        Inputs = inputs;
        Schema = schema;
        Metrics = metrics;
        Columns = columns;
        Design = design;
        HasCorrelations = hasCorrelations;
    }

    /// <summary>The scenario's name.</summary>
    public string ScenarioName => Scenario.Name;

    /// <summary>The uncertain inputs, in the design's column order.</summary>
    public IReadOnlyList<UncertainInput> Inputs { get; }

    /// <summary>The outcomes whose variance is apportioned.</summary>
    public IReadOnlyList<OutcomeColumn> Metrics { get; }

    /// <summary>The design: base size N and seed.</summary>
    public SobolDesignSpec Design { get; }

    /// <summary>How many runs the design needs, (k + 2)·N.</summary>
    public long Runs => Design.Runs(Inputs.Count);

    /// <summary>Whether the scenario sets rank correlations between its inputs, which a Sobol design does not apply.</summary>
    public bool HasCorrelations { get; }

    /// <summary>The scenario at its inputs' medians, for its names in labels.</summary>
    internal MarketScenario Scenario { get; }

    /// <summary>The scenario file as it was read when planned, which the results folder records.</summary>
    internal ScenarioSource Source { get; }

    /// <summary>The scenario's effective text, which the silo runs.</summary>
    internal string Yaml => Source.EffectiveYaml;

    internal OutcomeSchema Schema { get; }

    internal int[] Columns { get; }
}
