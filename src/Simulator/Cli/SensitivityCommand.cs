using System.CommandLine;
using System.Globalization;
using MarketSim.Simulator.Reports;
using MarketSim.Simulator.Sensitivity;

namespace MarketSim.Simulator.Cli;

/// <summary>
/// `marketsim sensitivity SCENARIO --vary PATH=LOW..HIGH ... --metric NAME ...`: one-at-a-time sensitivity with common
/// random numbers; with `--method sobol`, Sobol indices of the scenario's uncertain inputs (<see cref="SobolSensitivity"/>).
/// </summary>
internal static class SensitivityCommand
{
    private const string Example = "providers.slp_a.capacity_weekly_hours=2000..3500";

    /// <summary>What `marketsim sensitivity --help` ends with: a command of each method, on bundled scenarios, and where the files are described.</summary>
    internal const string Examples = """
        Examples:
          marketsim sensitivity scenarios/doncaster-ccash.yaml --vary 'providers.*.rate_gbp_per_hour=14.36..16' --vary 'zones.*.demand.annual_growth=0..0.04' --metric unmet_hours_total --metric whole_system_cost_gbp --runs 1000
          marketsim sensitivity scenarios/doncaster-uncertain.yaml --method sobol --base-runs 512 --metric unmet_hours_total

        The files and their columns: docs/outputs.md, "Sensitivity".
        """;

    private static readonly NumberRange<int> Points = NumberOption.AtLeast(2).Noting("the low and the high value, and N − 2 evenly spaced between");

    private static readonly NumberRange<int> BaseRuns = new(2, SobolAnalysis.MaxBaseRuns, $"a whole number from 2 to {SobolAnalysis.MaxBaseRuns.ToString("N0", CultureInfo.InvariantCulture)}");

    public static Command Create(MarketSimCli cli)
    {
        var scenario = new Argument<string>("SCENARIO") { Description = "The scenario file (YAML)." };
        var vary = new Option<string[]>("--vary") { Description = "PATH=LOW..HIGH, repeatable: a number in the scenario (PATH: its keys, list entries by id or [index], * for every entry) and its low and high values, e.g. providers.slp_a.capacity_weekly_hours=2000..3500 or zones.*.demand.annual_growth=0..0.04.", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = true };
        var metric = new Option<string[]>("--metric") { Description = "Outcomes (runs.csv columns) whose change is reported; repeatable. Default: unmet_hours_total.", AllowMultipleArgumentsPerToken = true };
        var runs = NumberOption.Create<long>("--runs", "Runs for the base and for each variant.", 500, NumberOption.Runs, "-n");
        var seed = NumberOption.Create<ulong>("--seed", "Seed shared by the base and every variant (common random numbers).", 1, NumberOption.Seeds, "-s");
        var output = FolderOption.Create("--out", "Results folder (default: results/<scenario>-sensitivity).", "-o");
        var threads = NumberOption.Create<int>("--threads", "Worker threads; 0 uses every core.", 0, NumberOption.Threads, "-t");
        var overwrite = FolderOption.Overwrite();
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress display." };
        var points = NumberOption.Create<int>("--points", "Values per input, evenly spaced from LOW to HIGH (the ends included) for the spider chart; the tornado uses the ends.", SensitivityAnalysis.DefaultPoints, Points);
        var method = new Option<string>("--method") { Description = "oat: vary inputs one at a time (--vary); sobol: first-order and total Sobol indices of the scenario's uncertain inputs (its distributions), from (k + 2)·N runs of a Saltelli design.", DefaultValueFactory = _ => "oat" };
        var baseRuns = NumberOption.Create<int>("--base-runs", "With --method sobol: the base sample size N; the design runs (k + 2)·N runs for k uncertain inputs.", SobolAnalysis.DefaultBaseRuns, BaseRuns);
        var chartScale = ChartScaleOption.Create();
        var command = new Command("sensitivity", "Vary inputs one at a time between low and high values, with common random numbers, and report each one's paired effect on the chosen outcomes (sensitivity.csv, spider.csv, a tornado and a spider chart per outcome, report.html); or, with --method sobol, apportion each outcome's variance among the uncertain inputs (sobol.csv, a chart per outcome, report.html).")
        {
            scenario, vary, metric, runs, seed, output, threads, overwrite, quiet, points, method, baseRuns, chartScale,
        };
        command.SetAction(parsed =>
        {
            var path = parsed.GetValue(scenario)!;
            var problems = new List<string>();
            var outDir = parsed.GetValue(output) ?? Path.Combine("results", Path.GetFileNameWithoutExtension(path) + "-sensitivity");
            string[] metrics = parsed.GetValue(metric) is { Length: > 0 } m ? [.. m.Distinct(StringComparer.Ordinal)] : ["unmet_hours_total"];
            var chosen = parsed.GetValue(method);
            if (chosen is not ("oat" or "sobol"))
            {
                cli.Error.WriteLine($"error: --method: '{chosen}' is not allowed; allowed: oat (one at a time, the default) or sobol");
                return ExitCodes.BadInput;
            }
            if (chosen == "sobol")
            {
                foreach (var given in new Option[] { vary, runs, points }.Where(o => parsed.GetResult(o) is { Implicit: false }))
                {
                    problems.Add($"{given.Name}: not allowed with --method sobol, which varies the scenario's uncertain inputs by their distributions; allowed: --base-runs N for the design's size, and distributions in the scenario (see docs/scenario-format.md)");
                }
                if (problems.Count > 0)
                {
                    problems.ForEach(p => cli.Error.WriteLine($"error: {p}"));
                    return ExitCodes.BadInput;
                }
                ThreadsWarning.IfAboveCores(cli.Error, parsed.GetValue(threads));
                return SobolSensitivity.Run(cli, path, metrics, parsed.GetValue(baseRuns), parsed.GetValue(seed), outDir, parsed.GetValue(threads), parsed.GetValue(overwrite), parsed.GetValue(quiet), parsed.GetValue(chartScale));
            }
            if (parsed.GetResult(baseRuns) is { Implicit: false })
            {
                problems.Add("--base-runs: only allowed with --method sobol; allowed: --runs for the one-at-a-time method");
            }
            var variations = new List<Variation>();
            var texts = parsed.GetValue(vary) ?? [];
            if (texts.Length == 0)
            {
                problems.Add($"--vary: none given; allowed: one or more PATH=LOW..HIGH, e.g. --vary {Example}");
            }
            foreach (var text in texts)
            {
                if (Variation.Parse(text, out var whyNot) is not { } v)
                {
                    problems.Add($"--vary: '{text}' is not allowed{whyNot}; allowed: PATH=LOW..HIGH, e.g. {Example}");
                }
                else if (!double.IsFinite(v.Low) || !double.IsFinite(v.High))
                {
                    problems.Add($"--vary: '{text}' has a LOW or HIGH that is not a finite number; allowed: PATH=LOW..HIGH with two finite numbers, LOW < HIGH, e.g. {Example}");
                }
                else if (!(v.Low < v.High))
                {
                    problems.Add($"--vary: '{text}' has LOW {Numbers.Exact(v.Low)}, not below HIGH {Numbers.Exact(v.High)}; allowed: PATH=LOW..HIGH with LOW < HIGH, e.g. {Example}");
                }
                else if (variations.Any(earlier => earlier.Path.Text == v.Path.Text))
                {
                    problems.Add($"--vary: '{text}' varies {v.Path.Text}, which an earlier --vary varies too; allowed: each path once, with one LOW..HIGH");
                }
                else
                {
                    variations.Add(v);
                }
            }
            if (problems.Count > 0)
            {
                problems.ForEach(p => cli.Error.WriteLine($"error: {p}"));
                return ExitCodes.BadInput;
            }
            ThreadsWarning.IfAboveCores(cli.Error, parsed.GetValue(threads));
            return CommandErrors.Handle(cli, () =>
            {
                // Everything is checked before the results folder is begun, so bad input leaves nothing behind.
                var plan = SensitivityAnalysis.Plan(path, variations, metrics, parsed.GetValue(points));
                foreach (var warning in plan.Warnings)
                {
                    cli.Error.WriteLine($"warning: {warning}");
                }
                using var folder = ResultsFolder.Begin(outDir, parsed.GetValue(overwrite));
                var total = parsed.GetValue(runs) * plan.Scenarios;
                var effects = new ProgressDisplay(cli.Error, cli.Interactive, parsed.GetValue(quiet)).Run(total, progress =>
                    SensitivityAnalysis.Run(plan, parsed.GetValue(seed), parsed.GetValue(runs), parsed.GetValue(threads), n => progress(n, null), cli.Signals.Stop));
                cli.Signals.ThrowIfStopped();
                Write(folder, path, plan, variations, effects, parsed.GetValue(seed), parsed.GetValue(runs), parsed.GetValue(points), parsed.GetValue(chartScale));
                cli.Signals.ThrowIfStopped();
                folder.Commit();
                if (folder.Warning is { } leftover)
                {
                    cli.Error.WriteLine($"warning: {leftover}");
                }
                Print(cli, plan, effects, parsed.GetValue(runs));
                cli.Output.WriteLine($"Results: {Path.GetFullPath(outDir)}");
                return cli.Signals.ExitCodeOnceWritten(cli.Error, $"the results were already written in {Path.GetFullPath(outDir)}");
            }, outDir);
        });
        return command;
    }

    /// <summary>Writes every file of a one-at-a-time analysis into <paramref name="folder"/>: the scenario as it was loaded, the tables, charts, report.html and manifest.json.</summary>
    internal static void Write(ResultsFolder folder, string scenarioPath, SensitivityPlan plan, IReadOnlyList<Variation> variations, List<SensitivityAnalysis.Effect> effects, ulong seed, long runs, int points, double chartScale)
    {
        var reproduce = Reproduce(variations, plan.Metrics, seed, runs, points, chartScale);
        File.WriteAllText(folder.File("scenario.yaml"), plan.Source.EffectiveYaml);
        SensitivityFiles.Write(folder, plan, effects, scenarioPath, seed, runs, points, chartScale, reproduce);
        Manifest.Write(folder, json =>
        {
            json.WriteString("command", "sensitivity");
            json.WriteString("method", "oat");
            json.WriteString("scenario_file", Path.GetFullPath(scenarioPath));
            json.WriteString("scenario_sha256", plan.Source.Sha256);
            json.WriteNumber("seed", seed);
            json.WriteNumber("runs_per_variant", runs);
            json.WriteNumber("points_per_input", points);
            json.WriteStartArray("varied");
            foreach (var v in variations)
            {
                json.WriteStartObject();
                json.WriteString("path", v.Path.Text);
                json.WriteNumber("low", v.Low);
                json.WriteNumber("high", v.High);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("metrics");
            foreach (var m in plan.Metrics)
            {
                json.WriteStringValue(m);
            }
            json.WriteEndArray();
            json.WriteString("reproduce", reproduce);
        });
    }

    // The command that redoes the analysis in the results folder, from its scenario.yaml, its PNGs at the same --chart-scale.
    private static string Reproduce(IReadOnlyList<Variation> variations, IReadOnlyList<string> metrics, ulong seed, long runs, int points, double chartScale) =>
        Provenance.Command(new[] { "sensitivity", "scenario.yaml" }
            .Concat(variations.SelectMany(v => new[] { "--vary", v.Text }))
            .Concat(metrics.SelectMany(m => new[] { "--metric", m }))
            .Concat(["--points", points.ToString(CultureInfo.InvariantCulture), "--runs", runs.ToString(CultureInfo.InvariantCulture), "--seed", seed.ToString(CultureInfo.InvariantCulture)])
            .Concat(Provenance.ChartScale(chartScale)));

    private static void Print(MarketSimCli cli, SensitivityPlan plan, List<SensitivityAnalysis.Effect> effects, long runs)
    {
        var console = TableConsole.For(cli.Output, cli.Interactive, cli.ConsoleWidth);
        var h = SensitivityFiles.Headers;
        foreach (var (_, title, rows, notes) in SensitivityFiles.Tables(plan, effects, runs))
        {
            var table = new FittedTable(title).Text(h[0]).Text(h[1]).Number(h[2]).Number(h[3], FittedTable.Drop.ToFit).Number(h[4]);
            foreach (var row in rows)
            {
                table.AddRow(row);
            }
            console.Write(table);
            foreach (var note in notes)
            {
                TableConsole.WriteWrapped(cli.Output, note, cli.ConsoleWidth);
            }
        }
    }
}
