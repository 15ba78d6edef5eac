using MarketSim.Grains.Experiments;
using MarketSim.Silo.Hosting;
using MarketSim.Silo.Runs;
using MarketSim.Simulator.Scenarios;
using MarketSim.Tests.Support;
using Xunit.Abstractions;

namespace MarketSim.Tests.Orleans;

/// <summary>
/// The experiment grain on a two-silo in-process cluster: work spreads over both silos, runs come back
/// in run order, and killing either silo mid-experiment neither loses nor repeats a run.
/// </summary>
public sealed class ExperimentGrainTests(ITestOutputHelper output)
{
    private const ulong Seed = 2026;

    private static readonly string Yaml = File.ReadAllText(Repo.Scenario("doncaster-ccash.yaml"));

    [Fact]
    public async Task Batches_land_on_both_silos_and_runs_come_back_in_run_order()
    {
        var spec = new ExperimentSpec(Yaml, Seed, Runs: 400, BatchSize: 10);
        await using var silos = await TwoSilos.Start();
        var sink = new InOrderRows();

        var kept = await ExperimentClient.Run(silos.Cluster.Client, "spread", spec, sink);

        Assert.Equal(spec.Runs, kept);
        Assert.Equal(PlainRunner(spec), sink.Bits());
        var progress = await silos.Cluster.Client.GetGrain<IExperimentGrain>("spread").Progress();
        Assert.Equal("finished", progress.Phase);
        Assert.Equal(2, progress.BatchesBySilo.Count);
        Assert.All(progress.BatchesBySilo.Values, batches => Assert.True(batches > 0));
        Assert.Equal(spec.BatchCount, progress.BatchesBySilo.Values.Sum());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Killing_a_silo_mid_experiment_loses_and_duplicates_no_run(bool killTheExperimentsSilo)
    {
        var spec = new ExperimentSpec(Yaml, Seed, Runs: 2400, BatchSize: 40);
        await using var silos = await TwoSilos.Start();
        var client = silos.Cluster.Client;
        var sink = new InOrderRows();
        var run = Task.Run(() => ExperimentClient.Run(client, "kill", spec, sink));
        while (sink.Runs < 200 && !run.IsCompleted)
        {
            await Task.Delay(20);
        }
        Assert.False(run.IsCompleted, "the experiment finished before a silo could be killed; give it more runs");
        var host = (await client.GetGrain<IExperimentGrain>("kill").Progress()).Host;
        var victim = silos.Cluster.Silos.Single(s => (s.SiloAddress.ToString() == host) == killTheExperimentsSilo);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await silos.Cluster.KillSiloAsync(victim);
        var before = sink.Runs;
        output.WriteLine($"killed at run {before} after {clock.Elapsed}");
        while (sink.Runs == before && !run.IsCompleted)
        {
            await Task.Delay(50);
        }
        output.WriteLine($"next runs at {clock.Elapsed}");
        var kept = await run.WaitAsync(TimeSpan.FromMinutes(2));
        output.WriteLine($"done at {clock.Elapsed}");

        Assert.Equal(spec.Runs, kept);
        Assert.Equal(PlainRunner(spec), sink.Bits());
        var progress = await client.GetGrain<IExperimentGrain>("kill").Progress();
        Assert.Equal("finished", progress.Phase);
    }

    [Fact]
    public async Task Progress_is_answered_while_batches_are_computed()
    {
        var spec = new ExperimentSpec(Yaml, Seed, Runs: 1200, BatchSize: 40);
        await using var silos = await TwoSilos.Start();
        var client = silos.Cluster.Client;
        var sink = new InOrderRows();
        var run = Task.Run(() => ExperimentClient.Run(client, "busy", spec, sink));
        while (sink.Runs == 0 && !run.IsCompleted)
        {
            await Task.Delay(10);
        }

        var progress = await client.GetGrain<IExperimentGrain>("busy").Progress();

        Assert.False(run.IsCompleted, "the experiment finished before its progress was asked for; give it more runs");
        Assert.Equal("running", progress.Phase);
        Assert.InRange(progress.RunsDelivered, 0, spec.Runs - 1);
        await run;
    }

    [Fact]
    public async Task A_client_stopped_mid_experiment_leaves_it_interrupted_with_the_runs_it_kept_not_finished()
    {
        var spec = new ExperimentSpec(Yaml, Seed, Runs: 2400, BatchSize: 40);
        await using var silos = await TwoSilos.Start();
        var client = silos.Cluster.Client;
        var sink = new InOrderRows();
        using var stop = new CancellationTokenSource();
        var run = Task.Run(() => ExperimentClient.Run(client, "stopped", spec, sink, cancellation: stop.Token));
        while (sink.Runs < 200 && !run.IsCompleted)
        {
            await Task.Delay(10);
        }
        Assert.False(run.IsCompleted, "the experiment finished before its client could be stopped; give it more runs");

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        var progress = await client.GetGrain<IExperimentGrain>("stopped").Progress();
        Assert.Equal("interrupted", progress.Phase);
        Assert.Equal(sink.Runs, progress.RunsDelivered);
        Assert.InRange(progress.RunsDelivered, 200, spec.Runs - 1);
        Assert.Equal(spec.Runs, progress.Runs);
    }

    /// <summary>The same runs from the plain runner on one thread, as raw bits (so NaN compares equal to NaN).</summary>
    private static long[] PlainRunner(ExperimentSpec spec)
    {
        var sink = new InOrderRows();
        var compiled = ScenarioCompiler.Instance.Compile(spec.ScenarioYaml);
        MonteCarloRunner.Run(compiled.NewModel, new RunPlan(spec.Seed, spec.Runs, Threads: 1, BatchSize: spec.BatchSize), sink);
        return sink.Bits();
    }

    /// <summary>Collects rows, failing at once if a run arrives out of order or twice.</summary>
    private sealed class InOrderRows : IOutcomeSink
    {
        private readonly List<double> _values = [];
        private long _runs;

        public long Runs => Interlocked.Read(ref _runs);

        public void Accept(long firstRun, int count, ReadOnlySpan<double> outcomes)
        {
            Assert.Equal(_runs, firstRun);
            _values.AddRange(outcomes);
            Interlocked.Add(ref _runs, count);
        }

        public long[] Bits() => [.. _values.Select(BitConverter.DoubleToInt64Bits)];
    }
}
