using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using MarketSim.Grains.Experiments;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;
using MarketSim.Silo.Hosting;
using MarketSim.Simulator.Statistics;
using MarketSim.Tests.Support;

namespace MarketSim.Benchmarks.Orleans;

/// <summary>
/// One against two `marketsim silo` processes on this machine, on a private Redis, each silo with one
/// worker thread per core: 10,000 Doncaster runs through a cluster client, as `marketsim run --cluster` does.
/// Needs redis-server on PATH.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class SiloProcessesBenchmark
{
    private const int Runs = 10_000;
    private readonly List<Process> _silos = [];
    private PrivateRedis _redis = null!;
    private ClusterConnection _connection = null!;
    private MarketScenario _scenario = null!;
    private string _yaml = "";
    private int _experiment;

    [Params(1, 2)]
    public int Silos { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _yaml = File.ReadAllText(BenchmarkScenarios.Path("doncaster-ccash.yaml"));
        _scenario = BenchmarkScenarios.Load("doncaster-ccash.yaml");
        _redis = new PrivateRedis();
        for (var i = 0; i < Silos; i++)
        {
            _silos.Add(StartSilo(_redis.Uri));
        }
        _connection = ClusterConnection.Connect(_redis.Address + ",abortConnect=false", _redis.Uri).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _connection.Dispose();
        foreach (var silo in _silos)
        {
            silo.Kill();
            silo.Dispose();
        }
        _redis.Dispose();
    }

    [Benchmark(Description = "cluster client, 10,000 runs")]
    public double ClusterRuns()
    {
        using var summary = new OutcomeSummary(new OutcomeSchema(_scenario));
        var spec = new ExperimentSpec(_yaml, 42, Runs, 64);
        ExperimentClient.Run(_connection.Client, $"bench-{Silos}-{Environment.ProcessId}-{_experiment++}", spec, summary).GetAwaiter().GetResult();
        return summary.Moments[OutcomeSchema.UnmetHours].Mean;
    }

    private static Process StartSilo(string cluster)
    {
        var info = new ProcessStartInfo("dotnet", [System.IO.Path.Combine(AppContext.BaseDirectory, "marketsim.dll"), "silo", "--cluster", cluster])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        var process = Process.Start(info)!;
        var joined = new TaskCompletionSource();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("joined the cluster", StringComparison.Ordinal) == true)
            {
                joined.TrySetResult();
            }
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        if (!joined.Task.Wait(TimeSpan.FromSeconds(60)))
        {
            process.Kill();
            throw new InvalidOperationException("a marketsim silo did not join the cluster within 60 s");
        }
        return process;
    }
}
