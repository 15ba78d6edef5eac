using BenchmarkDotNet.Attributes;
using MarketSim.Grains.Market;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;
using MarketSim.Silo.Runs;
using MarketSim.Simulator.Scenarios;
using MarketSim.Simulator.Statistics;

namespace MarketSim.Benchmarks.Macro;

/// <summary>
/// Issue 14's second workload: Doncaster without its dynamics (no workforce, costs, failure or economy;
/// growth and winter kept; benchmarks/scenarios/doncaster-dynamics-free.yaml), 1,000 runs an operation on
/// one thread, streamed into the summary: the market a vectorised numpy model reproduces.
/// Goal: at least 2,700 runs/s, so at most 370 ms an operation.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class DynamicsFreeBenchmark
{
    private const int Runs = 1000;
    private MarketScenario _scenario = null!;

    [GlobalSetup]
    public void Setup() => _scenario = ScenarioLoader.Load(BenchmarkScenarios.BenchmarkPath("doncaster-dynamics-free.yaml"));

    [Benchmark(Description = "Doncaster without dynamics, 1,000 runs, 1 thread")]
    public double ThousandRuns()
    {
        using var summary = new OutcomeSummary(new OutcomeSchema(_scenario));
        MonteCarloRunner.Run(() => new Market(_scenario), new RunPlan(42, Runs, 1), summary);
        return summary.Moments[OutcomeSchema.UnmetHours].Mean;
    }
}
