using System.Diagnostics;
using System.Text;

namespace MarketSim.Tests.Support;

/// <summary>A `marketsim` child process (the built marketsim.dll next to the tests), for signals, working directories and HOME.</summary>
public sealed class MarketSimProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly List<string> _lines = [];
    private int _openStreams = 2;

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
        _process.OutputDataReceived += (_, e) => Received(_output, e.Data);
        _process.ErrorDataReceived += (_, e) => Received(_error, e.Data);
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

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output { get { lock (_output) { return _output.ToString(); } } }

    public string Error { get { lock (_error) { return _error.ToString(); } } }

    /// <summary>Standard output and standard error line by line, in the order the lines arrived.</summary>
    public string Log { get { lock (_lines) { return string.Join('\n', _lines); } } }

    /// <summary>Sends a signal by name (TERM, HUP, INT, KILL).</summary>
    public void Signal(string name)
    {
        AssertNotIgnored(name);
        Process.Start("kill", ["-s", name, Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
    }

    /// <summary>
    /// Fails at once, saying why, when this test process ignores the signal: marketsim inherits that
    /// (a shell without job control ignores SIGINT in background jobs, nohup ignores SIGHUP) and would
    /// rightly not stop, which would otherwise show only as a time-out.
    /// </summary>
    private static void AssertNotIgnored(string name)
    {
        var number = name switch { "HUP" => 1, "INT" => 2, "QUIT" => 3, "TERM" => 15, _ => 0 };
        var ignored = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        if (number > 0 && ignored is not null && (Convert.ToUInt64(ignored[7..].Trim(), 16) & (1UL << (number - 1))) != 0)
        {
            Assert.Fail($"SIG{name} is ignored in this test process, so marketsim would inherit that and not stop: run the tests from a shell with job control (not in the background of a script, nor under nohup).");
        }
    }

    /// <summary>Kills the process at once (SIGKILL) and waits for it to go.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.WaitForExit();
    }

    /// <summary>
    /// Waits until a line of standard output or standard error containing <paramref name="contains"/> has
    /// been printed (at any time since the start) and returns it.
    /// </summary>
    /// <exception cref="TimeoutException">No such line within <paramref name="timeout"/>, or the process closed its
    /// output without printing one; the message holds the log.</exception>
    public string WaitForLine(string contains, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        lock (_lines)
        {
            var checkedLines = 0;
            while (true)
            {
                for (; checkedLines < _lines.Count; checkedLines++)
                {
                    if (_lines[checkedLines].Contains(contains, StringComparison.Ordinal))
                    {
                        return _lines[checkedLines];
                    }
                }
                var left = timeout - deadline.Elapsed;
                if (_openStreams == 0 || left <= TimeSpan.Zero)
                {
                    var why = _openStreams == 0 ? "the process closed its output" : $"none within {timeout.TotalSeconds:0.#} s";
                    throw new TimeoutException($"no line containing '{contains}' from marketsim (pid {Pid}): {why}. Its log:\n{string.Join('\n', _lines)}");
                }
                Monitor.Wait(_lines, left);
            }
        }
    }

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

    private void Received(StringBuilder stream, string? line)
    {
        lock (stream)
        {
            stream.AppendLine(line);
        }
        lock (_lines)
        {
            if (line is null)
            {
                _openStreams--;
            }
            else
            {
                _lines.Add(line);
            }
            Monitor.PulseAll(_lines);
        }
    }
}
