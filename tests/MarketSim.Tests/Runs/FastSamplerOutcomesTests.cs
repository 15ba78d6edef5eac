using MarketSim.Grains.Experiments;
using MarketSim.Grains.Randomness;
using MarketSim.Silo.Runs;
using MarketSim.Simulator.Scenarios;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Runs;

/// <summary>
/// The engine's samplers (ziggurat, Marsaglia–Tsang, PTRS) change every draw, so results are no longer
/// byte-identical to MathNet's; what must hold (issue 14) is that every headline outcome of every bundled
/// scenario has the same distribution. The same model is run with each sampler family on independent seeds,
/// and each headline mean (plus provider exits) must agree within 4 standard errors of the difference.
/// </summary>
public class FastSamplerOutcomesTests
{
    /// <summary>300 runs a family: the six scenarios take about 15 s of CPU in all, and a shift of a third of an outcome's SD shows.</summary>
    private const int Runs = 300;

    public static TheoryData<string> Scenarios { get; } =
        new(Directory.GetFiles(Path.Combine(Repo.Root, "scenarios"), "*.yaml").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Headline_means_with_the_fast_samplers_match_mathnets_within_4_se(string file)
    {
        var loaded = ScenarioLoader.LoadUncertain(Repo.Scenario(file));
        var fast = RunAll(ScenarioCompiler.Compile(loaded, null, SamplerFamily.Fast), seed: 14);
        var reference = RunAll(ScenarioCompiler.Compile(loaded, null, SamplerFamily.MathNet), seed: 41);
        var schema = ScenarioCompiler.Compile(loaded).Schema;
        var compared = 0;
        var failures = new List<string>();
        for (var c = 0; c < schema.Count; c++)
        {
            var column = schema.Columns[c];
            if (!column.Headline && column.Name != "provider_exits")
            {
                continue;
            }
            var a = Moments(fast, c);
            var b = Moments(reference, c);
            if (a.N < 2 || b.N < 2)
            {
                continue;
            }
            compared++;
            var se = Math.Sqrt((a.Variance / a.N) + (b.Variance / b.N));
            var difference = a.Mean - b.Mean;
            if (Math.Abs(difference) > 4 * se)
            {
                failures.Add($"{column.Name}: fast {a.Mean:G6} (n {a.N}), MathNet {b.Mean:G6} (n {b.N}), difference {difference:G4} is {Math.Abs(difference) / se:F1} SE");
            }
        }
        Assert.True(compared >= 8, $"only {compared} headline columns compared");
        Assert.True(failures.Count == 0, $"{file}: {string.Join("; ", failures)}");
    }

    private static List<double[]> RunAll(CompiledScenario compiled, ulong seed)
    {
        var rows = new RowCollector(compiled.Schema);
        MonteCarloRunner.Run(compiled.NewModel, new RunPlan(seed, Runs, Threads: 2), rows);
        return rows.Rows;
    }

    /// <summary>Mean, sample variance and count of column <paramref name="c"/> over the runs where it is defined (NaN is "not applicable").</summary>
    private static (double Mean, double Variance, int N) Moments(List<double[]> rows, int c)
    {
        var values = rows.Select(r => r[c]).Where(double.IsFinite).ToArray();
        if (values.Length < 2)
        {
            return (double.NaN, double.NaN, values.Length);
        }
        var mean = values.Average();
        return (mean, values.Sum(x => (x - mean) * (x - mean)) / (values.Length - 1), values.Length);
    }
}
