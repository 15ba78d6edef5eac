using MarketSim.Grains.Experiments;
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
    private readonly Dictionary<string, CompiledScenario> _compiled = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<int> Capacity() => Task.FromResult(threads.Count);

    /// <inheritdoc />
    public Task<RunBatch> Compute(ExperimentSpec spec, long firstRun, int count) =>
        threads.Compute(Compiled(spec.ScenarioYaml), spec.Seed, firstRun, count);

    private CompiledScenario Compiled(string yaml)
    {
        if (!_compiled.TryGetValue(yaml, out var compiled))
        {
            if (_compiled.Count >= ScenariosKept)
            {
                _compiled.Clear();
            }
            compiled = _compiled[yaml] = compiler.Compile(yaml);
        }
        return compiled;
    }
}
