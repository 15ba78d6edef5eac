using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using MarketSim.Simulator.Experiments;
using MarketSim.Tests.Support;

namespace MarketSim.Benchmarks.Cluster;

/// <summary>
/// Runs per second of 10,000 runs of the Doncaster scenario, end to end (results folder written):
/// embedded (Silos = 0, every core), one silo process using both cores, and two silo processes of
/// one thread each, coordinated through a private PostgreSQL on loopback. The ratio of a cluster
/// row to the embedded row is the coordination overhead. The silo processes and the database are
/// started once, in global setup, and outlive the iterations.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
public class ClusterBenchmark
{
    private const int Runs = 10_000;
    private PrivatePostgres? _postgres;
    private readonly List<SiloProcess> _silos = [];
    private string _scenario = "";
    private int _iteration;

    [Params(0, 1, 2)]
    public int Silos { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _scenario = BenchmarkScenarios.Path("doncaster-ccash.yaml");
        if (Silos == 0)
        {
            return;
        }
        _postgres = new PrivatePostgres();
        for (var i = 0; i < Silos; i++)
        {
            _silos.Add(new SiloProcess(_postgres.ConnectionString, $"bench-{i}", threads: Silos == 1 ? 2 : 1, leaseSeconds: 30, heartbeatSeconds: 2));
        }
    }

    [Benchmark(Description = "Doncaster, 10,000 runs")]
    public long TenThousandRuns()
    {
        var dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"marketsim-bench-{Silos}-{_iteration++}");
        var options = new ExperimentOptions(_scenario, Runs, 42, dir, Threads: 0, BatchSize: 64, Overwrite: true, Cluster: _postgres?.ConnectionString);
        var result = Experiment.Run(options);
        Directory.Delete(dir, recursive: true);
        return result.Summary.Runs;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _silos.ForEach(s => s.Dispose());
        _silos.Clear();
        _postgres?.Dispose();
    }
}
