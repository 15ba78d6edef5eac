using MarketSim.Grains.Experiments;
using MarketSim.Grains.Market;
using Microsoft.Extensions.Options;

namespace MarketSim.Grains.Runs;

/// <summary>
/// A silo's run threads: long-lived threads that compute batches one at a time, each with its own model
/// per scenario. A model stays on its thread, and so in one core's cache; on thread-pool threads the same
/// models ran about 15% slower (see docs/cluster.md, "Where the time goes").
/// Before its first batch of a large experiment, each thread warms the model's code up with
/// <see cref="WarmUpRuns"/> runs whose outcomes are thrown away, while Orleans is still quiet: the model's
/// methods then reach the JIT's tier 1 before the experiment keeps Orleans busy, which otherwise left the
/// model about a fifth slower for the life of the process (docs/cluster.md). A run is a pure function of
/// (seed, run index), so the warm-up changes no result.
/// Each thread also builds its models afresh after every <see cref="RunsPerModel"/> runs: in about half of
/// the processes measured, a model that had lived through many batches ran 10-30% slower beside a busy
/// silo than a new one did (the same code, on the same threads), and rebuilding them removed that in every
/// process tried (docs/cluster.md, "A third look"). Building a model takes milliseconds; its runs take seconds.
/// </summary>
public sealed class RunThreads : IDisposable
{
    /// <summary>Runs each thread computes, and discards, before its first batch of a large experiment.</summary>
    public const int WarmUpRuns = 100;

    /// <summary>Runs a thread computes with its models before it builds them afresh: 40 batches of the default 64 runs.</summary>
    public const int RunsPerModel = 2_560;

    /// <summary>The seed of the warm-up runs (any seed would do: their outcomes are never used).</summary>
    private const ulong WarmUpSeed = 0x5EED_0F_3A_4B_17UL;
    private const int ScenariosKeptPerThread = 4;
    private readonly Queue<Job> _jobs = [];
    private readonly Thread[] _threads;
    private bool _stopping;

    /// <summary>
    /// Starts <see cref="RunWorkerOptions.EffectiveThreads"/> run threads; when one cannot start, those already started
    /// are stopped before the failure is thrown, rather than left waiting for batches that never come.
    /// </summary>
    public RunThreads(IOptions<RunWorkerOptions> options)
    {
        _threads = new Thread[options.Value.EffectiveThreads];
        try
        {
            for (var t = 0; t < _threads.Length; t++)
            {
                _threads[t] = new Thread(Work) { IsBackground = true, Name = $"marketsim-run-{t}" };
                _threads[t].Start();
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>How many batches are computed at once.</summary>
    public int Count => _threads.Length;

    /// <summary>
    /// Queues runs <paramref name="firstRun"/> .. + <paramref name="count"/> − 1 of <paramref name="scenario"/>; the task
    /// ends when they are computed. With <paramref name="warmUp"/>, a thread that has not warmed up yet does so first.
    /// </summary>
    public Task<RunBatch> Compute(CompiledScenario scenario, ulong seed, long firstRun, int count, bool warmUp = false)
    {
        var job = new Job(scenario, seed, firstRun, count, warmUp);
        lock (_jobs)
        {
            ObjectDisposedException.ThrowIf(_stopping, this);
            _jobs.Enqueue(job);
            Monitor.Pulse(_jobs);
        }
        return job.Done.Task;
    }

    /// <summary>
    /// Lets each thread finish its batch and stop; batches still queued are never computed. Idle threads are woken by a
    /// flag: a BlockingCollection wakes its waiting consumers by cancelling their wait, an exception in each at every silo's stop.
    /// </summary>
    public void Dispose()
    {
        Job[] queued;
        lock (_jobs)
        {
            _stopping = true;
            queued = [.. _jobs];
            _jobs.Clear();
            Monitor.PulseAll(_jobs);
        }
        foreach (var job in queued)
        {
            job.Done.TrySetCanceled();
        }
    }

    private void Work()
    {
        var models = new Dictionary<CompiledScenario, IRunModel>(ReferenceEqualityComparer.Instance);
        var warmedUp = false;
        var runsOnModels = 0L;
        while (NextJob() is { } job)
        {
            if (job.Done.Task.IsCompleted)
            {
                continue;
            }
            try
            {
                if (runsOnModels >= RunsPerModel)
                {
                    models.Clear();
                    runsOnModels = 0;
                }
                runsOnModels += job.Count;
                if (!models.TryGetValue(job.Scenario, out var model))
                {
                    if (models.Count >= ScenariosKeptPerThread)
                    {
                        models.Clear();
                    }
                    model = models[job.Scenario] = job.Scenario.NewModel();
                }
                if (job.WarmUp && !warmedUp)
                {
                    WarmUp(model);
                    warmedUp = true;
                }
                job.Done.TrySetResult(RunBatch.Compute(model, job.Seed, job.FirstRun, job.Count));
            }
            catch (Exception ex)
            {
                job.Done.TrySetException(ex);
            }
        }
    }

    /// <summary>The next queued batch, waiting for one; null once <see cref="Dispose"/> has been called.</summary>
    private Job? NextJob()
    {
        lock (_jobs)
        {
            while (_jobs.Count == 0 && !_stopping)
            {
                Monitor.Wait(_jobs);
            }
            return _stopping ? null : _jobs.Dequeue();
        }
    }

    private static void WarmUp(IRunModel model)
    {
        var outcomes = new double[model.OutcomeCount];
        for (var run = 0; run < WarmUpRuns; run++)
        {
            model.Run(WarmUpSeed, run, outcomes);
        }
    }

    private sealed record Job(CompiledScenario Scenario, ulong Seed, long FirstRun, int Count, bool WarmUp)
    {
        public TaskCompletionSource<RunBatch> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
