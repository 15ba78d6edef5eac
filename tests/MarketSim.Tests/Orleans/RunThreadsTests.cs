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
        var scenario = new CompiledScenario(null!, null!, () =>
        {
            var model = new ThreadModel();
            lock (models)
            {
                models.Add(model);
            }
            return model;
        });
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

    private sealed class ThreadModel : IRunModel
    {
        public HashSet<int> Threads { get; } = [];

        public int OutcomeCount => 1;

        public void Run(ulong experimentSeed, long runIndex, Span<double> outcomes)
        {
            Threads.Add(Environment.CurrentManagedThreadId);
            outcomes[0] = runIndex;
        }
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
