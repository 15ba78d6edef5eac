using BenchmarkDotNet.Attributes;
using MarketSim.Grains.Market;
using MarketSim.Simulator.Scenarios;

namespace MarketSim.Benchmarks.Macro;

/// <summary>
/// Issue 14's large market (<see cref="LargeMarket"/>: 150 zones, 2,000 providers, 10 years) at three sizes
/// of starting caseload, one run an operation on one thread, reusing the market as a run worker does: the
/// cost per run should grow no faster than linearly in the service users, and allocate nothing once warm.
/// Every operation is the same run (index 0), so the figure moves with the code, not with the runs drawn.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class LargeMarketBenchmark
{
    private Market _market = null!;
    private double[] _outcomes = null!;
    private string _file = "";

    [Params(25_000, 50_000, 100_000)]
    public int ServiceUsers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _file = Path.Combine(Path.GetTempPath(), $"marketsim-bench-large-{ServiceUsers}-{Environment.ProcessId}.yaml");
        File.WriteAllText(_file, LargeMarket.Yaml(ServiceUsers));
        _market = new Market(ScenarioLoader.Load(_file));
        _outcomes = new double[_market.OutcomeCount];
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_file);

    [Benchmark(Description = "large market, one run (520 weeks)")]
    public double OneRun()
    {
        _market.Run(42, 0, _outcomes);
        return _outcomes[0];
    }
}
