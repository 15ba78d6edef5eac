using MarketSim.Grains.Experiments;
using MarketSim.Grains.Market;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Randomness;
using MarketSim.Grains.Uncertainty;
using MarketSim.Grains.Uncertainty.Correlation;
using MarketSim.Grains.Uncertainty.Sensitivity;

namespace MarketSim.Simulator.Scenarios;

/// <summary>The silos' scenario compiler: the same loader and validator as `marketsim validate`, applied to an experiment's stored text.</summary>
public sealed class ScenarioCompiler : IScenarioCompiler
{
    /// <summary>The one instance; it holds no state.</summary>
    public static ScenarioCompiler Instance { get; } = new();

    /// <inheritdoc />
    public CompiledScenario Compile(string scenarioYaml)
    {
        var (loaded, problems) = ScenarioLoader.ParseUncertain(scenarioYaml, "experiment scenario");
        return loaded is null ? throw new ScenarioException(problems) : Compile(loaded);
    }

    /// <inheritdoc />
    public CompiledScenario Compile(ExperimentSpec spec)
    {
        var (loaded, problems) = ScenarioLoader.ParseUncertain(spec.ScenarioYaml, "experiment scenario");
        return loaded is null ? throw new ScenarioException(problems) : Compile(loaded, spec.Design);
    }

    /// <summary>
    /// The compiled form of <paramref name="loaded"/>: without uncertain inputs, one market per thread reused
    /// across runs; with them, each run builds the market of its sampled scenario (<see cref="UncertainRunModel"/>),
    /// its inputs drawn independently or, given <paramref name="design"/>, from that Sobol design's rows.
    /// </summary>
    public static CompiledScenario Compile(UncertainScenario loaded, SobolDesignSpec? design = null) =>
        Compile(loaded, design, SamplerFamily.Fast);

    /// <summary>The compiled form of <paramref name="loaded"/> whose markets draw with <paramref name="samplers"/> (the tests' reference path).</summary>
    internal static CompiledScenario Compile(UncertainScenario loaded, SobolDesignSpec? design, SamplerFamily samplers)
    {
        var scenario = loaded.Median;
        if (loaded.Inputs.Count == 0)
        {
            return new CompiledScenario(scenario, new OutcomeSchema(scenario), () => new Market(scenario, samplers));
        }
        var schema = new OutcomeSchema(scenario, loaded.InputColumns);
        var stride = new OutcomeSchema(scenario).Stride;
        // A Sobol design assumes independent inputs: its rows are used as drawn, without the correlations.
        var inputDesign = design is null ? null : new SaltelliInputDesign(design.Create(loaded.Inputs));
        var transform = design is null ? Transform(loaded) : null;
        return new CompiledScenario(scenario, schema, () => new UncertainRunModel(new InputSampler(loaded.Inputs, inputDesign, transform), values => SampledMarket(loaded, values, stride, samplers), schema))
        {
            Inputs = loaded.Inputs,
        };
    }

    private static ImanConoverTransform? Transform(UncertainScenario loaded) =>
        loaded.Correlations is { } c ? new ImanConoverTransform(c.Used) : null;

    private static Market SampledMarket(UncertainScenario loaded, double[] values, int stride, SamplerFamily samplers)
    {
        var market = new Market(loaded.With(values), samplers);
        if (market.OutcomeCount != stride)
        {
            var sampled = string.Join(", ", loaded.Inputs.Select((input, i) => $"{input.Path} = {values[i]}"));
            throw new ScenarioException([new ScenarioProblem("experiment scenario", 0, 0, "", $"with sampled inputs {sampled}: the scenario's outputs change (its providers, funding streams or entities); allowed: uncertain inputs that change only numbers")]);
        }
        return market;
    }
}
