using System.Globalization;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;
using MarketSim.Silo.Runs;
using MarketSim.Simulator.Experiments;
using MarketSim.Simulator.Reports;
using MarketSim.Simulator.Scenarios;
using MarketSim.Simulator.Statistics;

namespace MarketSim.Simulator.Comparison;

/// <summary>
/// Paired comparison of scenarios: the base and each other scenario run with the same seed and run
/// indices on one embedded silo. Every zone, provider and the economy draw from their own streams,
/// so run k of each scenario sees the same random numbers where the scenarios agree (common random
/// numbers), and OTHER − BASE is taken run by run, with a tight interval.
/// </summary>
public static class ScenarioComparison
{
    /// <summary>The base's results subfolder.</summary>
    public const string BaseFolder = "base";

    /// <summary>The name of each scenario's effective copy in its results subfolder.</summary>
    public const string CopyFile = "scenario.yaml";

    /// <summary>
    /// Loads and checks every scenario and the metrics, running nothing. Throws
    /// <see cref="ScenarioException"/> listing every problem of every file, or naming a metric that no
    /// scenario reports. Without <paramref name="metrics"/>, the outcomes are the headline columns and
    /// every liability under a risk-share agreement.
    /// </summary>
    public static ComparisonPlan Plan(IReadOnlyList<string> scenarioPaths, IReadOnlyList<string>? metrics = null)
    {
        var problems = new List<ScenarioProblem>();
        var loaded = new List<(string Path, UncertainScenario Loaded)>();
        foreach (var path in scenarioPaths)
        {
            var (scenario, found) = ScenarioLoader.TryLoadUncertain(path);
            problems.AddRange(found);
            if (scenario is not null)
            {
                loaded.Add((path, scenario));
            }
        }
        if (problems.Count == 0)
        {
            problems.AddRange(HorizonProblems([.. loaded.Select(s => (s.Path, s.Loaded.Median))]));
        }
        if (problems.Count > 0)
        {
            throw new ScenarioException(problems);
        }
        var folders = Folders(scenarioPaths);
        // Compiled as `marketsim run` compiles it, so the schema has the engine's row: with a column for each uncertain input.
        var scenarios = loaded.Select((s, i) => new ComparedScenario(s.Path, folders[i], s.Loaded.Median, s.Loaded.Source!, ScenarioCompiler.Compile(s.Loaded).Schema, s.Loaded.Warnings)).ToList();
        if (metrics is { Count: > 0 })
        {
            foreach (var metric in metrics.Where(m => !scenarios.Any(s => s.Schema.Columns.Any(c => c.Name == m))))
            {
                OutcomeLookup.ColumnOrThrow(scenarios[0].Schema, metric, scenarios[0].Path, "--metric");
            }
        }
        var baseScenario = scenarios[0];
        var baseNames = Selected(baseScenario.Schema, metrics);
        var baseLabels = new OutcomeLabels(baseScenario.Scenario);
        var others = scenarios.Skip(1).Select(other =>
        {
            var otherNames = Selected(other.Schema, metrics);
            var otherLabels = new OutcomeLabels(other.Scenario);
            var shared = baseNames.Intersect(otherNames).Select(name => new ComparedOutcome(
                name,
                baseScenario.Schema.Columns[baseScenario.Schema.IndexOf(name)].Unit,
                baseLabels.Short(name, otherLabels),
                OutcomeDirection.Of(name),
                baseScenario.Schema.IndexOf(name),
                other.Schema.IndexOf(name)));
            return new Counterpart(other, [.. shared], [.. baseNames.Except(otherNames)], [.. otherNames.Except(baseNames)]);
        }).ToList();
        if (others.FirstOrDefault(o => o.Outcomes.Count == 0) is { } none)
        {
            throw new ScenarioException([new ScenarioProblem(none.Scenario.Path, 0, 0, "--metric",
                $"no outcome asked for is reported by both {Path.GetFileName(baseScenario.Path)} and {Path.GetFileName(none.Scenario.Path)}, so there is nothing to compare; allowed: outcomes both scenarios report, such as unmet_hours_total")]);
        }
        return new ComparisonPlan(baseScenario, others, metrics is { Count: > 0 } ? [.. metrics.Distinct()] : []);
    }

    /// <summary>
    /// Runs the plan on an embedded silo: the base, then each other scenario, with the same seed and
    /// runs. With <paramref name="folder"/>, each scenario's runs.csv is written to its subfolder.
    /// </summary>
    public static IReadOnlyList<ComparisonResult> Run(ComparisonPlan plan, ulong seed, long runs, int threads, ResultsFolder? folder = null, Action<long>? onRunsDone = null, CancellationToken cancellation = default)
    {
        using var engine = RunEngine.Embedded(threads, cancellation);
        var id = RunEngine.NewExperimentId(plan.Base.Scenario.Name);
        var done = 0L;
        var baseOutcomes = new RunColumns([.. plan.Others.SelectMany(o => o.Outcomes).Select(o => o.BaseColumn).Distinct()], plan.Base.Schema.Stride, runs);
        RunOne(engine, $"{id}-base", plan.Base, baseOutcomes, RunPlan.WithDefaultBatches(seed, runs, threads), folder, n => onRunsDone?.Invoke(done + n), cancellation);
        done += runs;
        var results = new List<ComparisonResult>();
        for (var i = 0; i < plan.Others.Count; i++)
        {
            var other = plan.Others[i];
            var differences = other.Outcomes.Select(o => new PairedDifference(o)).ToList();
            var pairing = new PairingSink(baseOutcomes, differences, other.Scenario.Schema.Stride);
            RunOne(engine, $"{id}-other{i + 1}", other.Scenario, pairing, RunPlan.WithDefaultBatches(seed, runs, threads), folder, n => onRunsDone?.Invoke(done + n), cancellation);
            done += runs;
            results.Add(new ComparisonResult(other, differences));
        }
        return results;
    }

    private static void RunOne(RunEngine engine, string id, ComparedScenario scenario, IOutcomeSink sink, RunPlan plan, ResultsFolder? folder, Action<long> onRunsDone, CancellationToken cancellation)
    {
        if (folder is null)
        {
            engine.Run(id, scenario.Yaml, plan, sink, onRunsDone, cancellation: cancellation);
            return;
        }
        Directory.CreateDirectory(folder.File(scenario.Folder));
        using var csv = new RunsCsvWriter(folder.File(Path.Combine(scenario.Folder, "runs.csv")), scenario.Schema);
        engine.Run(id, scenario.Yaml, plan, new FanOutSink(csv, sink), onRunsDone, cancellation: cancellation);
    }

    private static List<string> Selected(OutcomeSchema schema, IReadOnlyList<string>? metrics) =>
        metrics is { Count: > 0 }
            ? [.. metrics.Distinct().Where(m => schema.Columns.Any(c => c.Name == m))]
            : [.. schema.Columns.Where(ComparedByDefault).Select(c => c.Name)];

    /// <summary>
    /// Whether <paramref name="column"/> is compared when no metrics are named: the headline columns, every
    /// liability under a risk-share agreement, and each zone's weeks without an open lead provider (will a
    /// zone lose its lead is a strategy team's first question of a change).
    /// </summary>
    internal static bool ComparedByDefault(OutcomeColumn column) =>
        column.Headline
        || column.Name.StartsWith("liability_gbp__", StringComparison.Ordinal)
        || column.Name.StartsWith("weeks_without_lead__", StringComparison.Ordinal);

    /// <summary>
    /// A problem for each scenario whose horizon is not the base's (the first): every outcome is a total,
    /// mean or peak over the horizon, so run k of a 2-year scenario and of a 5-year one measure different things.
    /// The command line and the workbench's Compare page both refuse such a comparison with these messages.
    /// </summary>
    public static IEnumerable<ScenarioProblem> HorizonProblems(IReadOnlyList<(string Path, MarketScenario Scenario)> scenarios) =>
        scenarios.Skip(1).Where(s => s.Scenario.HorizonWeeks != scenarios[0].Scenario.HorizonWeeks).Select(s => HorizonProblem(s.Path, s.Scenario, scenarios[0].Path, scenarios[0].Scenario));

    /// <summary>
    /// What the user should know before reading the differences: a sentence for each scenario that starts on
    /// another date than the base (the first), whose run k then meets the seasons in other weeks.
    /// </summary>
    public static IEnumerable<string> StartDateWarnings(IReadOnlyList<(string Path, MarketScenario Scenario)> scenarios) =>
        scenarios.Skip(1).Where(s => s.Scenario.StartDate != scenarios[0].Scenario.StartDate).Select(s =>
            $"{s.Path} starts on {Date(s.Scenario)}, the base {scenarios[0].Path} on {Date(scenarios[0].Scenario)}: the seasons fall in other weeks of the horizon, so seasonal demand moves between the paired runs as well as what you changed");

    /// <summary>
    /// A sentence for each scenario that shares no zone and no provider (by id) with the base (the first): two different
    /// markets, such as Doncaster's and Leicestershire's, whose run k draws for other zones and providers than the base's
    /// run k, so that the paired differences compare two places, not the effect of a change to one.
    /// </summary>
    public static IEnumerable<string> DifferentMarketWarnings(IReadOnlyList<(string Path, MarketScenario Scenario)> scenarios) =>
        scenarios.Skip(1).Where(s => !SharesAnEntity(s.Scenario, scenarios[0].Scenario)).Select(s =>
            $"{s.Path} shares no zone and no provider (by id) with the base {scenarios[0].Path}: they are different markets, so run k of each draws for other zones and providers, and the differences compare two markets, not the effect of a change to one");

    private static bool SharesAnEntity(MarketScenario scenario, MarketScenario baseScenario) =>
        scenario.Zones.Any(z => baseScenario.Zones.Any(b => b.Id == z.Id)) || scenario.Providers.Any(p => baseScenario.Providers.Any(b => b.Id == p.Id));

    private static string Date(MarketScenario scenario) => scenario.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static ScenarioProblem HorizonProblem(string path, MarketScenario scenario, string basePath, MarketScenario baseScenario) =>
        new(path, 0, 0, "horizon_years",
            $"{Horizon(scenario)}, but the base {basePath} runs {Horizon(baseScenario)}: totals over different periods cannot be compared; allowed: the base's horizon_years ({Years(baseScenario)}), or compare scenarios of one horizon");

    private static string Horizon(MarketScenario scenario) => $"{Years(scenario)} {(Years(scenario) == "1" ? "year" : "years")} ({scenario.HorizonWeeks} weeks)";

    private static string Years(MarketScenario scenario) =>
        (scenario.HorizonWeeks / (double)MarketScenario.WeeksPerYear).ToString("0.##", CultureInfo.InvariantCulture);

    // "base" for the first scenario, the file's name for each other, made unique with -2, -3, ... A copy
    // from a results folder (NAME/scenario.yaml) is named by its folder, so the reproduce command names NAME again.
    private static List<string> Folders(IReadOnlyList<string> paths)
    {
        var folders = new List<string> { BaseFolder };
        foreach (var path in paths.Skip(1))
        {
            var name = Path.GetFileName(path) == CopyFile && Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path))) is { Length: > 0 } folder
                ? folder
                : Path.GetFileNameWithoutExtension(path);
            var stem = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')]);
            stem = stem.Trim('.').Length == 0 ? "other" : stem;
            var unique = stem;
            for (var n = 2; folders.Contains(unique); n++)
            {
                unique = $"{stem}-{n}";
            }
            folders.Add(unique);
        }
        return folders;
    }
}
