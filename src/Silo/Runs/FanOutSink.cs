namespace MarketSim.Silo.Runs;

/// <summary>Hands each batch of runs to several sinks in turn, so one experiment feeds every writer and summary.</summary>
public sealed class FanOutSink(params IOutcomeSink[] sinks) : IOutcomeSink
{
    /// <inheritdoc />
    public void Accept(long firstRun, int count, ReadOnlySpan<double> outcomes)
    {
        foreach (var sink in sinks)
        {
            sink.Accept(firstRun, count, outcomes);
        }
    }
}
