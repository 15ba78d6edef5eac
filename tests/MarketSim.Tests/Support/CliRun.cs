using MarketSim.Simulator.Cli;

namespace MarketSim.Tests.Support;

/// <summary>Runs the `marketsim` command line in-process and captures what it prints.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = new MarketSimCli(output, error).Invoke(args);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs the command line with tables laid out for a terminal <paramref name="consoleWidth"/> columns wide.</summary>
    public static CliRun AtWidth(int consoleWidth, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = new MarketSimCli(output, error, consoleWidth: consoleWidth).Invoke(args);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToArray();
}
