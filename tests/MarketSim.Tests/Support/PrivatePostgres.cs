using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MarketSim.Tests.Support;

/// <summary>
/// A private PostgreSQL server for tests and benchmarks: initdb in a temporary folder, started on a
/// free loopback port with trust authentication, stopped and deleted on dispose. Uses the Debian
/// package's binaries (scripts/test.sh installs it); when they are missing it throws, so the tests
/// that need it fail rather than skip. As root, the server runs as the 'postgres' user.
/// </summary>
public sealed class PrivatePostgres : IDisposable
{
    private readonly string _bin;
    private readonly string _dir;
    private readonly bool _asPostgresUser;

    /// <summary>Creates and starts the server.</summary>
    public PrivatePostgres()
    {
        _bin = FindBin();
        _dir = Path.Combine(Path.GetTempPath(), $"marketsim-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_dir);
        _asPostgresUser = Environment.UserName == "root";
        if (_asPostgresUser)
        {
            Exec("chown", ["-R", "postgres:postgres", _dir], asPostgres: false);
        }
        Port = FreePort();
        Exec(Path.Combine(_bin, "initdb"), ["-D", DataDir, "-A", "trust", "-U", "marketsim", "-E", "UTF8", "--no-sync"]);
        Start();
    }

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; }

    /// <summary>An Npgsql connection string for it.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=marketsim;Database=postgres;Timeout=5;Command Timeout=30";

    private string DataDir => Path.Combine(_dir, "data");

    /// <summary>Starts the server (after <see cref="Stop"/>).</summary>
    public void Start() => Exec(Path.Combine(_bin, "pg_ctl"),
        ["-D", DataDir, "-l", Path.Combine(_dir, "server.log"), "-w", "-t", "60", "-o", $"-p {Port} -k {_dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start"]);

    /// <summary>Stops the server at once, as a crash or a restart would.</summary>
    public void Stop() => Exec(Path.Combine(_bin, "pg_ctl"), ["-D", DataDir, "-w", "-m", "fast", "stop"]);

    /// <summary>Stops and starts the server.</summary>
    public void Restart()
    {
        Stop();
        Start();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Exec(Path.Combine(_bin, "pg_ctl"), ["-D", DataDir, "-w", "-m", "immediate", "stop"]);
        }
        catch (InvalidOperationException)
        {
            // already stopped
        }
        Directory.Delete(_dir, recursive: true);
    }

    private static string FindBin()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("MARKETSIM_PG_BIN");
        var candidates = fromEnvironment is not null
            ? [fromEnvironment]
            : Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin"))
                : Enumerable.Empty<string>();
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            ?? throw new InvalidOperationException("PostgreSQL server binaries not found (looked in /usr/lib/postgresql/*/bin and MARKETSIM_PG_BIN): install the Debian package 'postgresql' (scripts/test.sh does).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Exec(string file, string[] args, bool asPostgres = true)
    {
        var info = asPostgres && _asPostgresUser
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", file, .. args])
            : new ProcessStartInfo(file, args);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {error}{output.Result}");
        }
    }
}
