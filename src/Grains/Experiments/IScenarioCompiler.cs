using MarketSim.Grains.Market;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;
using MarketSim.Grains.Uncertainty;

namespace MarketSim.Grains.Experiments;

/// <summary>
/// Turns a scenario's text into the market model that runs it. Grains get it from the silo's services;
/// the command line supplies the scenario loader, so grains need not know the file format.
/// </summary>
public interface IScenarioCompiler
{
    /// <summary>Validates and builds <paramref name="scenarioYaml"/>; throws when it does not load.</summary>
    CompiledScenario Compile(string scenarioYaml);

    /// <summary>Builds the scenario of <paramref name="spec"/> with its input design; a compiler that knows no designs refuses one.</summary>
    CompiledScenario Compile(ExperimentSpec spec) =>
        spec.Design is null ? Compile(spec.ScenarioYaml) : throw new NotSupportedException("this scenario compiler does not support input designs");
}

/// <summary>A loaded scenario with its outcome layout and a way to make models that run it.</summary>
/// <param name="Scenario">The validated scenario.</param>
/// <param name="Schema">The outcome row every run writes.</param>
/// <param name="NewModel">Makes one model instance, to be used by one thread at a time.</param>
public sealed record CompiledScenario(MarketScenario Scenario, OutcomeSchema Schema, Func<IRunModel> NewModel)
{
    /// <summary>The uncertain inputs drawn per run, sorted by path (their columns follow the pooled-budget columns); empty for a fixed-value scenario.</summary>
    public IReadOnlyList<UncertainInput> Inputs { get; init; } = [];
}
