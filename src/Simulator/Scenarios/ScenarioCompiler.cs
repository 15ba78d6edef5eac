using MarketSim.Grains.Experiments;
using MarketSim.Grains.Market;
using MarketSim.Grains.Outcomes;

namespace MarketSim.Simulator.Scenarios;

/// <summary>The silos' scenario compiler: the same loader and validator as `marketsim validate`, applied to an experiment's stored text.</summary>
public sealed class ScenarioCompiler : IScenarioCompiler
{
    /// <summary>The one instance; it holds no state.</summary>
    public static ScenarioCompiler Instance { get; } = new();

    /// <inheritdoc />
    public CompiledScenario Compile(string scenarioYaml)
    {
        var (scenario, problems) = ScenarioLoader.Parse(scenarioYaml, "experiment scenario");
        if (scenario is null)
        {
            throw new ScenarioException(problems);
        }
        return new CompiledScenario(scenario, new OutcomeSchema(scenario), () => new Market(scenario));
    }
}
