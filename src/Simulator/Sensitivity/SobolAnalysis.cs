using MarketSim.Grains.Uncertainty.Sensitivity;
using MarketSim.Silo.Runs;
using MarketSim.Simulator.Experiments;
using MarketSim.Simulator.Scenarios;
using MarketSim.Simulator.Statistics;

namespace MarketSim.Simulator.Sensitivity;

/// <summary>
/// Variance-based (Sobol) sensitivity of a scenario with uncertain inputs: one experiment of (k + 2)·N runs
/// whose inputs are the rows of a Saltelli design (<see cref="SaltelliInputDesign"/>), on the same engine as
/// every other command, then first-order and total indices with bootstrap intervals per outcome.
/// </summary>
public static class SobolAnalysis
{
    /// <summary>Base runs N unless told otherwise.</summary>
    public const int DefaultBaseRuns = 512;

    /// <summary>The largest base size N allowed, which keeps (k + 2)·N design rows well within memory.</summary>
    public const int MaxBaseRuns = 1_000_000;

    /// <summary>Bootstrap resamples for each index's interval.</summary>
    public const int BootstrapResamples = 1000;

    /// <summary>
    /// Reads the scenario and checks the metrics, running nothing; throws <see cref="ScenarioException"/>
    /// for a bad scenario or metric and <see cref="VariationException"/> when it has no uncertain inputs.
    /// </summary>
    public static SobolPlan Plan(string scenarioPath, IReadOnlyList<string> metrics, int baseRuns, ulong seed)
    {
        var loaded = ScenarioLoader.LoadUncertain(scenarioPath);
        if (loaded.Inputs.Count == 0)
        {
            throw new VariationException([$"--method sobol: {Path.GetFileName(scenarioPath)} has no uncertain inputs; allowed: a scenario with distributions, see docs/scenario-format.md"]);
        }
        var schema = ScenarioCompiler.Compile(loaded).Schema;
        var columns = metrics.Select(m => OutcomeLookup.ColumnOrThrow(schema, m, scenarioPath, "--metric")).ToArray();
        return new SobolPlan(loaded.Median, loaded.Source!, loaded.Inputs, schema, [.. columns.Select(c => schema.Columns[c])], columns,
            new SobolDesignSpec(baseRuns, seed), loaded.Correlations is not null);
    }

    /// <summary>
    /// Runs the design on an embedded silo with experiment seed <paramref name="seed"/> and returns the indices
    /// of each metric, in the plan's order. Throws <see cref="VariationException"/> when a metric is not finite in
    /// every run (Sobol indices need every run's outcome).
    /// </summary>
    public static IReadOnlyList<SobolResult> Run(SobolPlan plan, ulong seed, int threads, Action<long>? onRunsDone = null, CancellationToken cancellation = default)
    {
        var runs = plan.Runs;
        var sink = new RunColumns(plan.Columns, plan.Schema.Stride, runs);
        using (var engine = RunEngine.Embedded(threads, cancellation))
        {
            engine.Run(RunEngine.NewExperimentId(plan.ScenarioName) + "-sobol", plan.Yaml, RunPlan.WithDefaultBatches(seed, runs, threads), sink, onRunsDone, design: plan.Design, cancellation: cancellation);
        }
        var design = plan.Design.Create(plan.Inputs);
        var results = new List<SobolResult>();
        for (var m = 0; m < plan.Columns.Length; m++)
        {
            var outcome = sink.Values[m];
            var bad = Array.FindIndex(outcome, v => !double.IsFinite(v));
            if (bad >= 0)
            {
                var what = double.IsNaN(outcome[bad]) ? "has no value (an empty cell in runs.csv)" : "is infinite";
                throw new VariationException([$"--metric: {plan.Metrics[m].Name} {what} in run {bad + 1:N0} of the design; allowed: an outcome with a value in every run, as Sobol indices need them all (for example a total or a count, not a first-event week)"]);
            }
            results.Add(SobolIndices.Estimate(design, outcome, BootstrapResamples, seed));
        }
        return results;
    }
}
