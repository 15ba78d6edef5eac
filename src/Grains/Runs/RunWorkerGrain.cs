using MarketSim.Grains.Experiments;
using MarketSim.Grains.Uncertainty.Sensitivity;
using Orleans.Concurrency;

namespace MarketSim.Grains.Runs;

/// <summary>
/// A silo's run worker: hands batches to the silo's <see cref="RunThreads"/>, which compute them one at a
/// time per thread, each thread with its own model per scenario. Scenarios are compiled once and kept:
/// a run is a pure function of (seed, run index), so which thread computes it does not matter.
/// </summary>
[Reentrant]
[OnSiloPlacement]
public sealed class RunWorkerGrain(IScenarioCompiler compiler, RunThreads threads) : Grain, IRunWorkerGrain
{
    private const int ScenariosKept = 4;

    /// <summary>Experiments of at least this many runs warm their run threads up first (<see cref="RunThreads.WarmUpRuns"/>): below it the warm-up costs more than it saves.</summary>
    public const int WarmUpFromRuns = 10_000;
    private readonly Dictionary<(string Yaml, SobolDesignSpec? Design), CompiledScenario> _compiled = [];

    /// <inheritdoc />
    public Task<int> Capacity() => Task.FromResult(threads.Count);

    /// <inheritdoc />
    public Task<RunBatch> Compute(ExperimentSpec spec, long firstRun, int count) =>
        threads.Compute(Compiled(spec), spec.Seed, firstRun, count, warmUp: spec.Runs >= WarmUpFromRuns);

    // Keyed on the scenario's text and its input design: the same text under a Sobol design is another model.
    private CompiledScenario Compiled(ExperimentSpec spec)
    {
        var key = (spec.ScenarioYaml, spec.Design);
        if (!_compiled.TryGetValue(key, out var compiled))
        {
            if (_compiled.Count >= ScenariosKept)
            {
                _compiled.Clear();
            }
            compiled = _compiled[key] = compiler.Compile(spec);
        }
        return compiled;
    }
}
