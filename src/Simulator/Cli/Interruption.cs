using System.Runtime.InteropServices;

namespace MarketSim.Simulator.Cli;

/// <summary>
/// A two-step stop for SIGINT (Ctrl+C), SIGTERM and SIGHUP: the first signal asks the command to stop
/// and keep the work it has finished; a second asks it to stop at once and write nothing. The exit
/// code is the shell's convention for the first signal: 128 + its number (130, 143, 129).
/// </summary>
public sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly object _gate = new();
    private bool _disposed;

    /// <summary>Cancelled by the first signal: stop taking new work, keep what is finished.</summary>
    public CancellationToken Stop => _stop.Token;

    /// <summary>Cancelled by the second signal: stop at once, write nothing.</summary>
    public CancellationToken Abort => _abort.Token;

    /// <summary>The first signal received, if any.</summary>
    public PosixSignal? Signal { get; private set; }

    /// <summary>The exit code for the first signal: 130 (SIGINT), 143 (SIGTERM) or 129 (SIGHUP).</summary>
    public int ExitCode => Signal switch
    {
        PosixSignal.SIGTERM => ExitCodes.Terminated,
        PosixSignal.SIGHUP => ExitCodes.HungUp,
        _ => ExitCodes.Cancelled,
    };

    /// <summary>The signal's name for messages.</summary>
    public string SignalName => Signal switch
    {
        PosixSignal.SIGTERM => "SIGTERM",
        PosixSignal.SIGHUP => "SIGHUP",
        _ => "Ctrl+C (SIGINT)",
    };

    /// <summary>An interruption driven by this process's SIGINT, SIGTERM and SIGHUP.</summary>
    public static Interruption FromSignals()
    {
        var interruption = new Interruption();
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
        {
            interruption._registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                interruption.Request(context.Signal);
            }));
        }
        return interruption;
    }

    /// <summary>
    /// Throws <see cref="OperationCanceledException"/> once a first signal has come: a command that writes nothing when
    /// stopped (compare, sensitivity) calls this after its runs, as it writes and before it commits its results folder,
    /// so that a signal after the runs ends it as one during them does.
    /// </summary>
    public void ThrowIfStopped() => _stop.Token.ThrowIfCancellationRequested();

    /// <summary>
    /// The exit code of a command whose results folder is complete: 0, or 128 + the signal's number, with a line saying
    /// so, when a signal came too late to stop it (as the runs ended, or after the folder was committed).
    /// </summary>
    internal int ExitCodeOnceWritten(TextWriter error, string written)
    {
        if (Signal is null)
        {
            return ExitCodes.Ok;
        }
        error.WriteLine($"interrupted by {SignalName} after the runs had ended: {written}");
        return ExitCode;
    }

    /// <summary>Records a signal: the first requests a stop that keeps finished work, any later one an abort.</summary>
    public void Request(PosixSignal signal)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            if (Signal is null)
            {
                Signal = signal;
                _stop.Cancel();
            }
            else
            {
                _abort.Cancel();
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // A signal's handler can still be running as the command ends; it then finds the interruption disposed and does nothing.
        lock (_gate)
        {
            _disposed = true;
        }
        _registrations.ForEach(r => r.Dispose());
        _stop.Dispose();
        _abort.Dispose();
    }
}
