using System.Buffers;
using System.Collections.Concurrent;
using MarketSim.Grains.Experiments;
using MarketSim.Grains.Market;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace MarketSim.Grains.Runs;

/// <summary>
/// Computes batches on the thread pool, off the grain's scheduler, at most <see cref="RunWorkerOptions.Threads"/>
/// at a time (the count is kept on the grain's own scheduler, so it needs no lock). Models are built once per scenario and reused: a run is a pure function of (seed, run index),
/// so which model instance or thread computes it does not matter.
/// </summary>
[Reentrant]
[OnSiloPlacement]
public sealed class RunWorkerGrain(IScenarioCompiler compiler, IOptions<RunWorkerOptions> options) : Grain, IRunWorkerGrain
{
    private const int ScenariosKept = 4;
    private readonly int _threads = options.Value.EffectiveThreads;
    private readonly Queue<TaskCompletionSource> _waiting = new();
    private int _busy;
    private readonly ConcurrentDictionary<string, Lazy<ModelPool>> _pools = new();

    /// <inheritdoc />
    public Task<int> Capacity() => Task.FromResult(_threads);

    /// <inheritdoc />
    public async Task<RunBatch> Compute(ExperimentSpec spec, long firstRun, int count)
    {
        if (_busy < _threads)
        {
            _busy++;
        }
        else
        {
            var turn = new TaskCompletionSource();
            _waiting.Enqueue(turn);
            await turn.Task;
        }
        try
        {
            var pool = Pool(spec.ScenarioYaml);
            return await Task.Run(() => pool.Compute(spec.Seed, firstRun, count));
        }
        finally
        {
            if (_waiting.TryDequeue(out var next))
            {
                next.SetResult();
            }
            else
            {
                _busy--;
            }
        }
    }

    private ModelPool Pool(string yaml)
    {
        if (_pools.Count >= ScenariosKept && !_pools.ContainsKey(yaml))
        {
            _pools.Clear();
        }
        return _pools.GetOrAdd(yaml, text => new Lazy<ModelPool>(() => new ModelPool(compiler.Compile(text)))).Value;
    }

    private sealed class ModelPool(CompiledScenario compiled)
    {
        private readonly ConcurrentBag<IRunModel> _idle = [];

        public RunBatch Compute(ulong seed, long firstRun, int count)
        {
            if (!_idle.TryTake(out var model))
            {
                model = compiled.NewModel();
            }
            var width = model.OutcomeCount;
            var values = ArrayPool<double>.Shared.Rent(count * width);
            for (var i = 0; i < count; i++)
            {
                model.Run(seed, firstRun + i, values.AsSpan(i * width, width));
            }
            _idle.Add(model);
            return new RunBatch(firstRun, count, values, width);
        }
    }
}
