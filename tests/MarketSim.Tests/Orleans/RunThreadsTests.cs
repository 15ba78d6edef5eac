using System.Runtime.ExceptionServices;
using MarketSim.Grains.Experiments;
using MarketSim.Grains.Market;
using MarketSim.Grains.Runs;
using Microsoft.Extensions.Options;

namespace MarketSim.Tests.Orleans;

public class RunThreadsTests
{
    [Fact]
    public async Task Each_run_thread_keeps_its_own_model_and_computes_runs_in_order()
    {
        var models = new List<ThreadModel>();
        var scenario = Recording(models);
        using var threads = new RunThreads(Options.Create(new RunWorkerOptions { Threads = 2 }));

        var batches = await Task.WhenAll(Enumerable.Range(0, 20).Select(b => threads.Compute(scenario, 7, b * 5, 5)));

        Assert.InRange(models.Count, 1, 2);
        Assert.All(models, m => Assert.Single(m.Threads));
        foreach (var batch in batches)
        {
            Assert.Equal(Enumerable.Range(0, 5).Select(i => (double)(batch.FirstRun + i)), batch.Values.Take(5));
        }
    }

    [Fact]
    public async Task A_thread_warms_its_model_up_once_before_its_first_batch_when_asked_and_the_batches_are_unchanged()
    {
        var models = new List<ThreadModel>();
        var scenario = Recording(models);
        using var cold = new RunThreads(Options.Create(new RunWorkerOptions { Threads = 1 }));
        using var warm = new RunThreads(Options.Create(new RunWorkerOptions { Threads = 1 }));

        var plain = await Task.WhenAll(Enumerable.Range(0, 3).Select(b => cold.Compute(scenario, 7, b * 5, 5)));
        var warmed = await Task.WhenAll(Enumerable.Range(0, 3).Select(b => warm.Compute(scenario, 7, b * 5, 5, warmUp: true)));

        for (var b = 0; b < plain.Length; b++)
        {
            Assert.Equal(plain[b].Rows.ToArray(), warmed[b].Rows.ToArray());
        }
        Assert.Equal(2, models.Count);
        Assert.Equal(15, models[0].Runs.Count);
        var warmRuns = models[1].Runs;
        Assert.Equal(RunThreads.WarmUpRuns + 15, warmRuns.Count);
        Assert.All(warmRuns.Take(RunThreads.WarmUpRuns), r => Assert.NotEqual(7UL, r.Seed));
        Assert.Equal(Enumerable.Range(0, 15).Select(i => (7UL, (long)i)), warmRuns.Skip(RunThreads.WarmUpRuns));
    }

    [Fact]
    public async Task A_thread_builds_its_model_afresh_after_runs_per_model_runs_and_the_batches_are_unchanged()
    {
        var models = new List<ThreadModel>();
        var scenario = Recording(models);
        using var threads = new RunThreads(Options.Create(new RunWorkerOptions { Threads = 1 }));
        const int batch = 640;
        var batches = 2 * RunThreads.RunsPerModel / batch + 1;

        var results = await Task.WhenAll(Enumerable.Range(0, batches).Select(b => threads.Compute(scenario, 7, b * batch, batch)));

        Assert.Equal(3, models.Count);
        Assert.All(models.Take(2), m => Assert.Equal(RunThreads.RunsPerModel, m.Runs.Count));
        Assert.Equal(batch, models[2].Runs.Count);
        Assert.Equal(Enumerable.Range(0, batches * batch).Select(i => (double)i), results.SelectMany(r => r.Values.Take(r.Count)));
    }

    [Fact]
    public async Task Disposing_cancels_the_queued_batches_and_lets_the_running_one_finish()
    {
        using var release = new ManualResetEventSlim();
        var blocking = new BlockingModel(release);
        var scenario = new CompiledScenario(null!, null!, () => blocking);
        var threads = new RunThreads(Options.Create(new RunWorkerOptions { Threads = 1 }));
        var running = threads.Compute(scenario, 1, 0, 1);
        Assert.True(blocking.Started.Wait(TimeSpan.FromSeconds(10)));
        var queued = new[] { threads.Compute(scenario, 1, 1, 1), threads.Compute(scenario, 1, 2, 1) };

        threads.Dispose();
        release.Set();

        Assert.Equal(0, (await running).FirstRun);
        foreach (var batch in queued)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => batch);
        }
    }

    [Fact]
    public async Task Disposing_stops_an_idle_run_thread_without_throwing_an_exception()
    {
        Thread? runThread = null;
        var scenario = new CompiledScenario(null!, null!, () => new ThreadCapture(t => runThread = t));
        var threads = new RunThreads(Options.Create(new RunWorkerOptions { Threads = 1 }));
        await threads.Compute(scenario, 1, 0, 1);
        Assert.NotNull(runThread);
        Assert.True(SpinWait.SpinUntil(() => runThread.ThreadState.HasFlag(ThreadState.WaitSleepJoin), TimeSpan.FromSeconds(10)));
        var thrown = new List<string>();
        EventHandler<FirstChanceExceptionEventArgs> record = (_, e) =>
        {
            if (Thread.CurrentThread == runThread)
            {
                lock (thrown)
                {
                    thrown.Add($"{e.Exception.GetType().Name}: {e.Exception.Message}");
                }
            }
        };
        AppDomain.CurrentDomain.FirstChanceException += record;
        try
        {
            threads.Dispose();

            Assert.True(runThread.Join(TimeSpan.FromSeconds(10)));
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= record;
        }
        Assert.Empty(thrown);
    }

    /// <summary>A scenario whose every new model is added to <paramref name="models"/>.</summary>
    private static CompiledScenario Recording(List<ThreadModel> models) => new(null!, null!, () =>
    {
        var model = new ThreadModel();
        lock (models)
        {
            models.Add(model);
        }
        return model;
    });

    private sealed class ThreadModel : IRunModel
    {
        public HashSet<int> Threads { get; } = [];

        public List<(ulong Seed, long Run)> Runs { get; } = [];

        public int OutcomeCount => 1;

        public void Run(ulong experimentSeed, long runIndex, Span<double> outcomes)
        {
            Threads.Add(Environment.CurrentManagedThreadId);
            Runs.Add((experimentSeed, runIndex));
            outcomes[0] = runIndex;
        }
    }

    private sealed class ThreadCapture(Action<Thread> capture) : IRunModel
    {
        public int OutcomeCount => 1;

        public void Run(ulong experimentSeed, long runIndex, Span<double> outcomes) => capture(Thread.CurrentThread);
    }

    private sealed class BlockingModel(ManualResetEventSlim release) : IRunModel
    {
        public ManualResetEventSlim Started { get; } = new();

        public int OutcomeCount => 1;

        public void Run(ulong experimentSeed, long runIndex, Span<double> outcomes)
        {
            Started.Set();
            release.Wait(TimeSpan.FromSeconds(10));
            outcomes[0] = runIndex;
        }
    }
}
