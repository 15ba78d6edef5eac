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
/// An experiment whose scenario is loaded and whose embedded silo is starting (<see cref="Experiment.Prepare(ExperimentOptions, PhaseTimings, CancellationToken)"/>),
/// ready to <see cref="Run"/> once. The files that do not depend on each other are written at the same time
/// (results.xlsx, the charts, the silo's stop), so the time after the runs is about that of the longest.
/// </summary>
public sealed class PreparedExperiment : IDisposable
{
    private readonly ExperimentOptions _options;
    private readonly PhaseTimings _timings;
    private Task<RunEngine>? _engineStart;
    private OutcomeSchema? _schema;
    private bool _used;

    internal PreparedExperiment(ExperimentOptions options, UncertainScenario loaded, Task<RunEngine>? engineStart, PhaseTimings timings)
    {
        _options = options;
        Loaded = loaded;
        _engineStart = engineStart;
        _timings = timings;
    }

    /// <summary>The loaded, validated scenario, with its warnings.</summary>
    public UncertainScenario Loaded { get; }

    /// <summary>The outcome row every run writes, from the compiled scenario; compiled once, on first use.</summary>
    public OutcomeSchema Schema => _schema ??= ScenarioCompiler.Compile(Loaded).Schema;

    /// <summary>A sink that also receives every run's outcomes in run order, when set (the workbench's running estimate).</summary>
    public IOutcomeSink? Observer { get; set; }

    /// <summary>
    /// Runs the experiment; see <see cref="Experiment.Run(ExperimentOptions, Action{long, string?}?, CancellationToken, CancellationToken)"/>.
    /// Throws <see cref="InvalidOperationException"/> when called a second time or after <see cref="Dispose"/>: the first run takes the silo.
    /// </summary>
    public ExperimentResult Run(Action<long, string?>? onProgress = null, CancellationToken stop = default, CancellationToken abort = default)
    {
        if (_used)
        {
            throw new InvalidOperationException("This prepared experiment has already run or been disposed; Run may be called once");
        }
        _used = true;
        var (options, t, loaded) = (_options, _timings, Loaded);
        var scenario = loaded.Median;
        var source = loaded.Source ?? throw new InvalidOperationException("A prepared experiment's scenario is loaded from its file");
        var scenarioYaml = source.EffectiveYaml;
        var plan = options.BatchSize > 0 ? new RunPlan(options.Seed, options.Runs, options.Threads, options.BatchSize) : RunPlan.WithDefaultBatches(options.Seed, options.Runs, options.Threads);
        var startedAt = DateTimeOffset.UtcNow;
        var schema = t.Measure("scenario compile", () => Schema);
        var precisionColumn = options.Precision is { } target ? OutcomeLookup.ColumnOrThrow(schema, target.Metric, options.ScenarioPath, "--target-precision") : (int?)null;
        var stopRule = options.Precision is { } p ? new PrecisionStopRule(precisionColumn!.Value, schema.Stride, p.HalfWidth, p.MinimumRuns) : null;
        using var folder = t.Measure("results folder start", () => ResultsFolder.Begin(options.OutDir, options.Overwrite));
        var summary = new OutcomeSummary(schema);
        var series = new SeriesSummary(schema);
        var riskShare = new RiskShareComparison(scenario, schema);
        var driverSamples = new DriverSampleSink(schema);
        var experimentId = options.ExperimentId ?? RunEngine.NewExperimentId(scenario.Name);
        using var csv = new RunsCsvWriter(folder.File("runs.csv"), schema);
        using var parquet = t.Measure("runs.parquet start", () => new RunsParquetWriter(folder.File("runs.parquet"), schema, loaded.Inputs, scenario, options.Seed, source.Sha256));
        var engine = TakeEngine(stop, abort);
        Task? engineStop = null;
        try
        {
            var clock = Stopwatch.StartNew();
            onProgress?.Invoke(0, null);
            var interrupted = false;
            using (var stopOrAbort = CancellationTokenSource.CreateLinkedTokenSource(stop, abort))
            {
                Action<long>? progress = onProgress is null ? null : done => onProgress(done, stopRule is null ? null : Status(options.Precision!, stopRule));
                List<IOutcomeSink> all = [csv, parquet, summary, series, riskShare];
                if (loaded.Inputs.Count > 0)
                {
                    all.Add(driverSamples);
                }
                if (Observer is { } observer)
                {
                    all.Add(observer);
                }
                IOutcomeSink sinks = new FanOutSink([.. all]);
                try
                {
                    t.Measure("runs", () => engine.Run(experimentId, scenarioYaml, plan, sinks, progress, stopRule, entities: true, cancellation: stopOrAbort.Token));
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested && !abort.IsCancellationRequested && summary.Runs > 0)
                {
                    interrupted = true;
                }
                t.Measure("runs.csv and runs.parquet end", () =>
                {
                    csv.Dispose();
                    parquet.Dispose();
                });
            }
            clock.Stop();
            var stopReason = interrupted ? string.Create(CultureInfo.InvariantCulture, $"interrupted: stopped (a stop signal, or Stop in the workbench) after {summary.Runs:N0} runs, the first in run order") : StopReason(options, stopRule, summary.Runs, precisionColumn is { } c ? (new OutcomeLabels(scenario, loaded.Inputs).BeforeFigures(schema.Columns[c]), schema.Columns[c].Unit) : default);
            abort.ThrowIfCancellationRequested();
            var entities = t.Measure("entity summaries", () => ExactEntityQuantiles.Apply(engine.EntitySummaries(experimentId), summary, riskShare));
            // Nothing needs an embedded silo any more: it stops while the files are written. A cluster's client stays connected
            // until the folder is committed, to mark the experiment cancelled should a second signal stop the writing.
            if (!engine.IsCluster)
            {
                engineStop = Background(() => t.Measure("silo stop", engine.Dispose));
            }
            var drivers = t.Measure("summary.json, series.csv, entity and risk-share files", () =>
            {
                EntityFiles.Write(folder, entities);
                SummaryJson.Write(folder.File("summary.json"), scenario, options.Seed, summary, loaded.Inputs, loaded.Correlations, loaded.Warnings);
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
                return drivers;
            });
            abort.ThrowIfCancellationRequested();
            // The workbook reads the CSV files written above; the charts and report need only the summaries.
            var workbook = Background(() => t.Measure("results.xlsx", () => ResultsWorkbook.Write(folder, scenario, options.Seed, summary, loaded.Inputs)));
            try
            {
                WriteReport(folder, scenario, options, summary, series, riskShare, entities, precisionColumn, stopReason, interrupted, loaded, drivers, scenarioYaml, abort);
            }
            finally
            {
                WaitQuietly(workbook);
            }
            workbook.GetAwaiter().GetResult();
            abort.ThrowIfCancellationRequested();
            t.Measure("manifest.json", () => Manifest.Write(folder, options, source, plan, experimentId, summary.Runs, interrupted ? "interrupted" : stopReason, startedAt, clock.Elapsed));
            t.Measure("results folder commit", folder.Commit);
            engineStop?.GetAwaiter().GetResult();
            return new ExperimentResult(scenario, summary, riskShare, clock.Elapsed, Path.GetFullPath(options.OutDir),
                interrupted || stopRule is not null ? stopReason : null, interrupted)
            { Entities = entities, Drivers = drivers, FolderWarning = folder.Warning };
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested && summary.Runs > 0 && engineStop is null)
        {
            // A second signal after runs were delivered: nothing is written, so the experiment reads cancelled, not finished or interrupted.
            engine.Discard(experimentId);
            throw;
        }
        finally
        {
            if (engineStop is null)
            {
                engine.Dispose();
            }
            else
            {
                WaitQuietly(engineStop);
            }
        }
    }

    /// <summary>Stops the silo if <see cref="Run"/> never took it: in the background, once it has started.</summary>
    public void Dispose()
    {
        _used = true;
        DisposeWhenStarted(_engineStart);
        _engineStart = null;
    }

    /// <summary>Disposes the engine <paramref name="start"/> gives, whenever it has started, without waiting for it.</summary>
    internal static void DisposeWhenStarted(Task<RunEngine>? start) =>
        start?.ContinueWith(
            started =>
            {
                if (started.IsCompletedSuccessfully)
                {
                    started.Result.Dispose();
                }
                return started.Exception;
            },
            CancellationToken.None,
            TaskContinuationOptions.None,
            TaskScheduler.Default);

    /// <summary>The embedded silo once started, or a connection to the cluster, which a stop ends too: no run has been kept yet.</summary>
    private RunEngine TakeEngine(CancellationToken stop, CancellationToken abort)
    {
        if (_engineStart is not { } start)
        {
            using var stopOrAbort = CancellationTokenSource.CreateLinkedTokenSource(stop, abort);
            return _timings.Measure("cluster connection", () => RunEngine.Cluster(_options.Cluster!, stopOrAbort.Token));
        }
        _engineStart = null;
        try
        {
            return _timings.Measure("wait for the silo", () => start.GetAwaiter().GetResult());
        }
        catch
        {
            DisposeWhenStarted(start);
            throw;
        }
    }

    // A thread of its own: these wait on Orleans or write for a second or more, and must not hold a pool thread the charts could use.
    private static Task Background(Action work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    // Waits without throwing: used where another exception is already on its way, so a writer never outlives its folder.
    private static void WaitQuietly(Task task) => ((IAsyncResult)task).AsyncWaitHandle.WaitOne();

    /// <summary>
    /// Why the runs stopped, for manifest.json's stop_reason, the console and the workbench: a precision target's outcome by
    /// <paramref name="target"/>'s label, as the headline tables label it, with its unit ("the 95% interval of the mean of Unmet
    /// need (care hours not delivered), hours, is ± 39,976"), its figures in that unit (£ for money); target_metric keeps the column's name.
    /// </summary>
    private static string StopReason(ExperimentOptions options, PrecisionStopRule? rule, long runs, (string Label, string Unit) target)
    {
        if (options.Precision is not { } precision || rule is null)
        {
            return string.Create(CultureInfo.InvariantCulture, $"fixed number of runs: {runs:N0}");
        }
        string Figure(double x) => (target.Unit == "GBP" ? "£" : "") + Numbers.Readable(x);
        var of = target.Unit == "GBP" ? target.Label : $"{target.Label},";
        var interval = $"the 95% interval of the mean of {of} is {(double.IsFinite(rule.HalfWidth) ? $"± {Figure(rule.HalfWidth)}" : "not yet known")}";
        var wanted = $"the target ± {Figure(precision.HalfWidth)}";
        if (rule.IsSatisfied)
        {
            return string.Create(CultureInfo.InvariantCulture, $"target precision reached: {interval}, within {wanted}, after {runs:N0} runs");
        }
        return rule.HalfWidth <= precision.HalfWidth
            ? string.Create(CultureInfo.InvariantCulture, $"maximum runs reached: {interval}, within {wanted}, but only {runs:N0} of the minimum {precision.MinimumRuns:N0} runs were done")
            : string.Create(CultureInfo.InvariantCulture, $"maximum runs reached: {interval}, wider than {wanted}, after {runs:N0} runs");
    }

    private static string Status(TargetPrecision target, PrecisionStopRule rule) =>
        $"{target.Metric} {Numbers.Readable(rule.Moments.Mean)} ± {(double.IsFinite(rule.HalfWidth) ? Numbers.Readable(rule.HalfWidth) : "…")} (target ± {Numbers.Readable(target.HalfWidth)})";

    private void WriteReport(ResultsFolder folder, MarketScenario scenario, ExperimentOptions options, OutcomeSummary summary, SeriesSummary series, RiskShareComparison riskShare, IReadOnlyList<EntitySummary> entities, int? precisionColumn, string stopReason, bool interrupted, UncertainScenario loaded, IReadOnlyList<OutcomeDrivers> drivers, string scenarioYaml, CancellationToken abort)
    {
        var t = _timings;
        var reportCharts = t.Measure("charts: plots built", () => ReportCharts.Build(scenario, summary, series, riskShare, entities, precisionColumn));
        var driverCharts = InputDriversHtml.Charts(drivers, scenario).ToList();
        var written = t.Measure("charts: written", () => ChartFiles.Write(folder.File("charts"), reportCharts.Concat(driverCharts), options.ChartScale, t, abort));
        var provenance = new Dictionary<string, string>
        {
            ["Seed"] = options.Seed.ToString(CultureInfo.InvariantCulture),
            ["Runs"] = summary.Runs.ToString("N0", CultureInfo.InvariantCulture),
            ["Engine version"] = Manifest.EngineVersion,
            ["Scenario file"] = Path.GetFileName(options.ScenarioPath),
            ["Scenario SHA-256"] = loaded.Source!.Sha256,
            ["Reproduce"] = Provenance.RunCommand(summary.Runs, options.Seed, options.ChartScale),
            ["Stopped"] = stopReason,
        };
        if (interrupted)
        {
            provenance["Runs asked for"] = options.Runs.ToString("N0", CultureInfo.InvariantCulture);
        }
        var charts = written[..reportCharts.Count];
        var driverSection = InputDriversHtml.Section(drivers, written[reportCharts.Count..], scenario);
        t.Measure("report.html", () => File.WriteAllText(folder.File("report.html"), HtmlReport.Render(scenario, summary, riskShare, entities, charts, provenance, loaded.Inputs, driverSection, loaded.Correlations, scenarioYaml, drivers, interrupted ? options.Runs : null)));
    }
}
