using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using StackExchange.Redis;

namespace MarketSim.Tests.Support;

/// <summary>
/// A private <c>redis-server</c> for tests: a free loopback port, a fresh temporary folder, no
/// persistence of its own, stopped and deleted on dispose. Uses the <c>redis-server</c> on PATH
/// (scripts/test.sh installs Debian's); when it is missing or does not answer PING within 10 s the
/// constructor throws, so the tests that need it fail rather than skip.
/// </summary>
public sealed class PrivateRedis : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);

    private readonly string _server;
    private readonly StringBuilder _log = new();
    private Process? _process;
    private bool _disposed;

    /// <summary>Starts the server and waits until it answers PING.</summary>
    /// <exception cref="InvalidOperationException"><c>redis-server</c> is not installed, or did not answer within 10 s.</exception>
    public PrivateRedis()
    {
        _server = FindServer();
        Folder = Path.Combine(Path.GetTempPath(), $"marketsim-redis-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Folder);
        try
        {
            // Another process may take the free port between the check and the bind: try a few.
            for (var attempt = 1; ; attempt++)
            {
                Port = FreePort();
                try
                {
                    Start();
                    break;
                }
                catch (InvalidOperationException) when (attempt < 3 && Log.Contains("Address already in use", StringComparison.Ordinal))
                {
                }
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The loopback port it listens on (the same after <see cref="Restart"/>).</summary>
    public int Port { get; private set; }

    /// <summary>127.0.0.1:PORT, a StackExchange.Redis configuration string.</summary>
    public string Address => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>redis://127.0.0.1:PORT, as given to <c>--cluster</c>.</summary>
    public string Uri => $"redis://{Address}";

    /// <summary>The server's temporary folder (deleted on dispose).</summary>
    public string Folder { get; }

    /// <summary>Whether the server process is running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Everything the server printed, across restarts.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>
    /// A new connection to the server (which the caller disposes); admin commands allowed. It waits up to 10 s, three
    /// tries: with three silo processes starting or being killed on two cores, a 2 s connect once timed out in CI.
    /// </summary>
    public ConnectionMultiplexer Connect() =>
        ConnectionMultiplexer.Connect($"{Address},allowAdmin=true,abortConnect=true,connectTimeout=10000,connectRetry=3");

    /// <summary>
    /// Stops the server and starts it again on the same port, as a restart in production would. With
    /// <paramref name="keepData"/> (the default) it saves its data on the way down (SHUTDOWN SAVE) and loads it
    /// on the way up, like a Redis with persistence; without, it comes back empty. After <see cref="Kill"/> it
    /// starts with the data of the last restart, as a crashed Redis would. It stays down for
    /// <paramref name="down"/> (no time by default) before it starts again.
    /// </summary>
    public void Restart(bool keepData = true, TimeSpan? down = null)
    {
        if (IsRunning)
        {
            Stop(keepData);
        }
        if (down is { } pause)
        {
            Thread.Sleep(pause);
        }
        if (!keepData)
        {
            File.Delete(Path.Combine(Folder, "dump.rdb"));
        }
        Start();
    }

    /// <summary>Kills the server at once (SIGKILL), as a crash would; it stays down until <see cref="Restart"/>.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            process.WaitForExit();
        }
    }

    /// <summary>Kills the server if it runs and deletes its folder.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // it had already gone
        }
        _process?.Dispose();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private static string FindServer() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "redis-server"))
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException(
            "redis-server is not on PATH: install the Debian package 'redis-server' (scripts/test.sh does); the cluster tests need a private Redis server.");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Start()
    {
        var info = new ProcessStartInfo(_server,
        [
            "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", Folder,
            "--save", "", "--appendonly", "no", "--daemonize", "no",
        ])
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process?.Dispose();
        var process = Process.Start(info)!;
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        WaitUntilItAnswers(process);
    }

    private void WaitUntilItAnswers(Process process)
    {
        var clock = Stopwatch.StartNew();
        Exception? last = null;
        while (clock.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                process.WaitForExit();
                throw new InvalidOperationException($"redis-server exited with code {process.ExitCode} on port {Port} before answering PING:\n{Log}");
            }
            try
            {
                // A plain TCP connect first: the client waits out its connect timeout on a port not yet listening.
                using (var probe = new TcpClient())
                {
                    probe.Connect(IPAddress.Loopback, Port);
                }
                using var connection = Connect();
                connection.GetDatabase().Ping();
                return;
            }
            catch (Exception ex) when (ex is RedisException or SocketException)
            {
                last = ex;
                Thread.Sleep(20);
            }
        }
        Kill();
        throw new InvalidOperationException($"redis-server did not answer PING on port {Port} within {StartTimeout.TotalSeconds:0} s ({last?.Message}):\n{Log}");
    }

    private void Stop(bool save)
    {
        var process = _process!;
        ConnectionMultiplexer? connection = null;
        try
        {
            connection = Connect();
            connection.GetServer(Address).Shutdown(save ? ShutdownMode.Always : ShutdownMode.Never);
        }
        catch (RedisException) when (connection is not null)
        {
            // the connection drops as the server goes down
        }
        catch (RedisException)
        {
            // no connection (a test may have set a password): stop it the hard way, without saving
            process.Kill();
        }
        finally
        {
            connection?.Dispose();
        }
        if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            process.Kill();
        }
        process.WaitForExit();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}
