using BenchmarkDotNet.Attributes;
using MarketSim.Grains.Outcomes;
using MarketSim.Simulator.Experiments;

namespace MarketSim.Benchmarks.Macro;

/// <summary>
/// Issue 14's first workload: the full Doncaster scenario (calibrated dynamics), 10,000 runs end to end
/// on 2 threads as `marketsim run --threads 2` does them: scenario loaded, an embedded Orleans silo
/// started, runs.csv, the summaries, entity files, charts and report written to a results folder.
/// Goal: at most 5 s an operation (2,000 runs/s).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class DoncasterEndToEndBenchmark
{
    private const int Runs = 10_000;
    private string _outDir = "";

    [GlobalSetup]
    public void Setup() => _outDir = Path.Combine(Path.GetTempPath(), $"marketsim-bench-e2e-{Environment.ProcessId}");

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_outDir))
        {
            Directory.Delete(_outDir, recursive: true);
        }
    }

    [Benchmark(Description = "Doncaster, 10,000 runs end to end, 2 threads, results folder written")]
    public double TenThousandRuns()
    {
        var options = new ExperimentOptions(BenchmarkScenarios.Path("doncaster-ccash.yaml"), Runs, 42, _outDir, Threads: 2, Overwrite: true);
        using var result = Experiment.Run(options);
        return result.Summary.Moments[OutcomeSchema.UnmetHours].Mean;
    }
}
