using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Statistics;
using MarketSim.Silo.Runs;
using MarketSim.Simulator.Scenarios;
using MarketSim.Simulator.Statistics;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Statistics;

/// <summary>
/// series.csv's bands, which the fan charts draw: exact quantiles for the counts (people, providers), bands in order
/// and within the month's values for every series, and the same whatever the threads and batches.
/// </summary>
public class SeriesSummaryTests
{
    private const ulong Seed = 2026;

    public static TheoryData<string> BundledScenarios() =>
        [.. Directory.GetFiles(Path.Combine(Repo.Root, "scenarios"), "*.yaml").Select(f => Path.GetFileName(f)).Order()];

    [Fact]
    public void A_month_where_most_runs_have_no_one_waiting_has_bands_of_exactly_0_not_tiny_estimates()
    {
        var schema = new OutcomeSchema(ScenarioLoader.Load(Repo.Scenario("dorset-pool-2017.yaml")));
        var series = new SeriesSummary(schema);
        var row = new double[schema.Stride];
        var cell = (OutcomeSchema.SeriesWaiting * schema.Months) + 3;
        var random = new Random(4);
        for (var run = 0; run < 1_000; run++)
        {
            row[schema.SeriesIndex(OutcomeSchema.SeriesWaiting, 3)] = random.NextDouble() < 0.96 ? 0 : random.Next(1, 400);
            series.Accept(run, 1, row);
        }

        var bands = Bands(series, cell);

        Assert.Equal([0, 0, 0, 0], bands[..4]);
    }

    [Fact]
    public void A_count_month_spanning_more_values_than_the_counts_keep_falls_back_to_P2_estimates_in_order()
    {
        var schema = new OutcomeSchema(ScenarioLoader.Load(Repo.Scenario("dorset-pool-2017.yaml")));
        var series = new SeriesSummary(schema);
        var row = new double[schema.Stride];
        var cell = OutcomeSchema.SeriesCaseload * schema.Months;
        var random = new Random(5);
        for (var run = 0; run < 1_000; run++)
        {
            row[schema.SeriesIndex(OutcomeSchema.SeriesCaseload, 0)] = random.Next(0, 3 * WholeNumberCounts.MaxRange);
            series.Accept(run, 1, row);
        }

        var bands = Bands(series, cell);

        Assert.False(series.IsExact(cell));
        Assert.Equal(bands.Order(), bands);
        Assert.InRange(bands[2], WholeNumberCounts.MaxRange, 2 * WholeNumberCounts.MaxRange);
    }

    [Fact]
    public void Bands_of_a_count_series_are_the_exact_type_7_quantiles_of_its_values()
    {
        var (schema, rows, series) = Run("dorset-pool-2017.yaml", runs: 500, threads: 2, batchSize: 16);
        var counted = 0;
        for (var s = 0; s < OutcomeSchema.Series.Count; s++)
        {
            if (OutcomeSchema.Series[s].Unit is not ("people" or "providers"))
            {
                continue;
            }
            for (var m = 0; m < schema.Months; m++)
            {
                var cell = (s * schema.Months) + m;
                var sorted = rows.Select(r => r[schema.SeriesIndex(s, m)]).Where(x => !double.IsNaN(x)).Order().ToList();
                var exact = OutcomeSummary.Probabilities.Select(p => SampleQuantile.Type7(sorted, p)).ToArray();
                Assert.Equal(exact, Bands(series, cell));
                counted++;
            }
        }
        Assert.Equal(3 * schema.Months, counted);
    }

    [Theory]
    [MemberData(nameof(BundledScenarios))]
    public void Bands_never_cross_and_stay_within_the_months_values_for_every_series(string fileName)
    {
        var (schema, rows, series) = Run(fileName, runs: 200, threads: 2, batchSize: 16);
        var failures = new List<string>();
        for (var s = 0; s < OutcomeSchema.Series.Count; s++)
        {
            for (var m = 0; m < schema.Months; m++)
            {
                var values = rows.Select(r => r[schema.SeriesIndex(s, m)]).Where(x => !double.IsNaN(x)).ToArray();
                var bands = Bands(series, (s * schema.Months) + m);
                if (values.Length == 0)
                {
                    Assert.All(bands, b => Assert.True(double.IsNaN(b)));
                    continue;
                }
                var inOrder = bands.Zip(bands.Skip(1)).All(pair => pair.First <= pair.Second);
                if (!inOrder || bands[0] < values.Min() || bands[^1] > values.Max())
                {
                    failures.Add($"{OutcomeSchema.Series[s].Name} month {m + 1}: {string.Join(", ", bands)} (values {values.Min()} to {values.Max()})");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Bands_are_the_same_bit_for_bit_whatever_the_threads_and_batch_size()
    {
        var (schema, _, two) = Run("doncaster-uncertain.yaml", runs: 200, threads: 2, batchSize: 16);
        var (_, _, one) = Run("doncaster-uncertain.yaml", runs: 200, threads: 1, batchSize: 7);

        for (var cell = 0; cell < OutcomeSchema.Series.Count * schema.Months; cell++)
        {
            Assert.Equal(Bands(two, cell).Select(BitConverter.DoubleToInt64Bits), Bands(one, cell).Select(BitConverter.DoubleToInt64Bits));
        }
    }

    private static double[] Bands(SeriesSummary series, int cell) =>
        [.. Enumerable.Range(0, OutcomeSummary.Probabilities.Length).Select(q => series.Quantile(cell, q))];

    private static (OutcomeSchema Schema, List<double[]> Rows, SeriesSummary Series) Run(string fileName, int runs, int threads, int batchSize)
    {
        var compiled = ScenarioCompiler.Compile(ScenarioLoader.LoadUncertain(Repo.Scenario(fileName)));
        var rows = new RowCollector(compiled.Schema);
        var series = new SeriesSummary(compiled.Schema);
        MonteCarloRunner.Run(compiled.NewModel, new RunPlan(Seed, runs, threads, batchSize), new FanOutSink(rows, series));
        return (compiled.Schema, rows.Rows, series);
    }
}
