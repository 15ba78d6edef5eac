using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using MarketSim.Grains.Experiments;
using MarketSim.Silo.Hosting;

namespace MarketSim.Tests.Support;

/// <summary>
/// A cluster of real processes for tests: a private Redis, <c>marketsim silo</c> child processes
/// started on it (each known by the silo address its start line prints), and an Orleans client in
/// the test process to watch experiments. Dispose kills every silo and Redis.
/// </summary>
public sealed partial class ProcessCluster : IDisposable
{
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(90);

    private readonly List<StartedSilo> _silos = [];
    private ClusterConnection? _client;

    /// <summary>The cluster's Redis.</summary>
    public PrivateRedis Redis { get; } = new();

    /// <summary>Every silo started, in start order, running or not.</summary>
    public IReadOnlyList<StartedSilo> Silos => _silos;

    /// <summary>Starts <paramref name="count"/> silos at once and waits until each has joined.</summary>
    public IReadOnlyList<StartedSilo> Start(int count, int threads = 1)
    {
        var processes = new List<SiloProcess>();
        for (var i = 0; i < count; i++)
        {
            processes.Add(new SiloProcess(Redis.Uri, threads));
        }
        var started = new List<StartedSilo>();
        foreach (var process in processes)
        {
            var line = process.WaitForLine("joined the cluster", JoinTimeout);
            var match = StartLine().Match(line);
            Assert.True(match.Success, $"unexpected start line: {line}");
            Assert.Equal(process.Pid, int.Parse(match.Groups["pid"].Value, CultureInfo.InvariantCulture));
            var silo = new StartedSilo(process, match.Groups["address"].Value);
            _silos.Add(silo);
            started.Add(silo);
        }
        return started;
    }

    /// <summary>The silo at <paramref name="address"/>, written either way Orleans writes one (<c>S127.0.0.1:P:G</c> or <c>127.0.0.1:P@G</c>).</summary>
    public StartedSilo SiloAt(string address) =>
        _silos.SingleOrDefault(s => s.Endpoint == StartedSilo.EndpointOf(address))
        ?? throw new InvalidOperationException($"no silo started by this test is at {address}; started: {string.Join(", ", _silos.Select(s => s.Address))}");

    /// <summary>An Orleans client of the cluster, connected on first use.</summary>
    public async Task<IClusterClient> Client()
    {
        _client ??= await ClusterConnection.Connect(ClusterAddress.Parse(Redis.Uri).ToConfigurationString(), Redis.Uri);
        return _client.Client;
    }

    /// <summary>The one experiment the cluster has, once a client has started it.</summary>
    public async Task<string> WaitForExperiment(TimeSpan timeout)
    {
        var registry = (await Client()).GetGrain<IExperimentRegistryGrain>(IExperimentRegistryGrain.Key);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var ids = await Ask(() => registry.List());
            if (ids is { Count: > 0 })
            {
                return Assert.Single(ids);
            }
            Assert.True(clock.Elapsed < timeout, $"no experiment started within {timeout.TotalSeconds:0} s");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Polls the experiment's progress until <paramref name="until"/> holds and returns it. A query that
    /// does not answer within 2 s (its host may just have died) is asked again.
    /// </summary>
    public async Task<ExperimentProgress> WaitForProgress(string id, Func<ExperimentProgress, bool> until, TimeSpan timeout, string what)
    {
        var experiment = (await Client()).GetGrain<IExperimentGrain>(id);
        var clock = Stopwatch.StartNew();
        ExperimentProgress? last = null;
        while (true)
        {
            last = await Ask(() => experiment.Progress()) ?? last;
            if (last is not null && until(last))
            {
                return last;
            }
            Assert.True(clock.Elapsed < timeout, $"waited {timeout.TotalSeconds:0} s for {what}; last progress: {last}");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// How long after now the membership table in Redis records <paramref name="silo"/> as Dead (polled every
    /// 50 ms): call it right after killing the silo to time Orleans' failure detection.
    /// </summary>
    public async Task<TimeSpan> TimeUntilDead(StartedSilo silo, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        using var redis = Redis.Connect();
        var table = redis.GetDatabase();
        while (true)
        {
            var entry = await table.HashGetAsync($"{SiloSetup.ServiceId}/members/{SiloSetup.ServiceId}", silo.Address);
            if (entry.HasValue && JsonDocument.Parse(entry.ToString()).RootElement.GetProperty("Status").GetInt32() == (int)SiloStatus.Dead)
            {
                return clock.Elapsed;
            }
            Assert.True(clock.Elapsed < timeout, $"membership did not declare {silo.Address} dead within {timeout.TotalSeconds:0} s: {entry}");
            await Task.Delay(50);
        }
    }

    /// <summary>The status the membership table holds for <paramref name="silo"/> at one read, or null when it has no entry.</summary>
    public async Task<SiloStatus?> StatusOf(StartedSilo silo)
    {
        using var redis = Redis.Connect();
        var entry = await redis.GetDatabase().HashGetAsync($"{SiloSetup.ServiceId}/members/{SiloSetup.ServiceId}", silo.Address);
        return entry.HasValue ? (SiloStatus)JsonDocument.Parse(entry.ToString()).RootElement.GetProperty("Status").GetInt32() : null;
    }

    /// <summary>Kills every silo still running and Redis.</summary>
    public void Dispose()
    {
        try
        {
            _client?.Dispose();
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException or OrleansException)
        {
            // the cluster is going anyway
        }
        foreach (var silo in _silos)
        {
            silo.Process.Dispose();
        }
        Redis.Dispose();
    }

    /// <summary>The answer of <paramref name="query"/>, or null when it fails or takes more than 2 s.</summary>
    private static async Task<T?> Ask<T>(Func<Task<T>> query)
        where T : class
    {
        try
        {
            return await query().WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception ex) when (ex is TimeoutException or OrleansException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^silo (?<address>S\S+) \(pid (?<pid>\d+)\) joined the cluster at redis://")]
    private static partial Regex StartLine();
}

/// <summary>A silo process of a <see cref="ProcessCluster"/>.</summary>
/// <param name="Process">The child process.</param>
/// <param name="Address">Its silo address as its start line prints it, for example <c>S127.0.0.1:40249:154954692</c>.</param>
public sealed partial record StartedSilo(SiloProcess Process, string Address)
{
    /// <summary>The address as Orleans parses it, <c>127.0.0.1:P@G</c>: the key of its run worker and in <see cref="ExperimentProgress.BatchesBySilo"/>.</summary>
    public string Key
    {
        get
        {
            var parts = Address[1..].Split(':');
            return $"{parts[0]}:{parts[1]}@{parts[2]}";
        }
    }

    /// <summary>IP:port, the part of the address both of Orleans' spellings share.</summary>
    public string Endpoint => EndpointOf(Address);

    /// <summary>The IP:port of a silo address written <c>S127.0.0.1:P:G</c> or <c>127.0.0.1:P@G</c>.</summary>
    public static string EndpointOf(string address)
    {
        var match = EndpointPattern().Match(address);
        return match.Success ? match.Value : throw new ArgumentException($"'{address}' is not a silo address", nameof(address));
    }

    [GeneratedRegex(@"\d+\.\d+\.\d+\.\d+:\d+")]
    private static partial Regex EndpointPattern();
}
