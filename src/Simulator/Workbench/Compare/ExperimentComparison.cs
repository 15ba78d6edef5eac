using System.Globalization;
using MarketSim.Grains.Statistics;
using MarketSim.Simulator.Comparison;
using MarketSim.Simulator.Reports;
using MarketSim.Simulator.Scenarios;

namespace MarketSim.Simulator.Workbench.Compare;

/// <summary>
/// Two or more results folders side by side: each one's outcomes (mean ± standard error, P5, P50, P95),
/// and, for each folder run with the first (base) folder's seed, the paired difference OTHER − BASE run
/// by run: run k of each used the same random numbers (common random numbers), so the difference has a
/// much smaller standard error than the two means' own errors would give.
/// </summary>
public sealed class ExperimentComparison
{
    private ExperimentComparison(IReadOnlyList<ComparedExperiment> experiments, IReadOnlyList<ComparedRow> rows, IReadOnlyList<string> warnings)
    {
        Experiments = experiments;
        Rows = rows;
        Warnings = warnings;
    }

    /// <summary>
    /// What the user should know before reading the differences, as <c>marketsim compare</c> warns: each
    /// experiment whose scenario starts on another date than the base's, so the seasons fall in other weeks,
    /// and each experiment paired with the base that holds another number of runs, so runs are left out of the pairs.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The experiments in the order given; [0] is the base.</summary>
    public IReadOnlyList<ComparedExperiment> Experiments { get; }

    /// <summary>
    /// One row per outcome column that every folder's runs.csv holds, in the base's column order: the
    /// headline outcomes and risk-share liabilities (what <c>marketsim compare</c> compares) first, then the rest.
    /// </summary>
    public IReadOnlyList<ComparedRow> Rows { get; }

    /// <summary>
    /// Reads each folder's manifest.json (seed, runs), scenario.yaml (names, units) and runs.csv, streamed
    /// row by row, keeping one number per run per compared column. Throws <see cref="IOException"/> (a
    /// folder or file missing) or <see cref="InvalidDataException"/> (a file not as MarketSim writes it)
    /// naming the folder and the file when one is not a complete MarketSim results folder, and
    /// <see cref="ScenarioException"/> when a scenario's horizon is not the base's, as <c>marketsim compare</c> refuses it.
    /// The messages and <see cref="Warnings"/> name each folder and its files by their paths, or, given <paramref name="names"/>,
    /// by those names (<c>experiment ID</c>, <c>runs.csv of experiment ID</c>), so that a page need not show the server's paths.
    /// </summary>
    /// <param name="folders">One or more results folders; the first is the base.</param>
    /// <param name="names">How messages name each of <paramref name="folders"/>, in the same order; null to name them by their paths.</param>
    public static ExperimentComparison Read(IReadOnlyList<string> folders, IReadOnlyList<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(folders);
        if (folders.Count == 0)
        {
            throw new ArgumentException("No results folder to compare; allowed: one or more, the first being the base.", nameof(folders));
        }
        if (names is not null && names.Count != folders.Count)
        {
            throw new ArgumentException($"{names.Count} names for {folders.Count} results folders; allowed: one name for each folder, or none.", nameof(names));
        }
        var opened = folders.Select((folder, i) => ExperimentFolder.Open(folder, names?[i])).ToList();
        var baseFolder = opened[0];
        var scenarios = opened.Select(f => (f.NameOf(ExperimentFolder.ScenarioFile), f.Scenario)).ToList();
        if (ScenarioComparison.HorizonProblems(scenarios).ToList() is { Count: > 0 } problems)
        {
            throw new ScenarioException(problems);
        }
        var shared = baseFolder.Header.Where(c => opened.All(f => f.Header.Contains(c))).ToList();
        var schema = baseFolder.Schema.Columns.ToDictionary(c => c.Name);
        var columns = shared.Where(c => schema.TryGetValue(c, out var s) && ScenarioComparison.ComparedByDefault(s))
            .Concat(shared.Where(c => !schema.TryGetValue(c, out var s) || !ScenarioComparison.ComparedByDefault(s)))
            .ToList();
        var values = opened.Select(f => f.ReadColumns(columns)).ToList();
        var experiments = opened.Select(f => new ComparedExperiment(f.Folder, f.Scenario.Name, f.Seed, f.Runs, f.Seed == baseFolder.Seed)).ToList();
        var labels = opened.Select((f, i) => (Labels: new OutcomeLabels(f.Scenario), Tag: Tag(i, opened.Count))).ToList();
        var rows = columns.Select((name, c) =>
        {
            var column = schema.GetValueOrDefault(name);
            var unit = column?.Unit ?? "";
            var label = OutcomeLabels.Short(name, labels);
            if (label == name && column is not null)
            {
                label = labels[0].Labels.Label(column);
            }
            var paired = experiments.Select((e, i) => i > 0 && e.SharesBaseSeed
                ? Paired(new ComparedOutcome(name, unit, label, OutcomeDirection.Of(name), c, c), values[0][c], values[i][c])
                : null).ToList();
            return new ComparedRow(name, label, unit, [.. values.Select(v => Stats(v[c]))], paired)
            {
                Headline = column is not null && ScenarioComparison.ComparedByDefault(column),
            };
        }).ToList();
        return new ExperimentComparison(experiments, rows, [.. ScenarioComparison.StartDateWarnings(scenarios), .. RunCountWarnings(opened)]);
    }

    /// <summary>
    /// Opens <paramref name="folder"/> as <see cref="Read"/> opens each of its folders (manifest.json's seed and runs, scenario.yaml,
    /// runs.csv's header), throwing as <see cref="Read"/> does, naming it as <paramref name="name"/> or by its path, when it is not
    /// a complete MarketSim results folder; for a folder the workbench does not list, to say what is wrong with it.
    /// </summary>
    public static void Check(string folder, string? name = null) => ExperimentFolder.Open(folder, name);

    // Each experiment paired with the base whose run count is not the base's: its pairs stop at the shorter
    // one's runs, so the means over the pairs are not the columns' means over all runs.
    private static IEnumerable<string> RunCountWarnings(IReadOnlyList<ExperimentFolder> experiments)
    {
        var baseExperiment = experiments[0];
        foreach (var e in experiments.Skip(1).Where(e => e.Seed == baseExperiment.Seed && e.Runs != baseExperiment.Runs))
        {
            var (longer, pairs) = e.Runs > baseExperiment.Runs ? ("its", baseExperiment.Runs) : ("the base's", e.Runs);
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{e.Name} holds {e.Runs:N0} runs, the base {baseExperiment.Name} {baseExperiment.Runs:N0}: differences are paired over the first {pairs:N0} runs, and {longer} other {Math.Abs(e.Runs - baseExperiment.Runs):N0} runs are left out of them; each difference gives the base and other means over the runs paired");
        }
    }

    // How a row's label tags an experiment whose names differ from another's: "base", then "other" beside one
    // other experiment, else its number, as the Compare page heads its column ("(1)").
    private static string Tag(int experiment, int experiments) =>
        experiment == 0 ? "base" : experiments == 2 ? "other" : experiment.ToString(CultureInfo.InvariantCulture);

    private static OutcomeStats Stats(double[] runs)
    {
        var moments = new RunningMoments();
        foreach (var x in runs)
        {
            moments.Add(x);
        }
        var sorted = runs.Where(x => !double.IsNaN(x)).Order().ToList();
        return moments.Count == 0
            ? new OutcomeStats(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN) { Missing = moments.Missing }
            : new OutcomeStats(moments.Mean, moments.StdError, SampleQuantile.Type7(sorted, 0.05), SampleQuantile.Type7(sorted, 0.5), SampleQuantile.Type7(sorted, 0.95))
            {
                Count = moments.Count,
                Missing = moments.Missing,
            };
    }

    // A running mean of run-by-run differences that cancel (+1 in one run, −1 in another) can end a few units in the last
    // place away from 0 (−1e-17), which the page would write as −0.000000000000000: a difference below a billionth of the
    // means it is between and of the runs' own differences (their standard deviation) is rounding, and is 0.
    private static double WithoutRoundingNoise(double difference, double baseMean, double otherMean, double spread) =>
        Math.Abs(difference) <= 1e-9 * Math.Max(Math.Max(Math.Abs(baseMean), Math.Abs(otherMean)), spread) ? 0 : difference;

    private static PairedStats Paired(ComparedOutcome outcome, double[] baseRuns, double[] otherRuns)
    {
        var difference = new PairedDifference(outcome);
        for (var k = 0; k < Math.Min(baseRuns.Length, otherRuns.Length); k++)
        {
            difference.Add(baseRuns[k], otherRuns[k]);
        }
        var d = difference.Difference;
        var unmatched = Math.Abs(baseRuns.LongLength - otherRuns.LongLength);
        return difference.Pairs == 0
            ? new PairedStats(0, double.NaN, double.NaN, double.NaN) { LeftOut = difference.LeftOut, Unmatched = unmatched }
            : new PairedStats(difference.Pairs, WithoutRoundingNoise(d.Mean, difference.Base.Mean, difference.Other.Mean, d.StdError * Math.Sqrt(difference.Pairs)), d.StdError, d.HalfWidth95)
            {
                LeftOut = difference.LeftOut,
                Unmatched = unmatched,
                BaseMean = difference.Base.Mean,
                OtherMean = difference.Other.Mean,
                Worse = difference.OtherWorse,
            };
    }
}
