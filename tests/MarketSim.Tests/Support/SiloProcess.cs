using System.Globalization;

namespace MarketSim.Tests.Support;

/// <summary>
/// A <c>marketsim silo</c> child process (<c>dotnet marketsim.dll silo --cluster redis://127.0.0.1:P --threads T
/// [--silo-port N --gateway-port M]</c>), with its standard output and error captured in <see cref="Log"/>.
/// Dispose kills it if it still runs.
/// </summary>
public sealed class SiloProcess : IDisposable
{
    private readonly MarketSimProcess _process;

    /// <summary>Starts a silo of the cluster at <paramref name="cluster"/> (a redis:// address).</summary>
    /// <param name="cluster">The value of <c>--cluster</c>, for example <see cref="PrivateRedis.Uri"/>.</param>
    /// <param name="threads">The value of <c>--threads</c>.</param>
    /// <param name="siloPort">The value of <c>--silo-port</c>; left out when null.</param>
    /// <param name="gatewayPort">The value of <c>--gateway-port</c>; left out when null.</param>
    /// <param name="workingDirectory">Where it runs; a new temporary folder when null.</param>
    /// <param name="extraArgs">More arguments, appended as they are.</param>
    public SiloProcess(string cluster, int threads = 1, int? siloPort = null, int? gatewayPort = null, string? workingDirectory = null, params string[] extraArgs)
    {
        List<string> args = ["silo", "--cluster", cluster, "--threads", threads.ToString(CultureInfo.InvariantCulture)];
        if (siloPort is { } silo)
        {
            args.AddRange(["--silo-port", silo.ToString(CultureInfo.InvariantCulture)]);
        }
        if (gatewayPort is { } gateway)
        {
            args.AddRange(["--gateway-port", gateway.ToString(CultureInfo.InvariantCulture)]);
        }
        args.AddRange(extraArgs);
        Arguments = args;
        _process = new MarketSimProcess(workingDirectory ?? Repo.TempDir(), null, [.. args]);
    }

    /// <summary>The arguments after marketsim.dll, for messages.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The process id.</summary>
    public int Pid => _process.Pid;

    /// <summary>Whether it has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Its exit code (after it exits).</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Standard output and standard error so far, line by line in the order they arrived (thread-safe).</summary>
    public string Log => _process.Log;

    /// <summary>Kills it at once (SIGKILL), as a crash would, and waits for it to go.</summary>
    public void Kill() => _process.Kill();

    /// <summary>Sends SIGTERM (a graceful stop); see <see cref="WaitForExit"/>.</summary>
    public void Terminate() => _process.Signal("TERM");

    /// <summary>Pauses it (SIGSTOP), as a suspended machine or a debugger would: it keeps its connections but answers nothing.</summary>
    public void Pause() => _process.Signal("STOP");

    /// <summary>Resumes it after <see cref="Pause"/> (SIGCONT).</summary>
    public void Resume() => _process.Signal("CONT");

    /// <summary>Waits for a line containing <paramref name="contains"/> (printed at any time since the start) and returns it.</summary>
    /// <exception cref="TimeoutException">None within <paramref name="timeout"/>, or the silo exited first; the message holds the log.</exception>
    public string WaitForLine(string contains, TimeSpan timeout) => _process.WaitForLine(contains, timeout);

    /// <summary>Waits for it to exit.</summary>
    public bool WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout);

    /// <summary>Kills it if it still runs.</summary>
    public void Dispose() => _process.Dispose();
}
