using MarketSim.Grains.Market;
using MarketSim.Silo.Runs;
using MarketSim.Simulator.Experiments;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Runs;

public class MonteCarloRunnerTests
{
    /// <summary>A model whose outcome is its run index, and which is slow on some runs to shuffle completion order.</summary>
    private sealed class IndexModel : IRunModel
    {
        public int OutcomeCount => 2;

        public void Run(ulong experimentSeed, long runIndex, Span<double> outcomes)
        {
            if (runIndex % 7 == 0)
            {
                Thread.SpinWait(20_000);
            }
            outcomes[0] = runIndex;
            outcomes[1] = experimentSeed;
        }
    }

    [Theory]
    [InlineData(1_000, 2, 16)]
    [InlineData(4_000, 2, 62)]
    [InlineData(10_000, 2, 64)]
    [InlineData(1_000_000, 8, 64)]
    [InlineData(100, 8, 16)]
    public void The_default_batch_size_gives_each_thread_about_32_batches_and_stays_between_16_and_64(long runs, int threads, int expected)
    {
        Assert.Equal(expected, RunPlan.DefaultBatchSize(runs, threads));
    }

    [Fact]
    public void The_default_batch_size_on_every_core_counts_the_cores()
    {
        Assert.Equal(RunPlan.DefaultBatchSize(100_000, Environment.ProcessorCount), RunPlan.DefaultBatchSize(100_000, 0));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 5)]
    [InlineData(4, 64)]
    public void The_sink_sees_every_run_once_in_run_order(int threads, int batchSize)
    {
        var sink = new ColumnCollector(0, 2);

        MonteCarloRunner.Run(() => new IndexModel(), new RunPlan(9, 1001, threads, batchSize), sink);

        Assert.Equal(Enumerable.Range(0, 1001).Select(i => (double)i), sink.Values);
        Assert.Equal(Enumerable.Range(0, 1001).Select(i => (long)i), sink.RunIndices);
    }

    [Fact]
    public void An_aborted_experiment_leaves_no_results_folder()
    {
        var parent = Repo.TempDir();
        var options = new ExperimentOptions(Repo.Scenario("doncaster-ccash.yaml"), 100_000, 1, Path.Combine(parent, "out"));
        using var cancel = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() => Experiment.Run(options, (done, _) =>
        {
            if (done >= 64)
            {
                cancel.Cancel();
            }
        }, abort: cancel.Token));

        Assert.Empty(Directory.EnumerateFileSystemEntries(parent));
    }

    [Fact]
    public void A_prepared_experiment_refuses_a_second_run_instead_of_looking_for_a_cluster()
    {
        var parent = Repo.TempDir();
        var options = new ExperimentOptions(Repo.Scenario("doncaster-ccash.yaml"), 2, 1, Path.Combine(parent, "out"), Overwrite: true);
        using var prepared = Experiment.Prepare(options, new PhaseTimings());
        prepared.Run();

        var second = Assert.Throws<InvalidOperationException>(() => prepared.Run());

        Assert.Contains("Run may be called once", second.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_allocates_nothing_per_simulated_week()
    {
        var scenario = MarketSim.Simulator.Scenarios.ScenarioLoader.Load(Repo.Scenario("doncaster-ccash.yaml"));
        var market = new Market(scenario);
        var outcomes = new double[market.OutcomeCount];
        // The first pass grows the buffers to what these runs need (they stay grown); the second must allocate nothing.
        for (var run = 0; run < 10; run++)
        {
            market.Run(1, run, outcomes);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var run = 0; run < 10; run++)
        {
            market.Run(1, run, outcomes);
        }
        var perRun = (GC.GetAllocatedBytesForCurrentThread() - before) / 10.0;

        // 260 weeks and about 9,400 service users a run: even one allocation a week would show as > 260 × 24 bytes.
        Assert.True(perRun < 260 * 24, $"{perRun} bytes allocated per run");
    }
}
