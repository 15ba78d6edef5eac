using MarketSim.Silo.Hosting;
using MarketSim.Simulator.Reports;
using MarketSim.Simulator.Scenarios;
using MarketSim.Simulator.Sensitivity;

namespace MarketSim.Simulator.Cli;

/// <summary>
/// Turns the ways a command can fail on bad input into one clear message each and the documented
/// exit code: scenario problems and unusable folders (2), an unreachable cluster (2), an experiment the
/// cluster could not finish (1), a stop signal (130, 143, 129).
/// </summary>
internal static class CommandErrors
{
    /// <summary>
    /// Runs <paramref name="body"/> and maps its failures to messages and exit codes. A failure to write the results
    /// folder <paramref name="outDir"/> (permission denied, a read-only file system, a full disk, also from files
    /// written in parallel) names --out rather than the hidden staging folder.
    /// </summary>
    public static int Handle(MarketSimCli cli, Func<int> body, string? outDir = null)
    {
        try
        {
            return body();
        }
        catch (Exception ex) when (outDir is not null && Unwritable.Reason(ex) is { } reason)
        {
            cli.Error.WriteLine($"error: {Unwritable.Message(outDir, reason)}");
            return ExitCodes.BadInput;
        }
        catch (ScenarioException ex)
        {
            foreach (var p in ex.Problems)
            {
                cli.Error.WriteLine($"error: {p}");
            }
            return ExitCodes.BadInput;
        }
        catch (VariationException ex)
        {
            foreach (var p in ex.Problems)
            {
                cli.Error.WriteLine($"error: {p}");
            }
            return ExitCodes.BadInput;
        }
        catch (IOException ex)
        {
            cli.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            cli.Error.WriteLine(cli.Signals.Signal is null
                ? "cancelled: no results were written"
                : $"interrupted by {cli.Signals.SignalName}: stopped cleanly; no results were written");
            return cli.Signals.Signal is null ? ExitCodes.Cancelled : cli.Signals.ExitCode;
        }
        catch (ClusterAddressException ex)
        {
            cli.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (ClusterUnavailableException ex)
        {
            cli.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (ExperimentFailedException ex)
        {
            cli.Error.WriteLine($"error: {ex.Message}; no results were written");
            return ExitCodes.Failure;
        }
        catch (UnauthorizedAccessException ex)
        {
            cli.Error.WriteLine($"error: {ex.Message} (permission denied); nothing was written");
            return ExitCodes.BadInput;
        }
        catch (AggregateException ex) when (ex.Flatten().InnerExceptions is { Count: > 0 } errors && errors.All(e => e is IOException or UnauthorizedAccessException))
        {
            cli.Error.WriteLine($"error: {errors[0].Message}");
            return ExitCodes.BadInput;
        }
    }
}
