using System.Collections.Concurrent;
using MarketSim.Grains.Experiments;
using MarketSim.Grains.Market;
using Microsoft.Extensions.Options;

namespace MarketSim.Grains.Runs;

/// <summary>
/// A silo's run threads: long-lived threads that compute batches one at a time, each with its own model
/// per scenario. A model stays on its thread, and so in one core's cache; on thread-pool threads the same
/// models ran about 15% slower (see docs/cluster.md, "Where the time goes").
/// </summary>
public sealed class RunThreads : IDisposable
{
    private const int ScenariosKeptPerThread = 4;
    private readonly BlockingCollection<Job> _jobs = [];
    private readonly Thread[] _threads;

    /// <summary>Starts <see cref="RunWorkerOptions.EffectiveThreads"/> run threads.</summary>
    public RunThreads(IOptions<RunWorkerOptions> options)
    {
        _threads = new Thread[options.Value.EffectiveThreads];
        for (var t = 0; t < _threads.Length; t++)
        {
            _threads[t] = new Thread(Work) { IsBackground = true, Name = $"marketsim-run-{t}" };
            _threads[t].Start();
        }
    }

    /// <summary>How many batches are computed at once.</summary>
    public int Count => _threads.Length;

    /// <summary>Queues runs <paramref name="firstRun"/> .. + <paramref name="count"/> − 1 of <paramref name="scenario"/>; the task ends when they are computed.</summary>
    public Task<RunBatch> Compute(CompiledScenario scenario, ulong seed, long firstRun, int count)
    {
        var job = new Job(scenario, seed, firstRun, count);
        _jobs.Add(job);
        return job.Done.Task;
    }

    /// <summary>Lets each thread finish its batch and stop; batches still queued are never computed.</summary>
    public void Dispose()
    {
        _jobs.CompleteAdding();
        while (_jobs.TryTake(out var job))
        {
            job.Done.TrySetCanceled();
        }
    }

    private void Work()
    {
        var models = new Dictionary<CompiledScenario, IRunModel>(ReferenceEqualityComparer.Instance);
        foreach (var job in _jobs.GetConsumingEnumerable())
        {
            if (job.Done.Task.IsCompleted)
            {
                continue;
            }
            try
            {
                if (!models.TryGetValue(job.Scenario, out var model))
                {
                    if (models.Count >= ScenariosKeptPerThread)
                    {
                        models.Clear();
                    }
                    model = models[job.Scenario] = job.Scenario.NewModel();
                }
                job.Done.TrySetResult(RunBatch.Compute(model, job.Seed, job.FirstRun, job.Count));
            }
            catch (Exception ex)
            {
                job.Done.TrySetException(ex);
            }
        }
    }

    private sealed record Job(CompiledScenario Scenario, ulong Seed, long FirstRun, int Count)
    {
        public TaskCompletionSource<RunBatch> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
