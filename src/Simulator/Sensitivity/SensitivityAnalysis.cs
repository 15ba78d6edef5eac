using System.Globalization;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;
using MarketSim.Grains.Statistics;
using MarketSim.Silo.Runs;
using MarketSim.Simulator.Experiments;
using MarketSim.Simulator.Scenarios;
using MarketSim.Simulator.Statistics;
using YamlDotNet.RepresentationModel;

namespace MarketSim.Simulator.Sensitivity;

/// <summary>
/// One-at-a-time sensitivity: the base scenario and, for each varied input, variants at N evenly
/// spaced values from its low to its high value (N ≥ 2; the ends feed the tornado, every point the
/// spider chart), all run with the same seed and run indices. Because every zone, provider and the
/// economy draw from their own streams, the variants share their random numbers with the base
/// (common random numbers), so each effect is a paired difference, run by run, with a tight interval.
/// </summary>
public static class SensitivityAnalysis
{
    /// <summary>The points per input unless told otherwise: low, mid and high.</summary>
    public const int DefaultPoints = 3;

    /// <summary>
    /// One variant's effect on one outcome: the base's and the variant's means over the paired runs (those in which
    /// the outcome has a value in both, as `compare` pairs them) and the paired difference from the base, whose
    /// <see cref="RunningMoments.Count"/> is the runs paired and <see cref="RunningMoments.Missing"/> the runs left out.
    /// </summary>
    public sealed record Effect(string Parameter, string Setting, double Value, string Metric, double BaseMean, double VariantMean, RunningMoments Difference)
    {
        /// <summary>The base case's mean over every one of its runs with a value, paired or not: the table's title and the spider chart's dashed line.</summary>
        public double BaseCaseMean { get; init; } = BaseMean;

        /// <summary>Where the value lies between the input's low (0) and high (1) value.</summary>
        public double Position { get; init; }

        /// <summary>Whether this is the low or the high end, which the tornado and sensitivity.csv use.</summary>
        public bool IsEnd => Setting is Low or High;
    }

    /// <summary>Plans and runs the analysis at <paramref name="points"/> values per input; throws as <see cref="Plan"/> does.</summary>
    public static List<Effect> Run(string scenarioPath, IReadOnlyList<Variation> variations, IReadOnlyList<string> metrics, ulong seed, long runs, int threads, int points = DefaultPoints, Action<long>? onRunsDone = null, CancellationToken cancellation = default) =>
        Run(Plan(scenarioPath, variations, metrics, points), seed, runs, threads, onRunsDone, cancellation);

    private const string Low = "low";
    private const string High = "high";

    /// <summary>
    /// Reads the scenario, checks the metrics and every variation, and loads each variant, running
    /// nothing; throws <see cref="VariationException"/> when a path reaches no value or a value that
    /// is not a number, and <see cref="ScenarioException"/> when the scenario, a metric or a variant is bad.
    /// Each input gets <paramref name="points"/> (at least 2) evenly spaced values from low to high.
    /// </summary>
    public static SensitivityPlan Plan(string scenarioPath, IReadOnlyList<Variation> variations, IReadOnlyList<string> metrics, int points = DefaultPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 2);
        var problems = new List<ScenarioProblem>();
        var (document, source) = ScenarioLoader.ReadDocument(scenarioPath, problems);
        if (document is null || source is null || problems.Count > 0)
        {
            throw new ScenarioException(problems);
        }
        var warnings = new List<ScenarioProblem>();
        var baseScenario = Load(document, scenarioPath, warnings: warnings);
        var schema = new OutcomeSchema(baseScenario);
        var columns = metrics.Select(m => OutcomeLookup.ColumnOrThrow(schema, m, scenarioPath, "--metric")).ToArray();
        var unusable = variations.Select(v => NotANumber(v, document, scenarioPath)).OfType<string>().ToList();
        if (unusable.Count > 0)
        {
            throw new VariationException(unusable);
        }
        var variants = new List<SensitivityPlan.Variant>();
        var original = new HashSet<YamlNode>(document.Root.AllNodes, ReferenceEqualityComparer.Instance);
        foreach (var v in variations)
        {
            foreach (var (setting, position, value) in Points(v, points))
            {
                var root = v.Path.With(document.Root, value);
                var option = $"--vary {v.Text}";
                var variant = document.WithRoot(root, Fresh(root, original), option);
                var scenario = Load(variant, scenarioPath, option, v.Path.Text, value, generated: setting is Low or High ? null : setting);
                if (new OutcomeSchema(scenario).RowWidth != schema.RowWidth)
                {
                    throw new ScenarioException([new ScenarioProblem(scenarioPath, 0, 0, $"--vary {v.Path.Text}", "changes the scenario's outputs (its horizon or its entities); allowed: a value that changes only numbers")]);
                }
                variants.Add(new SensitivityPlan.Variant(v.Path.Text, setting, position, value, scenario, variant.ToYaml(), v.Path.IsEverywhere(document.Root, value)));
            }
        }
        return new SensitivityPlan(baseScenario, source, schema, [.. metrics], columns, variants) { Warnings = warnings };
    }

    /// <summary>
    /// Runs a planned analysis on an embedded silo: the base, then each variant, as experiments with the
    /// same seed and run indices. A variant that sets the input to the value it has in the file is the base
    /// case itself, whose runs it takes rather than running them again (the same runs, to the bit).
    /// </summary>
    public static List<Effect> Run(SensitivityPlan plan, ulong seed, long runs, int threads, Action<long>? onRunsDone = null, CancellationToken cancellation = default)
    {
        using var engine = RunEngine.Embedded(threads, cancellation);
        var done = 0L;
        var id = RunEngine.NewExperimentId(plan.Base.Name);
        var baseValues = Collect(engine, $"{id}-base", plan.Base, plan.BaseYaml, plan.Columns, RunPlan.WithDefaultBatches(seed, runs, threads), n => onRunsDone?.Invoke(done + n), cancellation);
        done += runs;
        var effects = new List<Effect>();
        foreach (var (parameter, setting, position, value, scenario, yaml, isBase) in plan.Variants)
        {
            var values = isBase ? baseValues
                : Collect(engine, $"{id}-{parameter}-{setting}", scenario, yaml, plan.Columns, RunPlan.WithDefaultBatches(seed, runs, threads), n => onRunsDone?.Invoke(done + n), cancellation);
            done += isBase ? 0 : runs;
            for (var m = 0; m < plan.Columns.Length; m++)
            {
                // A run in which the outcome is empty (no failure, so no week of the first failure) in either is left
                // out of the pairs, and both means are over the paired runs, so that variant − base is the change.
                var difference = new RunningMoments();
                var (pairedBase, pairedVariant) = (new List<double>(), new List<double>());
                for (var r = 0; r < runs; r++)
                {
                    var (b, x) = (baseValues[m][r], values[m][r]);
                    difference.Add(x - b);
                    if (!double.IsNaN(b) && !double.IsNaN(x))
                    {
                        pairedBase.Add(b);
                        pairedVariant.Add(x);
                    }
                }
                effects.Add(new Effect(parameter, setting, value, plan.Metrics[m], Mean(pairedBase), Mean(pairedVariant), difference)
                {
                    Position = position,
                    BaseCaseMean = Mean(baseValues[m]),
                });
            }
        }
        return effects;
    }

    // The input's values: low, evenly spaced points, high (the ends exactly as given); the middle of an
    // odd number of points is "mid", the others "point i of N".
    private static IEnumerable<(string Setting, double Position, double Value)> Points(Variation v, int points)
    {
        for (var i = 0; i < points; i++)
        {
            var position = i / (double)(points - 1);
            var setting = i == 0 ? Low : i == points - 1 ? High : 2 * i == points - 1 ? "mid" : $"point {i + 1} of {points}";
            var value = i == 0 ? v.Low : i == points - 1 ? v.High : v.Low + ((v.High - v.Low) * position);
            yield return (setting, position, value);
        }
    }

    // Null when every value the variation's path reaches is a number; otherwise the --vary problem,
    // naming the first value that is not one and where it is.
    private static string? NotANumber(Variation variation, ScenarioDocument document, string scenarioPath)
    {
        var reached = variation.Path.Find(document.Root);
        if (reached.Count == 0)
        {
            return $"--vary: '{variation.Text}' reaches no value in the scenario: {variation.Path.WhereItStops(document.Root)}; allowed: a path of keys, list ids, [index] or * (every entry of a list, not part of an id) to a number, like providers.ID.capacity_weekly_hours or providers.*.rate_gbp_per_hour";
        }
        if (reached.FirstOrDefault(n => !ScenarioPath.IsNumber(n) && !YamlNodes.IsDistribution(n)) is not { } node)
        {
            return null;
        }
        var what = node switch
        {
            YamlMappingNode => "a mapping",
            YamlSequenceNode => "a list",
            YamlScalarNode { Value: { Length: > 0 } text } => $"'{text}'",
            _ => "an empty value",
        };
        var file = Path.GetFileName(document.Origins.GetValueOrDefault(node, scenarioPath));
        return $"--vary: '{variation.Text}' reaches {what} ({file} line {node.Start.Line}), which is not a number; allowed: a path to a number, like providers.ID.capacity_weekly_hours or zones.*.demand.annual_growth";
    }

    // The nodes of a variant's root that the file does not have: the new value and the blocks rebuilt around it.
    private static IEnumerable<YamlNode> Fresh(YamlNode root, HashSet<YamlNode> original) =>
        root.AllNodes.Where(n => !original.Contains(n));

    // A problem with a value or block the option made names the option, not a place in the file, and
    // says which of its values it is about unless the message starts with that value.
    /// <summary>
    /// Loads a variant; its problems name the --vary option, and a point between LOW and HIGH (<paramref name="generated"/>:
    /// "mid", "point 2 of 4") says that --points made it, which the user did not type.
    /// </summary>
    private static MarketScenario Load(ScenarioDocument document, string file, string option = "", string path = "", double value = 0, List<ScenarioProblem>? warnings = null, string? generated = null)
    {
        var (scenario, problems) = ScenarioLoader.FromDocument(document, file, warnings: warnings);
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        string Made(string message)
        {
            if (generated is null)
            {
                return message;
            }
            var allowed = message.IndexOf("; allowed: ", StringComparison.Ordinal);
            return message.Insert(allowed < 0 ? message.Length : allowed, $" ({text} is the {generated} point, which --points spaces evenly between LOW and HIGH)");
        }
        return scenario ?? throw new ScenarioException([.. problems.Select(p => p.File != option ? p with { Message = $"--vary {path}={text}: {Made(p.Message)}" }
            : p.Message.StartsWith(text + " ", StringComparison.Ordinal) ? p with { Line = 0, Column = 0, Message = Made(p.Message) }
            : p with { Line = 0, Column = 0, Message = $"at {text}: {Made(p.Message)}" })]);
    }

    // A variant's entity blocks may differ from the base's (a funding share set to 0), so each run's
    // stride is its own scenario's; the scalar columns read are the same in every variant.
    private static double[][] Collect(RunEngine engine, string id, MarketScenario scenario, string yaml, int[] columns, RunPlan runPlan, Action<long> onRunsDone, CancellationToken cancellation)
    {
        var sink = new RunColumns(columns, ScenarioCompiler.Instance.Compile(yaml).Schema.Stride, runPlan.Runs);
        engine.Run(id, yaml, runPlan, sink, onRunsDone, cancellation: cancellation);
        return sink.Values;
    }

    private static double Mean(IEnumerable<double> values) => values.Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average();
}
