using System.CommandLine;
using MarketSim.Simulator.Experiments;

namespace MarketSim.Simulator.Cli;

/// <summary>`marketsim run SCENARIO --runs N --seed S --out DIR [--threads T]`.</summary>
internal static class RunCommand
{
    public static Command Create(MarketSimCli cli, CancellationToken cancellation)
    {
        var scenario = new Argument<string>("SCENARIO") { Description = "The scenario file (YAML); see docs/scenario-format.md." };
        var runs = new Option<long>("--runs", "-n") { Description = "Number of Monte Carlo runs (simulated futures).", DefaultValueFactory = _ => 1000 };
        var seed = new Option<ulong>("--seed", "-s") { Description = "Experiment seed. The same scenario, seed and runs give bit-identical results on any thread count.", DefaultValueFactory = _ => 1 };
        var output = new Option<string?>("--out", "-o") { Description = "Results folder to create (written atomically). Default: results/<scenario file name>." };
        var threads = new Option<int>("--threads", "-t") { Description = "Worker threads; 0 uses every core.", DefaultValueFactory = _ => 0 };
        var batch = new Option<int>("--batch-size") { Description = "Runs per batch handed to a worker (speed only, never results).", DefaultValueFactory = _ => 64 };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace the results folder if it exists and is not empty." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress display." };
        var precision = new Option<string?>("--target-precision") { Description = "METRIC=HALFWIDTH: keep running until the 95% confidence half-width of METRIC's mean (a runs.csv column) is at most HALFWIDTH; --runs (or --max-runs) caps the runs." };
        var maxRuns = new Option<long?>("--max-runs") { Description = "With --target-precision: the most runs to do (default: --runs)." };
        var cluster = new Option<string?>("--cluster") { Description = "A PostgreSQL connection string (Npgsql form, e.g. \"Host=127.0.0.1;Port=5432;Username=marketsim;Database=marketsim\"): run on the cluster's silos (see docs/cluster.md); the results are the same as an embedded run's." };
        var minRuns = new Option<long>("--min-runs") { Description = "With --target-precision: runs before the target may stop the experiment.", DefaultValueFactory = _ => 100 };
        var command = new Command("run", "Run a Monte Carlo experiment of a scenario and write runs.csv, summary.json, manifest.json and a copy of the scenario to the results folder.")
        {
            scenario, runs, seed, output, threads, batch, overwrite, quiet, precision, maxRuns, minRuns, cluster,
        };
        command.SetAction(parsed =>
        {
            var path = parsed.GetValue(scenario)!;
            var problems = new List<string>();
            if (parsed.GetValue(runs) < 1)
            {
                problems.Add($"--runs: {parsed.GetValue(runs)} is not allowed; allowed: a whole number ≥ 1");
            }
            if (parsed.GetValue(threads) < 0)
            {
                problems.Add($"--threads: {parsed.GetValue(threads)} is not allowed; allowed: 0 (every core) or a whole number ≥ 1");
            }
            if (parsed.GetValue(batch) < 1)
            {
                problems.Add($"--batch-size: {parsed.GetValue(batch)} is not allowed; allowed: a whole number ≥ 1");
            }
            TargetPrecision? target = null;
            if (parsed.GetValue(precision) is { } text)
            {
                var parts = text.Split('=', 2);
                if (parts.Length == 2 && double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var halfWidth) && halfWidth > 0)
                {
                    target = new TargetPrecision(parts[0].Trim(), halfWidth, Math.Max(2, parsed.GetValue(minRuns)));
                }
                else
                {
                    problems.Add($"--target-precision: '{text}' is not allowed; allowed: METRIC=HALFWIDTH with a half-width > 0, e.g. unmet_hours_total=500");
                }
            }
            if (problems.Count > 0)
            {
                problems.ForEach(p => cli.Error.WriteLine($"error: {p}"));
                return ExitCodes.BadInput;
            }
            var options = new ExperimentOptions(
                path,
                parsed.GetValue(runs),
                parsed.GetValue(seed),
                parsed.GetValue(output) ?? Path.Combine("results", Path.GetFileNameWithoutExtension(path)),
                parsed.GetValue(threads),
                parsed.GetValue(batch),
                parsed.GetValue(overwrite),
                target,
                parsed.GetValue(cluster));
            if (target is not null && parsed.GetValue(maxRuns) is { } most)
            {
                options = options with { Runs = most };
            }
            return Execute(cli, options, parsed.GetValue(quiet), cancellation);
        });
        return command;
    }

    private static int Execute(MarketSimCli cli, ExperimentOptions options, bool quiet, CancellationToken cancellation) =>
        CommandErrors.Handle(cli, () =>
        {
            var progress = new ProgressDisplay(cli.Error, cli.Interactive, quiet);
            var result = progress.Run(options.Runs, onProgress => Experiment.Run(options, onProgress, cancellation));
            var runs = result.Summary.Runs;
            cli.Output.WriteLine($"{result.Scenario.Name}: {runs:N0} runs, seed {options.Seed}, {result.Elapsed.TotalSeconds:0.0}s ({runs / Math.Max(result.Elapsed.TotalSeconds, 1e-9):N0} runs/s)");
            if (result.StopReason is { } reason)
            {
                cli.Output.WriteLine($"Stopped: {reason}");
            }
            HeadlineTable.Write(cli.Output, result.Summary, cli.Interactive);
            RiskShareTable.Write(cli.Output, result.RiskShare, cli.Interactive);
            cli.Output.WriteLine($"Results: {result.OutDir}");
            return ExitCodes.Ok;
        });
}
