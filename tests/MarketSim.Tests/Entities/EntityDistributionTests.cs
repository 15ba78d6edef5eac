using MarketSim.Grains.Market;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Providers;
using MarketSim.Grains.Statistics;
using MarketSim.Grains.Zones;
using MarketSim.Silo.Runs;
using MarketSim.Simulator.Scenarios;
using MarketSim.Simulator.Statistics;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Entities;

/// <summary>A distribution across runs: its statistics, and how it takes batches (in order, redelivered, with a gap).</summary>
public class EntityDistributionTests
{
    [Fact]
    public void A_distributions_mean_and_se_equal_those_computed_directly_from_the_same_column()
    {
        var scenario = ScenarioLoader.Load(Repo.Scenario("doncaster-lead-exit.yaml"));
        var schema = new OutcomeSchema(scenario);
        var entities = new EntityOutcomeSink(schema);
        var column = new ColumnCollector(schema.IndexOf("unmet_hours__zone_4"), schema.Stride);

        MonteCarloRunner.Run(() => new Market(scenario), new RunPlan(11, 50, 2, 8), new FanOutSink(entities, column));

        var values = column.Values;
        var n = values.Count;
        var mean = values.Average();
        var se = Math.Sqrt(values.Sum(x => (x - mean) * (x - mean)) / (n - 1) / n);
        var unmet = entities.Of(EntityKind.Zone, "zone_4").Summarise().Metric("unmet_hours");
        Assert.Equal(n, unmet.Runs);
        Assert.Equal(mean, unmet.Mean, 1e-9 * mean);
        Assert.Equal(se, unmet.StdError, 1e-9 * se);
        var sorted = values.Order().ToList();
        Assert.InRange(unmet.P5, sorted[0], sorted[^1]);
        Assert.InRange(unmet.P50, unmet.P5, unmet.P95);
        Assert.InRange(unmet.P95, sorted[0], sorted[^1]);
    }

    [Fact]
    public void Below_five_runs_the_percentiles_are_exact_and_missing_values_are_left_out()
    {
        var d = Zone();
        double[] unmet = [3, double.NaN, 1, 2];
        for (var r = 0; r < unmet.Length; r++)
        {
            Assert.True(d.Accept(r, Block(unmet[r], weeksWithoutLead: r)));
        }

        var s = d.Summarise();
        var m = s.Metric("unmet_hours");
        Assert.Equal(4, s.Runs);
        Assert.Equal(3, m.Runs);
        Assert.Equal(2, m.Mean);
        Assert.Equal(SampleQuantile.Type7([1, 2, 3], 0.05), m.P5);
        Assert.Equal(2, m.P50);
        Assert.Equal(SampleQuantile.Type7([1, 2, 3], 0.95), m.P95);
        Assert.Equal(new Proportion(3, 4), s.LosesLead);
    }

    [Fact]
    public void A_redelivered_batch_is_ignored_and_a_partly_seen_one_adds_only_its_new_runs()
    {
        var once = Zone();
        var twice = Zone();
        var batch = Batch(0, 6);

        Assert.True(once.Accept(0, 6, batch));
        Assert.True(twice.Accept(0, 4, batch.AsSpan(0, 4 * ZoneMetrics.All.Count)));
        Assert.True(twice.Accept(2, 4, batch.AsSpan(2 * ZoneMetrics.All.Count)));
        Assert.False(twice.Accept(0, 6, batch));
        Assert.False(twice.Accept(3, 3, batch.AsSpan(3 * ZoneMetrics.All.Count)));

        Assert.Equal(6, twice.NextRun);
        Assert.Equal(Text(once.Summarise()), Text(twice.Summarise()));
    }

    [Fact]
    public void A_gap_in_the_runs_throws_and_leaves_the_distribution_as_it_was()
    {
        var d = Zone();
        d.Accept(0, 3, Batch(0, 3));
        var before = Text(d.Summarise());

        var error = Assert.Throws<InvalidOperationException>(() => d.Accept(4, 1, Batch(4, 1)));

        Assert.Contains("run 3", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, d.NextRun);
        Assert.Equal(before, Text(d.Summarise()));
    }

    [Fact]
    public void A_block_of_the_wrong_width_or_kind_is_refused()
    {
        var d = Zone();

        Assert.Throws<ArgumentException>(() => d.Accept(0, 2, new double[ZoneMetrics.All.Count]));
        Assert.Throws<ArgumentException>(() => new ProviderDistribution(ZoneBlock, ZoneMetrics.All));
    }

    [Fact]
    public void A_distribution_is_built_from_its_block_and_the_scenario_or_the_schema_alone()
    {
        var scenario = ScenarioLoader.Load(Repo.Scenario("dorset-pool-2017.yaml"));
        var schema = new OutcomeSchema(scenario);

        foreach (var block in schema.Entities)
        {
            var fromSchema = EntityDistribution.Create(block, schema);
            var fromScenario = EntityDistribution.Create(block, scenario);
            Assert.Equal(fromSchema.GetType(), fromScenario.GetType());
            Assert.Equal(fromSchema.Metrics, fromScenario.Metrics);
            Assert.Equal(block.Width, fromSchema.Metrics.Length);
        }
        Assert.Equal(schema.Stride, schema.RowWidth + schema.Entities.Sum(b => b.Width));
        Assert.Equal(schema.RowWidth, schema.Entities[0].Offset);
        Assert.All(schema.Entities.Zip(schema.Entities.Skip(1)), p => Assert.Equal(p.First.Offset + p.First.Width, p.Second.Offset));
    }

    private static readonly EntityBlock ZoneBlock = new(EntityKind.Zone, "z", "Zone", 100, ZoneMetrics.All.Count);

    private static ZoneDistribution Zone() => new(ZoneBlock, ZoneMetrics.All);

    private static double[] Block(double unmet, int weeksWithoutLead)
    {
        var block = new double[ZoneMetrics.All.Count];
        block[ZoneMetrics.UnmetHours] = unmet;
        block[ZoneMetrics.WeeksWithoutLead] = weeksWithoutLead;
        block[ZoneMetrics.DeliveredHours] = 10 * unmet;
        return block;
    }

    private static double[] Batch(int firstRun, int count) =>
        [.. Enumerable.Range(firstRun, count).SelectMany(r => Block(Math.Sqrt(r + 1) * 100, r % 3))];

    private static string Text(EntitySummary s) =>
        string.Join(";", s.Metrics.Select(m => $"{m.Metric.Name}:{m.Runs}:{m.Mean:R}:{m.StdError:R}:{m.P5:R}:{m.P50:R}:{m.P95:R}")) + $"|{s.Runs}|{s.LosesLead}";
}
