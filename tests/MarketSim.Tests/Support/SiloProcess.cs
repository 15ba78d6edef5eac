using System.Diagnostics;

namespace MarketSim.Tests.Support;

/// <summary>A `marketsim silo` child process, run from the built marketsim.dll next to the tests.</summary>
public sealed class SiloProcess : IDisposable
{
    private readonly Process _process;

    /// <summary>Starts a silo on <paramref name="connectionString"/> with short leases, for tests.</summary>
    public SiloProcess(string connectionString, string id, int threads = 1, double leaseSeconds = 3, double heartbeatSeconds = 0.5)
    {
        Id = id;
        var dll = Path.Combine(AppContext.BaseDirectory, "marketsim.dll");
        var info = new ProcessStartInfo("dotnet",
        [
            dll, "silo", "--cluster", connectionString, "--id", id, "--threads", threads.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--lease-seconds", leaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--heartbeat-seconds", heartbeatSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        _process = Process.Start(info)!;
        _process.ErrorDataReceived += (_, e) => { };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    /// <summary>The silo's id.</summary>
    public string Id { get; }

    /// <summary>The process id.</summary>
    public int Pid => _process.Id;

    /// <summary>Whether it has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Its exit code (after it exits).</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Kills it at once (SIGKILL), as a crash would.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>Sends SIGTERM (a graceful stop).</summary>
    public void Terminate() => Process.Start("kill", ["-TERM", Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();

    /// <summary>Waits for it to exit.</summary>
    public bool WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout);

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
