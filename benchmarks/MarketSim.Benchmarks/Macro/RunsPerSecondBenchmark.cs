using BenchmarkDotNet.Attributes;
using MarketSim.Grains.Market;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;
using MarketSim.Silo.Runs;
using MarketSim.Simulator.Statistics;

namespace MarketSim.Benchmarks.Macro;

/// <summary>
/// Runs per second of the bundled Doncaster scenario (5 years, weekly steps) on the embedded silo:
/// 1,000 runs an operation, streamed into the summary as `marketsim run` does, on one thread and on
/// every core. Runs/s = 1,000 / (mean time of one operation in seconds).
/// </summary>
[MemoryDiagnoser]
public class RunsPerSecondBenchmark
{
    private const int RunsPerOperation = 1000;
    private MarketScenario _scenario = null!;

    [Params(1, 0)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup() => _scenario = BenchmarkScenarios.Load("doncaster-ccash.yaml");

    [Benchmark(OperationsPerInvoke = 1, Description = "Doncaster, 1,000 runs")]
    public double Doncaster1000Runs()
    {
        var summary = new OutcomeSummary(new OutcomeSchema(_scenario));
        MonteCarloRunner.Run(() => new Market(_scenario), new RunPlan(42, RunsPerOperation, Threads), summary);
        return summary.Moments[OutcomeSchema.UnmetHours].Mean;
    }
}
