namespace MarketSim.Silo.Runs;

/// <summary>
/// Receives run outcomes in run-index order, one batch at a time, whatever order the workers
/// finished in; this is what makes every aggregate independent of thread count and batch size.
/// </summary>
public interface IOutcomeSink
{
    /// <summary>
    /// Takes runs <paramref name="firstRun"/> .. firstRun + count − 1; <paramref name="outcomes"/>
    /// holds their rows one after another, each <c>outcomes.Length / count</c> numbers long.
    /// </summary>
    void Accept(long firstRun, int count, ReadOnlySpan<double> outcomes);
}
