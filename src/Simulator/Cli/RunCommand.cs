using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using MarketSim.Silo.Hosting;
using MarketSim.Simulator.Experiments;
using MarketSim.Simulator.Reports;

namespace MarketSim.Simulator.Cli;

/// <summary>`marketsim run SCENARIO --runs N --seed S --out DIR [--threads T]`.</summary>
internal static class RunCommand
{
    private static readonly NumberRange<int> BatchSizes = NumberOption.AtLeast(1);

    private static readonly NumberRange<long> RunsAllowed = NumberOption.Runs.Noting("a standard error needs two runs");

    private static readonly NumberRange<long> MinRuns = NumberOption.Runs.Noting("a half-width needs two runs");

    public static Command Create(MarketSimCli cli)
    {
        var scenario = new Argument<string>("SCENARIO") { Description = "The scenario file (YAML); see docs/scenario-format.md." };
        var runs = NumberOption.Create<long>("--runs", "Number of Monte Carlo runs (simulated futures).", 1000, RunsAllowed, "-n");
        var seed = NumberOption.Create<ulong>("--seed", "Experiment seed. The same scenario, seed and runs give bit-identical results on any thread count.", 1, NumberOption.Seeds, "-s");
        var output = FolderOption.Create("--out", "Results folder to create (written atomically). Default: results/<scenario file name>.", "-o");
        var threads = NumberOption.Create<int>("--threads", "Worker threads; 0 uses every core. Not with --cluster: each silo has its own.", 0, NumberOption.Threads, "-t");
        var batch = NumberOption.Optional<int>("--batch-size", "Runs per batch handed to a worker (speed only, never results). Default: 64, or runs ÷ (32 × threads) when that is less, but at least 16.", BatchSizes);
        var overwrite = FolderOption.Overwrite();
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress display." };
        var precision = new Option<string?>("--target-precision") { Description = "METRIC=HALFWIDTH: keep running until the 95% confidence half-width of METRIC's mean (a runs.csv column) is at most HALFWIDTH, in METRIC's own unit (hours, £, people...; see docs/outputs.md); --runs (or --max-runs) caps the runs." };
        var maxRuns = NumberOption.Optional<long>("--max-runs", "With --target-precision: the most runs to do (default: --runs).", RunsAllowed);
        var cluster = new Option<string?>("--cluster") { Description = $"The Redis of a MarketSim Orleans cluster, redis://HOST:PORT (redis://:PASSWORD@HOST:PORT when it has a password, or the password in the environment variable {ClusterAddress.PasswordVariable}): run on its silos as a client instead of on the embedded silo (see docs/cluster.md); the results are the same as an embedded run's." };
        var chartScale = ChartScaleOption.Create();
        var timings = new Option<bool>("--timings") { Description = "After the results, print how long each phase took (start-up, silo start, runs, each writer and kind of chart) to stderr, in seconds." };
        var minRuns = NumberOption.Create<long>("--min-runs", "With --target-precision: runs before the target may stop the experiment.", TargetPrecision.DefaultMinimumRuns, MinRuns);
        var command = new Command("run", "Run a Monte Carlo experiment of a scenario and write its results folder: report.html, charts/, results.xlsx, runs.csv and runs.parquet (one row a run), series.csv, summary.json, the providers', zones' and commissioners' tables, a copy of the scenario and manifest.json (see docs/outputs.md).")
        {
            scenario, runs, seed, output, threads, batch, overwrite, quiet, precision, maxRuns, minRuns, cluster, chartScale, timings,
        };
        command.SetAction(parsed =>
        {
            var path = parsed.GetValue(scenario)!;
            var problems = new List<string>();
            if (parsed.GetValue(cluster) is not null && parsed.GetResult(threads) is { Implicit: false })
            {
                problems.Add(ThreadsWarning.NotWithCluster);
            }
            var target = Precision(parsed, precision, runs, maxRuns, minRuns, problems);
            if (problems.Count > 0)
            {
                problems.ForEach(p => cli.Error.WriteLine($"error: {p}"));
                return ExitCodes.BadInput;
            }
            if (parsed.GetValue(cluster) is null)
            {
                ThreadsWarning.IfAboveCores(cli.Error, parsed.GetValue(threads));
            }
            var options = new ExperimentOptions(
                path,
                parsed.GetValue(runs),
                parsed.GetValue(seed),
                parsed.GetValue(output) ?? Path.Combine("results", Path.GetFileNameWithoutExtension(path)),
                parsed.GetValue(threads),
                parsed.GetValue(batch) ?? 0,
                parsed.GetValue(overwrite),
                target,
                parsed.GetValue(cluster),
                parsed.GetValue(chartScale));
            if (target is not null && parsed.GetValue(maxRuns) is { } most)
            {
                options = options with { Runs = most };
            }
            return Execute(cli, options, parsed.GetValue(quiet), parsed.GetValue(timings));
        });
        return command;
    }

    /// <summary>Reads --target-precision with --max-runs and --min-runs, adding a problem for each bad or orphaned option.</summary>
    private static TargetPrecision? Precision(ParseResult parsed, Option<string?> precision, Option<long> runs, Option<long?> maxRuns, Option<long> minRuns, List<string> problems)
    {
        var minGiven = parsed.GetResult(minRuns) is { Implicit: false };
        if (parsed.GetValue(precision) is not { } text)
        {
            if (parsed.GetValue(maxRuns) is not null)
            {
                problems.Add("--max-runs: only works with --target-precision; allowed: --target-precision METRIC=HALFWIDTH --max-runs N, or --runs N for a fixed number of runs");
            }
            if (minGiven)
            {
                problems.Add("--min-runs: only works with --target-precision; allowed: --target-precision METRIC=HALFWIDTH --min-runs M");
            }
            return null;
        }
        var most = parsed.GetValue(maxRuns) ?? parsed.GetValue(runs);
        var mostName = parsed.GetValue(maxRuns) is null ? "--runs" : "--max-runs";
        var least = parsed.GetValue(minRuns);
        if (minGiven && least > most)
        {
            problems.Add($"--min-runs: {least} is more than {mostName} {most}; allowed: --min-runs ≤ {mostName}");
        }
        var parts = text.Split('=', 2);
        if (parts.Length == 2 && parts[0].Trim().Length > 0
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var halfWidth) && halfWidth > 0 && double.IsFinite(halfWidth))
        {
            return new TargetPrecision(parts[0].Trim(), halfWidth, TargetPrecision.MinimumRunsWithin(least, most));
        }
        problems.Add($"--target-precision: '{text}' is not allowed; allowed: METRIC=HALFWIDTH with a half-width > 0, e.g. unmet_hours_total=500");
        return null;
    }

    private static int Execute(MarketSimCli cli, ExperimentOptions options, bool quiet, bool showTimings) =>
        CommandErrors.Handle(cli, () =>
        {
            var timings = new PhaseTimings();
            using var prepared = Experiment.Prepare(options, timings, cli.Signals.Abort);
            ScenarioWarnings.Print(cli, prepared.Loaded);
            var progress = new ProgressDisplay(cli.Error, cli.Interactive, quiet);
            using var result = progress.Run(options.Runs, onProgress => prepared.Run(onProgress, cli.Signals.Stop, cli.Signals.Abort));
            if (result.Interrupted || cli.Signals.Signal is not null)
            {
                cli.Error.WriteLine(result.Interrupted
                    ? $"interrupted by {cli.Signals.SignalName}: kept the first {result.Summary.Runs:N0} runs in {result.OutDir} (stop_reason: interrupted); a second signal would have stopped at once without writing"
                    : $"interrupted by {cli.Signals.SignalName} after the runs had ended: the results of all {result.Summary.Runs:N0} runs are written in {result.OutDir}");
                // After a hang-up the terminal is gone; after Ctrl+C or SIGTERM the tables of the runs kept are still worth reading.
                if (cli.Signals.Signal == PosixSignal.SIGHUP)
                {
                    return cli.Signals.ExitCode;
                }
            }
            var runs = result.Summary.Runs;
            var asked = result.Interrupted ? $" of the {options.Runs:N0} asked for" : "";
            cli.Output.WriteLine($"{result.Scenario.Name}: {runs:N0} runs{asked}, seed {options.Seed}, {result.Elapsed.TotalSeconds:0.0}s ({runs / Math.Max(result.Elapsed.TotalSeconds, 1e-9):N0} runs/s)");
            if (result.StopReason is { } reason)
            {
                cli.Output.WriteLine($"Stopped: {reason}");
            }
            HeadlineTable.Write(cli.Output, result.Scenario, result.Summary, cli.Interactive, cli.ConsoleWidth);
            if (UnmetNeedNote.Text(result.Scenario, result.Summary) is { } note)
            {
                TableConsole.WriteWrapped(cli.Output, note, cli.ConsoleWidth);
            }
            DriversTable.Write(cli.Output, result.Scenario, result.Drivers, cli.Interactive, cli.ConsoleWidth);
            CommissionerCostTable.Write(cli.Output, result.Entities, cli.Interactive, cli.ConsoleWidth);
            RiskShareTable.Write(cli.Output, result.Scenario, result.RiskShare, cli.Interactive, cli.ConsoleWidth);
            EntityRiskTable.Write(cli.Output, result.Entities, cli.Interactive, cli.ConsoleWidth);
            ZoneUnmetTable.Write(cli.Output, result.Scenario, result.Entities, cli.Interactive, cli.ConsoleWidth);
            cli.Output.WriteLine("Summary:");
            foreach (var sentence in SummarySentences.For(result.Scenario, result.Summary, result.Entities, result.RiskShare, result.Drivers))
            {
                TableConsole.WriteWrapped(cli.Output, "- " + sentence, cli.ConsoleWidth);
            }
            cli.Output.WriteLine($"Results: {result.OutDir}");
            if (result.FolderWarning is { } leftover)
            {
                cli.Error.WriteLine($"warning: {leftover}");
            }
            if (showTimings)
            {
                timings.Write(cli.Error);
            }
            return cli.Signals.Signal is null ? ExitCodes.Ok : cli.Signals.ExitCode;
        }, options.OutDir);
}
