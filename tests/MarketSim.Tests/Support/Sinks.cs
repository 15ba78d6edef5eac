using MarketSim.Silo.Runs;

namespace MarketSim.Tests.Support;

/// <summary>Hands each batch to several sinks.</summary>
public sealed class Sinks(params IOutcomeSink[] sinks) : IOutcomeSink
{
    public void Accept(long firstRun, int count, ReadOnlySpan<double> outcomes)
    {
        foreach (var sink in sinks)
        {
            sink.Accept(firstRun, count, outcomes);
        }
    }
}
