using System.CommandLine;
using MarketSim.Simulator.Scenarios;

namespace MarketSim.Simulator.Cli;

/// <summary>
/// The `marketsim` command line: `run`, `sensitivity`, `compare`, `validate`, `silo`, `cluster` and `serve`, each with --help. Writes results to
/// <see cref="Output"/> and messages to <see cref="Error"/> so that tests can capture both.
/// </summary>
public sealed class MarketSimCli
{
    /// <summary>Creates a command line writing to the given streams.</summary>
    /// <param name="output">Where results and help go.</param>
    /// <param name="error">Where progress and problems go.</param>
    /// <param name="interactive">Whether stderr is a terminal and stdout takes colour.</param>
    /// <param name="consoleWidth">The columns tables may use; null detects the terminal's width, or 80 when output is redirected.</param>
    public MarketSimCli(TextWriter output, TextWriter error, bool interactive = false, int? consoleWidth = null)
    {
        ConsoleWidth = Math.Max(20, consoleWidth ?? TableConsole.Detect(output));
        Output = output;
        Error = error;
        Interactive = interactive;
    }

    /// <summary>The columns result tables are laid out for: the terminal's width, or 80 when output is redirected; at least 20.</summary>
    public int ConsoleWidth { get; }

    /// <summary>Where results and help go (stdout).</summary>
    public TextWriter Output { get; }

    /// <summary>Where progress and problems go (stderr).</summary>
    public TextWriter Error { get; }

    /// <summary>The stop signals of the command being run.</summary>
    internal Interruption Signals { get; private set; } = null!;

    /// <summary>Whether stderr is a terminal (live progress bar) and stdout takes colour.</summary>
    public bool Interactive { get; }

    /// <summary>
    /// Parses <paramref name="args"/>, runs the command, and returns the exit code.
    /// <paramref name="interruption"/> carries the stop signals (none when null).
    /// </summary>
    public int Invoke(string[] args, Interruption? interruption = null)
    {
        using var none = interruption is null ? new Interruption() : null;
        Signals = interruption ?? none!;
        var parsed = Commands().Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var message in ParseErrorMessage.Of(parsed))
            {
                Error.WriteLine($"error: {message}");
            }
            Error.WriteLine($"Try '{ParseErrorMessage.CommandLine(parsed.CommandResult)} --help'.");
            return ExitCodes.BadInput;
        }
        // A scenario file that never ends its read (a named pipe nobody writes to) is stopped by the command's first signal.
        ScenarioFileText.StopReading.Value = Signals.Stop;
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = Output, Error = Error });
        }
        finally
        {
            ScenarioFileText.StopReading.Value = default;
        }
    }

    /// <summary>The root command and every subcommand, with their options.</summary>
    internal RootCommand Commands()
    {
        var root = new RootCommand("MarketSim: Monte Carlo stress tests of adult social care markets (home care zones, providers, commissioners, pooled budgets).")
        {
            RunCommand.Create(this),
            SensitivityCommand.Create(this),
            CompareCommand.Create(this),
            ValidateCommand.Create(this),
            SiloCommand.Create(this),
            ClusterCommand.Create(this),
            ServeCommand.Create(this),
        };
        ExamplesHelpAction.AddTo(root);
        return root;
    }
}
