using MarketSim.Grains.Market;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Statistics;
using MarketSim.Silo.Runs;
using MarketSim.Simulator.Scenarios;
using MarketSim.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace MarketSim.Tests.Entities;

/// <summary>
/// The distributions are grain state: serialized by Orleans after some runs and restored, they carry on
/// exactly as if they had never been stopped, and a restored copy still ignores the runs it has seen.
/// </summary>
public class EntitySerializationTests
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(EntityDistribution).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    [Fact]
    public void A_distribution_restored_from_its_serialized_state_carries_on_as_if_never_stopped()
    {
        var scenario = ScenarioLoader.Load(Repo.Scenario("doncaster-lead-exit.yaml"));
        var schema = new OutcomeSchema(scenario);
        var rows = new RowCollector(schema);
        MonteCarloRunner.Run(() => new Market(scenario), new RunPlan(5, 24, 2, 8), rows);

        foreach (var block in schema.Entities)
        {
            var straight = EntityDistribution.Create(block, schema);
            var stopped = EntityDistribution.Create(block, schema);
            for (var r = 0; r < 24; r++)
            {
                straight.Accept(r, rows.Rows[r].AsSpan(block.Offset, block.Width));
                if (r < 15)
                {
                    stopped.Accept(r, rows.Rows[r].AsSpan(block.Offset, block.Width));
                }
            }

            var restored = Serializer.Deserialize<EntityDistribution>(Serializer.SerializeToArray(stopped))!;
            Assert.IsType(stopped.GetType(), restored);
            Assert.False(restored.Accept(14, rows.Rows[14].AsSpan(block.Offset, block.Width)));
            for (var r = 15; r < 24; r++)
            {
                Assert.True(restored.Accept(r, rows.Rows[r].AsSpan(block.Offset, block.Width)));
            }

            Assert.Equal(Serializer.SerializeToArray(straight.Summarise()), Serializer.SerializeToArray(restored.Summarise()));
            Assert.Equal(straight.Summarise().Block, restored.Summarise().Block);
        }
    }

    [Fact]
    public void Moments_and_quantile_estimators_survive_a_round_trip()
    {
        var moments = new RunningMoments();
        var median = new P2Quantile(0.5);
        foreach (var x in new[] { 5.0, 1, double.NaN, 9, 3, 7, 2 })
        {
            moments.Add(x);
            median.Add(x);
        }

        var m = Serializer.Deserialize<RunningMoments>(Serializer.SerializeToArray(moments))!;
        var q = Serializer.Deserialize<P2Quantile>(Serializer.SerializeToArray(median))!;

        Assert.Equal((moments.Count, moments.Missing, moments.Mean, moments.Variance, moments.Min, moments.Max), (m.Count, m.Missing, m.Mean, m.Variance, m.Min, m.Max));
        Assert.Equal(median.Estimate(), q.Estimate());
        median.Add(4);
        q.Add(4);
        Assert.Equal(median.Estimate(), q.Estimate());
    }
}
