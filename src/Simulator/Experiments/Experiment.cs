using System.Diagnostics;
using System.Globalization;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;
using MarketSim.Silo.Runs;
using MarketSim.Simulator.Drivers;
using MarketSim.Simulator.Reports;
using MarketSim.Simulator.Reports.Charts;
using MarketSim.Simulator.Reports.Exports;
using MarketSim.Simulator.RiskShare;
using MarketSim.Simulator.Scenarios;
using MarketSim.Simulator.Statistics;

namespace MarketSim.Simulator.Experiments;

/// <summary>
/// Runs an experiment end to end, on the embedded silo or on a cluster: load and validate the
/// scenario, run the Monte Carlo runs, stream runs.csv, runs.parquet and the summaries, write summary.json,
/// series.csv, the risk-share files, results.xlsx, the charts and report.html, the scenario and manifest.json,
/// then commit the results folder atomically.
/// </summary>
public static class Experiment
{
    /// <summary>
    /// Runs <paramref name="options"/>. Throws <see cref="ScenarioException"/> for a bad scenario (before
    /// anything is written) and <see cref="IOException"/> for an unusable output folder. When
    /// <paramref name="stop"/> is cancelled the runs end early and the runs finished so far (the first
    /// ones, in run order) are written as a complete folder whose manifest says
    /// <c>stop_reason: interrupted</c>; when none had finished, or <paramref name="abort"/> is cancelled,
    /// <see cref="OperationCanceledException"/> is thrown and nothing is left behind.
    /// </summary>
    /// <remarks><paramref name="onProgress"/> gets the runs done so far and, with a precision target, the current estimate.</remarks>
    public static ExperimentResult Run(ExperimentOptions options, Action<long, string?>? onProgress = null, CancellationToken stop = default, CancellationToken abort = default)
    {
        var loaded = ScenarioLoader.LoadUncertain(options.ScenarioPath);
        var scenario = loaded.Median;
        var scenarioYaml = ScenarioLoader.EffectiveYaml(options.ScenarioPath);
        var plan = new RunPlan(options.Seed, options.Runs, options.Threads, options.BatchSize);
        var startedAt = DateTimeOffset.UtcNow;
        var schema = ScenarioCompiler.Compile(loaded).Schema;
        var precisionColumn = options.Precision is { } target ? OutcomeLookup.ColumnOrThrow(schema, target.Metric, options.ScenarioPath, "--target-precision") : (int?)null;
        var stopRule = options.Precision is { } p ? new PrecisionStopRule(precisionColumn!.Value, schema.Stride, p.HalfWidth, p.MinimumRuns) : null;
        using var folder = ResultsFolder.Begin(options.OutDir, options.Overwrite);
        using var engine = options.Cluster is { } cluster ? RunEngine.Cluster(cluster, abort) : RunEngine.Embedded(options.Threads, abort);
        var summary = new OutcomeSummary(schema);
        var series = new SeriesSummary(schema);
        var riskShare = new RiskShareComparison(scenario, schema);
        var driverSamples = new DriverSampleSink(schema);

        var experimentId = RunEngine.NewExperimentId(scenario.Name);
        var clock = Stopwatch.StartNew();
        var interrupted = false;
        using (var csv = new RunsCsvWriter(folder.File("runs.csv"), schema))
        using (var parquet = new RunsParquetWriter(folder.File("runs.parquet"), schema, loaded.Inputs, scenario.Name, options.Seed))
        using (var stopOrAbort = CancellationTokenSource.CreateLinkedTokenSource(stop, abort))
        {
            Action<long>? progress = onProgress is null ? null : done => onProgress(done, stopRule is null ? null : Status(options.Precision!, stopRule));
            IOutcomeSink sinks = loaded.Inputs.Count > 0 ? new FanOutSink(csv, parquet, summary, series, riskShare, driverSamples) : new FanOutSink(csv, parquet, summary, series, riskShare);
            try
            {
                engine.Run(experimentId, scenarioYaml, plan, sinks, progress, stopRule, entities: true, cancellation: stopOrAbort.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested && !abort.IsCancellationRequested && summary.Runs > 0)
            {
                interrupted = true;
            }
        }
        clock.Stop();
        var stopReason = interrupted ? $"interrupted: a stop signal ended the experiment after {summary.Runs} runs, the first in run order" : StopReason(options, stopRule, summary.Runs);
        abort.ThrowIfCancellationRequested();
        var entities = engine.EntitySummaries(experimentId);
        EntityFiles.Write(folder, entities);
        SummaryJson.Write(folder.File("summary.json"), scenario.Name, options.Seed, summary, loaded.Inputs, loaded.Correlations, loaded.Warnings);
        SeriesCsv.Write(folder.File("series.csv"), series);
        if (riskShare.Lines.Count > 0)
        {
            RiskShareFiles.Write(folder, riskShare);
        }
        File.WriteAllText(folder.File("scenario.yaml"), scenarioYaml);
        var drivers = InputDrivers.Compute(schema, loaded.Inputs, driverSamples);
        if (loaded.Inputs.Count > 0)
        {
            InputDriversCsv.Write(folder.File("input_sensitivity.csv"), drivers);
        }
        abort.ThrowIfCancellationRequested();
        ResultsWorkbook.Write(folder, scenario, options.Seed, summary, loaded.Inputs);
        abort.ThrowIfCancellationRequested();
        WriteReport(folder, scenario, options, summary, series, riskShare, entities, precisionColumn, stopReason, loaded, drivers, scenarioYaml);
        abort.ThrowIfCancellationRequested();
        Manifest.Write(folder, options, plan, summary.Runs, interrupted ? "interrupted" : stopReason, startedAt, clock.Elapsed);
        folder.Commit();
        return new ExperimentResult(scenario, summary, riskShare, clock.Elapsed, Path.GetFullPath(options.OutDir),
            interrupted || stopRule is not null ? stopReason : null, interrupted)
        { Entities = entities, Drivers = drivers };
    }

    private static string StopReason(ExperimentOptions options, PrecisionStopRule? rule, long runs)
    {
        if (options.Precision is not { } target || rule is null)
        {
            return $"fixed number of runs: {runs}";
        }
        var halfWidth = rule.HalfWidth.ToString("G6", CultureInfo.InvariantCulture);
        var wanted = target.HalfWidth.ToString("G6", CultureInfo.InvariantCulture);
        if (rule.IsSatisfied)
        {
            return $"target precision reached: {target.Metric} 95% half-width {halfWidth} <= {wanted} after {runs} runs";
        }
        return rule.HalfWidth <= target.HalfWidth
            ? $"maximum runs reached: {target.Metric} 95% half-width {halfWidth} <= {wanted}, but only {runs} of the minimum {target.MinimumRuns} runs were done"
            : $"maximum runs reached: {target.Metric} 95% half-width {halfWidth} > {wanted} after {runs} runs";
    }

    private static string Status(TargetPrecision target, PrecisionStopRule rule) =>
        $"{target.Metric} {Numbers.Readable(rule.Moments.Mean)} ± {(double.IsFinite(rule.HalfWidth) ? Numbers.Readable(rule.HalfWidth) : "…")} (target ± {Numbers.Readable(target.HalfWidth)})";

    private static void WriteReport(ResultsFolder folder, MarketScenario scenario, ExperimentOptions options, OutcomeSummary summary, SeriesSummary series, RiskShareComparison riskShare, IReadOnlyList<EntitySummary> entities, int? convergenceColumn, string stopReason, UncertainScenario loaded, IReadOnlyList<OutcomeDrivers> drivers, string scenarioYaml)
    {
        var charts = ChartFiles.Write(folder.File("charts"), ReportCharts.Build(scenario, summary, series, riskShare, entities, convergenceColumn), options.ChartScale);
        var driverCharts = ChartFiles.Write(folder.File("charts"), InputDriversHtml.Charts(drivers), options.ChartScale);
        var provenance = new Dictionary<string, string>
        {
            ["Seed"] = options.Seed.ToString(CultureInfo.InvariantCulture),
            ["Runs"] = summary.Runs.ToString(CultureInfo.InvariantCulture),
            ["Engine version"] = Manifest.EngineVersion,
            ["Scenario file"] = Path.GetFileName(options.ScenarioPath),
            ["Scenario SHA-256"] = Manifest.ScenarioHash(options.ScenarioPath),
            ["Reproduce"] = $"marketsim run scenario.yaml --runs {summary.Runs} --seed {options.Seed}",
            ["Stopped"] = stopReason,
        };
        File.WriteAllText(folder.File("report.html"), HtmlReport.Render(scenario, summary, riskShare, entities, charts, provenance, loaded.Inputs, InputDriversHtml.Section(drivers, driverCharts, scenario), loaded.Correlations, scenarioYaml, drivers));
    }
}
