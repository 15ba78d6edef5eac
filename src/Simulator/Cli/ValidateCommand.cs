using System.CommandLine;
using MarketSim.Simulator.Scenarios;

namespace MarketSim.Simulator.Cli;

/// <summary>`marketsim validate FILE...`: reports every problem in each scenario file at once.</summary>
internal static class ValidateCommand
{
    public static Command Create(MarketSimCli cli)
    {
        var files = new Argument<string[]>("SCENARIO")
        {
            Description = "One or more scenario files (YAML) to check.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("validate", "Check scenario files and report every problem, each with file, line, field and what is allowed. Exit code 0 if all are valid, 2 if not.")
        {
            files,
        };
        command.SetAction(parsed =>
        {
            var ok = true;
            foreach (var file in parsed.GetValue(files)!)
            {
                (UncertainScenario? loaded, IReadOnlyList<ScenarioProblem> problems) result;
                try
                {
                    result = ScenarioLoader.TryLoadUncertain(file);
                }
                catch (OperationCanceledException) when (cli.Signals.Signal is not null)
                {
                    cli.Error.WriteLine($"interrupted by {cli.Signals.SignalName} while reading {file}: stopped");
                    return cli.Signals.ExitCode;
                }
                var (loaded, problems) = result;
                if (loaded is null)
                {
                    ok = false;
                    foreach (var p in problems)
                    {
                        cli.Error.WriteLine($"error: {p}");
                    }
                    cli.Error.WriteLine($"{file}: {problems.Count} problem{(problems.Count == 1 ? "" : "s")}");
                    continue;
                }
                ScenarioWarnings.Print(cli, loaded);
                var scenario = loaded.Median;
                cli.Output.WriteLine($"{file}: ok ({scenario.Name}: {Count(scenario.Zones.Length, "zone")}, {Count(scenario.Providers.Length, "provider")}, {Count(scenario.Commissioners.Length, "commissioner")}, {Count(scenario.PooledBudgets.Length, "pooled budget")}, {scenario.HorizonWeeks} weeks)");
            }
            return ok ? ExitCodes.Ok : ExitCodes.BadInput;
        });
        return command;
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";
}
