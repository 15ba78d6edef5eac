using MarketSim.Grains.Market;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;
using MarketSim.Silo.Runs;
using MarketSim.Simulator.Scenarios;
using MarketSim.Simulator.Statistics;

namespace MarketSim.Simulator.Sensitivity;

/// <summary>
/// One-at-a-time sensitivity: the base scenario and, for each varied input, a low and a high
/// variant, all run with the same seed and run indices. Because every zone, provider and the
/// economy draw from their own streams, the variants share their random numbers with the base
/// (common random numbers), so each effect is a paired difference, run by run, with a tight interval.
/// </summary>
public static class SensitivityAnalysis
{
    /// <summary>One variant's effect on one outcome: its mean and the paired difference from the base.</summary>
    public sealed record Effect(string Parameter, string Setting, double Value, string Metric, double BaseMean, double VariantMean, RunningMoments Difference);

    /// <summary>Runs the analysis; throws <see cref="ScenarioException"/> when the scenario, a path or a variant is bad.</summary>
    public static List<Effect> Run(string scenarioPath, IReadOnlyList<Variation> variations, IReadOnlyList<string> metrics, ulong seed, long runs, int threads, Action<long>? onRunsDone = null, CancellationToken cancellation = default)
    {
        var problems = new List<ScenarioProblem>();
        var document = ScenarioDocument.Parse(File.Exists(scenarioPath) ? File.ReadAllText(scenarioPath) : throw new ScenarioException([new ScenarioProblem(scenarioPath, 0, 0, "", "file not found; allowed: the path of a scenario YAML file")]), scenarioPath, problems)
            ?? throw new ScenarioException(problems);
        var baseScenario = Load(document, scenarioPath, "");
        var schema = new OutcomeSchema(baseScenario);
        var columns = metrics.Select(m => OutcomeLookup.ColumnOrThrow(schema, m, scenarioPath, "--metric")).ToArray();
        var variants = new List<(string Parameter, string Setting, double Value, MarketScenario Scenario)>();
        foreach (var v in variations)
        {
            foreach (var (setting, value) in new[] { ("low", v.Low), ("high", v.High) })
            {
                YamlDotNet.RepresentationModel.YamlNode root;
                try
                {
                    root = v.Path.With(document.Root, value);
                }
                catch (ArgumentException ex)
                {
                    throw new ScenarioException([new ScenarioProblem(scenarioPath, 0, 0, $"--vary {v.Path.Text}", ex.Message)]);
                }
                var scenario = Load(document.WithRoot(root), scenarioPath, $"--vary {v.Path.Text}={value}: ");
                if (new OutcomeSchema(scenario).RowWidth != schema.RowWidth)
                {
                    throw new ScenarioException([new ScenarioProblem(scenarioPath, 0, 0, $"--vary {v.Path.Text}", "changes the scenario's outputs (its horizon or its entities); allowed: a value that changes only numbers")]);
                }
                variants.Add((v.Path.Text, setting, value, scenario));
            }
        }
        var done = 0L;
        var baseValues = Collect(baseScenario, columns, schema.RowWidth, seed, runs, threads, n => onRunsDone?.Invoke(done + n), cancellation);
        done += runs;
        var effects = new List<Effect>();
        foreach (var (parameter, setting, value, scenario) in variants)
        {
            var values = Collect(scenario, columns, schema.RowWidth, seed, runs, threads, n => onRunsDone?.Invoke(done + n), cancellation);
            done += runs;
            for (var m = 0; m < columns.Length; m++)
            {
                var difference = new RunningMoments();
                for (var r = 0; r < runs; r++)
                {
                    difference.Add(values[m][r] - baseValues[m][r]);
                }
                effects.Add(new Effect(parameter, setting, value, metrics[m], Mean(baseValues[m]), Mean(values[m]), difference));
            }
        }
        return effects;
    }

    private static MarketScenario Load(ScenarioDocument document, string file, string prefix)
    {
        var (scenario, problems) = ScenarioLoader.FromDocument(document, file);
        return scenario ?? throw new ScenarioException([.. problems.Select(p => p with { Message = prefix + p.Message })]);
    }

    private static double[][] Collect(MarketScenario scenario, int[] columns, int width, ulong seed, long runs, int threads, Action<long> onRunsDone, CancellationToken cancellation)
    {
        var sink = new Columns(columns, width, runs);
        MonteCarloRunner.Run(() => new Market(scenario), new RunPlan(seed, runs, threads), sink, onRunsDone, cancellation: cancellation);
        return sink.Values;
    }

    private static double Mean(double[] values) => values.Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average();

    private sealed class Columns(int[] columns, int width, long runs) : IOutcomeSink
    {
        public double[][] Values { get; } = [.. columns.Select(_ => new double[runs])];

        public void Accept(long firstRun, int count, ReadOnlySpan<double> outcomes)
        {
            for (var r = 0; r < count; r++)
            {
                for (var m = 0; m < columns.Length; m++)
                {
                    Values[m][firstRun + r] = outcomes[(r * width) + columns[m]];
                }
            }
        }
    }
}
