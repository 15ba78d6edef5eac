using System.CommandLine;
using MarketSim.Simulator.Comparison;
using MarketSim.Simulator.Reports;
using MarketSim.Simulator.Reports.Charts;

namespace MarketSim.Simulator.Cli;

/// <summary>`marketsim compare BASE.yaml OTHER.yaml [...]`: paired differences OTHER − BASE, run by run, with common random numbers.</summary>
internal static class CompareCommand
{
    private const string Usage = "marketsim compare BASE.yaml OTHER.yaml [OTHER2.yaml ...]";

    /// <summary>What `marketsim compare --help` ends with: a comparison of two bundled scenarios, and where the files are described.</summary>
    internal const string Examples = """
        Example:
          marketsim compare scenarios/doncaster-ccash.yaml scenarios/doncaster-lead-exit.yaml --runs 1000 --seed 42

        The files and their columns: docs/outputs.md, "Paired comparison".
        """;

    public static Command Create(MarketSimCli cli)
    {
        var scenarios = new Argument<string[]>("SCENARIOS") { Description = "The base scenario file, then one or more scenarios to compare with it (YAML).", Arity = ArgumentArity.ZeroOrMore };
        var metric = new Option<string[]>("--metric") { Description = "Outcomes (runs.csv columns) to compare; repeatable. Default: every headline outcome, every liability under a risk-share agreement and each zone's weeks without a lead provider.", AllowMultipleArgumentsPerToken = true };
        var runs = NumberOption.Create<long>("--runs", "Runs for each scenario.", 500, NumberOption.Runs, "-n");
        var seed = NumberOption.Create<ulong>("--seed", "Seed shared by every scenario (common random numbers).", 1, NumberOption.Seeds, "-s");
        var output = FolderOption.Create("--out", "Results folder (default: results/<base>-compare).", "-o");
        var threads = NumberOption.Create<int>("--threads", "Worker threads; 0 uses every core.", 0, NumberOption.Threads, "-t");
        var overwrite = FolderOption.Overwrite();
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress display." };
        var chartScale = ChartScaleOption.Create();
        var command = new Command("compare", "Run a base scenario and one or more others with the same seed and runs, and report each outcome's paired difference OTHER − BASE run by run: mean, 95% CI, P(other worse) (compare.csv, each scenario's runs.csv, a chart of the differences per unit, report.html). The scenarios must share horizon_years.")
        {
            scenarios, metric, runs, seed, output, threads, overwrite, quiet, chartScale,
        };
        command.SetAction(parsed =>
        {
            var paths = parsed.GetValue(scenarios) ?? [];
            // The list of scenarios takes any word, so an option compare does not have arrives here as a "scenario".
            if (paths.FirstOrDefault(p => p.StartsWith('-') && !File.Exists(p)) is { } unknown)
            {
                cli.Error.WriteLine($"error: {ParseErrorMessage.NotOfCommand(command, "marketsim compare", unknown)}");
                cli.Error.WriteLine("Try 'marketsim compare --help'.");
                return ExitCodes.BadInput;
            }
            var problems = new List<string>();
            if (paths.Length < 2)
            {
                problems.Add($"compare: {(paths.Length == 0 ? "no scenario" : "one scenario")} given; allowed: a base scenario and at least one other, {Usage}");
            }
            if (problems.Count > 0)
            {
                problems.ForEach(p => cli.Error.WriteLine($"error: {p}"));
                return ExitCodes.BadInput;
            }
            ThreadsWarning.IfAboveCores(cli.Error, parsed.GetValue(threads));
            var outDir = parsed.GetValue(output) ?? Path.Combine("results", Path.GetFileNameWithoutExtension(paths[0]) + "-compare");
            var (n, s) = (parsed.GetValue(runs), parsed.GetValue(seed));
            return CommandErrors.Handle(cli, () =>
            {
                // Every scenario and metric is checked before the results folder is begun, so bad input leaves nothing behind.
                var plan = ScenarioComparison.Plan(paths, parsed.GetValue(metric) ?? []);
                foreach (var warning in plan.Warnings)
                {
                    cli.Error.WriteLine($"warning: {warning}");
                }
                using var folder = ResultsFolder.Begin(outDir, parsed.GetValue(overwrite));
                var results = new ProgressDisplay(cli.Error, cli.Interactive, parsed.GetValue(quiet)).Run(n * plan.Scenarios, progress =>
                    ScenarioComparison.Run(plan, s, n, parsed.GetValue(threads), folder, done => progress(done, null), cli.Signals.Stop));
                cli.Signals.ThrowIfStopped();
                Write(folder, plan, results, s, n, parsed.GetValue(chartScale));
                cli.Signals.ThrowIfStopped();
                folder.Commit();
                if (folder.Warning is { } leftover)
                {
                    cli.Error.WriteLine($"warning: {leftover}");
                }
                ComparisonTable.Write(cli, plan, results);
                cli.Output.WriteLine($"Results: {Path.GetFullPath(outDir)}");
                return cli.Signals.ExitCodeOnceWritten(cli.Error, $"the results were already written in {Path.GetFullPath(outDir)}");
            }, outDir);
        });
        return command;
    }

    /// <summary>Writes every file of a comparison into <paramref name="folder"/>: each scenario as it was loaded, compare.csv, the charts, report.html and manifest.json.</summary>
    internal static void Write(ResultsFolder folder, ComparisonPlan plan, IReadOnlyList<ComparisonResult> results, ulong seed, long runs, double chartScale = ChartFiles.DefaultScale)
    {
        var scenarios = new[] { plan.Base }.Concat(plan.Others.Select(o => o.Scenario)).ToList();
        foreach (var scenario in scenarios)
        {
            File.WriteAllText(folder.File(Path.Combine(scenario.Folder, ScenarioComparison.CopyFile)), scenario.Yaml);
        }
        ComparisonFiles.Write(folder, plan, results, seed, runs, chartScale);
        Manifest.Write(folder, json =>
        {
            json.WriteString("command", "compare");
            json.WriteNumber("seed", seed);
            json.WriteNumber("runs_per_scenario", runs);
            json.WriteStartArray("scenarios");
            foreach (var scenario in scenarios)
            {
                json.WriteStartObject();
                json.WriteString("folder", scenario.Folder);
                json.WriteString("scenario_file", Path.GetFullPath(scenario.Path));
                json.WriteString("scenario_sha256", scenario.Source.Sha256);
                if (plan.Others.FirstOrDefault(o => o.Scenario == scenario) is { } other)
                {
                    json.WriteStartArray("only_in_base");
                    other.OnlyInBase.ToList().ForEach(json.WriteStringValue);
                    json.WriteEndArray();
                    json.WriteStartArray("only_in_this_scenario");
                    other.OnlyInOther.ToList().ForEach(json.WriteStringValue);
                    json.WriteEndArray();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteString("reproduce", ComparisonFiles.Reproduce(plan, seed, runs, chartScale));
        });
    }
}
