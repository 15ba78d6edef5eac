using BenchmarkDotNet.Attributes;
using MarketSim.Silo.Hosting;
using MarketSim.Simulator.Scenarios;

namespace MarketSim.Benchmarks.Orleans;

/// <summary>The fixed cost of the embedded silo in every `marketsim run`: starting it and stopping it.</summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 10)]
public class EmbeddedSiloStartupBenchmark
{
    [Benchmark(Description = "start and stop an embedded silo")]
    public void StartAndStop()
    {
        using var silo = EmbeddedSilo.Start(ScenarioCompiler.Instance, threads: 0).GetAwaiter().GetResult();
    }
}
