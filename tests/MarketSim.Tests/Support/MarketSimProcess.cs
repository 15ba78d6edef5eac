using System.Diagnostics;
using System.Text;

namespace MarketSim.Tests.Support;

/// <summary>A `marketsim` child process (the built marketsim.dll next to the tests), for signals, working directories and HOME.</summary>
public sealed class MarketSimProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    public MarketSimProcess(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "marketsim.dll"), .. args])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (_error) { _error.AppendLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Runs to the end and returns (exit code, stdout, stderr).</summary>
    public static (int ExitCode, string Output, string Error) Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var p = new MarketSimProcess(workingDirectory, environment, args);
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(2)), "marketsim did not finish in 2 minutes");
        return (p.ExitCode, p.Output, p.Error);
    }

    public int Pid => _process.Id;

    public int ExitCode => _process.ExitCode;

    public string Output { get { lock (_output) { return _output.ToString(); } } }

    public string Error { get { lock (_error) { return _error.ToString(); } } }

    /// <summary>Sends a signal by name (TERM, HUP, INT, KILL).</summary>
    public void Signal(string name) => Process.Start("kill", ["-s", name, Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();

    public bool WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            return false;
        }
        _process.WaitForExit();
        return true;
    }

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
