using MarketSim.Grains.Experiments;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Providers;
using MarketSim.Grains.Statistics;
using MarketSim.Silo.Hosting;
using MarketSim.Silo.Runs;
using MarketSim.Simulator.Scenarios;
using MarketSim.Simulator.Statistics;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Orleans;

/// <summary>
/// The entity grains on a two-silo cluster hold exactly the distributions computed from the runs the
/// client received, and answer while the experiment runs.
/// </summary>
public sealed class EntityGrainTests
{
    [Fact]
    public async Task Each_entity_grain_holds_the_distribution_computed_from_the_runs()
    {
        var yaml = File.ReadAllText(Repo.Scenario("dorset-pool-2017.yaml"));
        var spec = new ExperimentSpec(yaml, Seed: 11, Runs: 300, BatchSize: 25, Entities: true);
        var schema = ScenarioCompiler.Instance.Compile(yaml).Schema;
        var fromRuns = new EntityOutcomeSink(schema);
        var unmet = new RunningMoments();
        var column = schema.IndexOf($"unmet_hours__{schema.EntitiesOf(EntityKind.Zone).First().Id}");
        await using var silos = await TwoSilos.Start();

        await ExperimentClient.Run(silos.Cluster.Client, "entities", spec, new Both(fromRuns, (first, count, rows) =>
        {
            for (var r = 0; r < count; r++)
            {
                unmet.Add(rows[(r * schema.Stride) + column]);
            }
        }));
        var fromGrains = await silos.Cluster.Client.GetGrain<IExperimentGrain>("entities").EntitySummaries();

        Assert.Equal(schema.Entities.Count, fromGrains.Count);
        foreach (var (grain, direct) in fromGrains.Zip(fromRuns.Summaries()))
        {
            Assert.Equal(direct.Block, grain.Block);
            Assert.Equal(spec.Runs, grain.Runs);
            Assert.Equal(direct.Metrics, grain.Metrics);
            Assert.Equal(direct.Exits?.ByYear, grain.Exits?.ByYear);
            Assert.Equal(direct.LosesLead, grain.LosesLead);
        }
        var zone = fromGrains.First(s => s.Block.Kind == EntityKind.Zone).Metric("unmet_hours");
        Assert.Equal(unmet.Mean, zone.Mean);
        Assert.Equal(unmet.StdError, zone.StdError);
    }

    [Fact]
    public async Task A_provider_grain_answers_while_the_experiment_runs()
    {
        var yaml = File.ReadAllText(Repo.Scenario("doncaster-ccash.yaml"));
        var spec = new ExperimentSpec(yaml, Seed: 3, Runs: 3000, BatchSize: 25, Entities: true);
        var schema = ScenarioCompiler.Instance.Compile(yaml).Schema;
        var provider = schema.EntitiesOf(EntityKind.Provider).First();
        await using var silos = await TwoSilos.Start();
        var client = silos.Cluster.Client;
        var received = 0L;
        var run = Task.Run(() => ExperimentClient.Run(client, "live", spec, new Both(null, (first, count, _) => Interlocked.Exchange(ref received, first + count))));
        Proportion? early = null;
        while (!run.IsCompleted && early is not { Runs: > 0 })
        {
            early = await client.GetGrain<IProviderGrain>($"live/{provider.Id}").ExitWithin(year: 1);
            await Task.Delay(20);
        }

        Assert.False(run.IsCompleted, "the experiment finished before the provider grain was asked; give it more runs");
        Assert.InRange(early!.Runs, 1, spec.Runs - 1);
        await run;
        var final = await client.GetGrain<IProviderGrain>($"live/{provider.Id}").ExitWithin(year: 1);
        Assert.Equal(spec.Runs, final!.Runs);
    }

    [Fact]
    public async Task An_entity_grain_given_later_runs_with_no_saved_runs_says_its_saved_state_is_gone()
    {
        var schema = ScenarioCompiler.Instance.Compile(File.ReadAllText(Repo.Scenario("dorset-pool-2017.yaml"))).Schema;
        var provider = schema.EntitiesOf(EntityKind.Provider).First();
        await using var silos = await TwoSilos.Start();
        var runs = new EntityRuns(provider, [.. schema.MetricsOf(provider)], FirstRun: 1024, Count: 1, new double[provider.Width]);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => silos.Cluster.Client.GetGrain<IProviderGrain>($"lost/{provider.Id}").Accept(runs));

        Assert.Equal(
            $"Provider '{provider.Id}' holds none of runs 0 to 1023, which were sent to it before: its saved state is gone (Redis restarted empty or was flushed, or the experiment was forgotten)",
            ex.Message);
    }

    private sealed class Both(IOutcomeSink? sink, Action<long, int, double[]> also) : IOutcomeSink
    {
        public void Accept(long firstRun, int count, ReadOnlySpan<double> outcomes)
        {
            sink?.Accept(firstRun, count, outcomes);
            also(firstRun, count, outcomes.ToArray());
        }
    }
}
