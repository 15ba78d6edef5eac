using BenchmarkDotNet.Attributes;
using MarketSim.Grains.Market;

namespace MarketSim.Benchmarks.Micro;

/// <summary>
/// One run of a market on one thread, reusing the market as a silo worker does: the cost of a run and
/// what it allocates once warm (the goal is nothing per simulated week).
/// </summary>
[MemoryDiagnoser]
public class MarketRunBenchmark
{
    private Market _market = null!;
    private double[] _outcomes = null!;
    private long _run;

    [Params("doncaster-ccash.yaml")]
    public string Scenario { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _market = new Market(BenchmarkScenarios.Load(Scenario));
        _outcomes = new double[_market.OutcomeCount];
    }

    [Benchmark(Description = "one run (260 weeks)")]
    public double OneRun()
    {
        _market.Run(42, _run++, _outcomes);
        return _outcomes[0];
    }
}
