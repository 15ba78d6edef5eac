namespace MarketSim.Grains.Experiments;

/// <summary>
/// The outcome rows of runs <see cref="FirstRun"/> .. FirstRun + Count − 1, one after another.
/// Immutable, so Orleans passes it between grains in one silo without copying it.
/// </summary>
/// <param name="FirstRun">Index of the first run.</param>
/// <param name="Count">How many runs; 0 when nothing was ready.</param>
/// <param name="Values">The rows, each <c>Values.Length / Count</c> numbers long.</param>
[GenerateSerializer, Immutable]
public sealed record RunBatch(
    [property: Id(0)] long FirstRun,
    [property: Id(1)] int Count,
    [property: Id(2)] double[] Values)
{
    /// <summary>A batch with no runs, returned when none was ready in time.</summary>
    public static RunBatch None(long firstRun) => new(firstRun, 0, []);
}
