using MarketSim.Grains.Experiments;
using MarketSim.Grains.Runs;
using MarketSim.Silo.Hosting;
using MarketSim.Silo.Runs;
using MarketSim.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MarketSim.Tests.Orleans;

/// <summary>
/// A silo whose run worker cannot start (its run threads fail to start) fails the experiment at once, naming that silo and
/// the cause, rather than leaving the client to wait out <see cref="ExperimentClient.PatienceWithoutProgress"/> and blame the silos' speed.
/// </summary>
public sealed class RunWorkerFailureTests
{
    private const string Cause = "the operating system refused another thread";

    [Fact]
    public async Task A_silo_whose_run_threads_cannot_start_fails_the_experiment_at_once_naming_the_silo_and_the_cause()
    {
        // Far more runs than the working silo computes before the experiment grain has asked every silo for its run worker.
        var spec = new ExperimentSpec(File.ReadAllText(Repo.Scenario("doncaster-ccash.yaml")), Seed: 2026, Runs: 1_000_000, BatchSize: 64, Entities: false);
        string? broken = null;
        await using var silos = await TwoSilos.Start((options, silo) =>
        {
            // The first silo configured gets run threads that cannot start, as Thread.Start fails when the system has no thread to give.
            broken ??= options.SiloName;
            if (options.SiloName == broken)
            {
                silo.Services.AddSingleton<RunThreads>(_ => throw new OutOfMemoryException(Cause));
            }
        });
        var brokenSilo = silos.Cluster.Silos.Single(s => s.Name == broken).SiloAddress;

        // Far less than the client's patience: under the old behaviour the run waited that out and then failed, blaming slow runs.
        var failsafe = ExperimentClient.PatienceWithoutProgress / 2;
        var failed = await Assert.ThrowsAsync<ExperimentFailedException>(
            () => ExperimentClient.Run(silos.Cluster.Client, "broken", spec, new NoSink()).WaitAsync(failsafe));

        Assert.Equal(
            $"experiment broken failed: silo {brokenSilo} could not start its run worker (OutOfMemoryException: {Cause}); stop that silo (or fix it and start it again) and run again",
            failed.Message);
        Assert.Equal(ExperimentPhase.Failed, (await silos.Cluster.Client.GetGrain<IExperimentGrain>("broken").Progress()).Phase);
    }

    private sealed class NoSink : IOutcomeSink
    {
        public void Accept(long firstRun, int count, ReadOnlySpan<double> outcomes)
        {
        }
    }
}
