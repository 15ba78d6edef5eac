using System.Runtime.InteropServices;
using MarketSim.Simulator.Cli;

namespace MarketSim.Tests.Support;

/// <summary>
/// A stderr that sends <paramref name="signal"/> as the progress display reports every run done: the display's last line
/// is written once the runs have returned, so the signal comes after the runs and before (compare, sensitivity) or after
/// (run, whose runs and files are one step) the results folder is written.
/// </summary>
public sealed class SignalAfterRuns(Interruption interruption, PosixSignal signal) : StringWriter
{
    public override void WriteLine(string? value)
    {
        base.WriteLine(value);
        if (interruption.Signal is null && value is not null && value.StartsWith("progress: ", StringComparison.Ordinal)
            && value["progress: ".Length..].Split(' ')[0].Split('/') is [var done, var total] && done == total)
        {
            interruption.Request(signal);
        }
    }
}
