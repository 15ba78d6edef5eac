using System.Buffers;
using MarketSim.Grains.Market;

namespace MarketSim.Grains.Experiments;

/// <summary>
/// The outcome rows of runs <see cref="FirstRun"/> .. FirstRun + Count − 1, one after another.
/// Immutable, so Orleans passes it between grains in one silo without copying it.
/// </summary>
/// <param name="FirstRun">Index of the first run.</param>
/// <param name="Count">How many runs; 0 when nothing was ready.</param>
/// <param name="Values">The rows, each <paramref name="Width"/> numbers long, in its first Count × Width numbers
/// (it may be longer: it is rented from a pool and returned when the experiment grain is done with it).</param>
/// <param name="Width">Numbers per row.</param>
[GenerateSerializer, Immutable]
public sealed record RunBatch(
    [property: Id(0)] long FirstRun,
    [property: Id(1)] int Count,
    [property: Id(2)] double[] Values,
    [property: Id(3)] int Width)
{
    /// <summary>The rows, without the pool's spare tail.</summary>
    public ReadOnlySpan<double> Rows => Values.AsSpan(0, Count * Width);

    /// <summary>
    /// Computes runs <paramref name="firstRun"/> .. + <paramref name="count"/> − 1 with <paramref name="model"/>, one
    /// after another on the calling thread, into an array rented from <see cref="ArrayPool{T}.Shared"/>; whoever
    /// ends up holding the batch returns it.
    /// </summary>
    public static RunBatch Compute(IRunModel model, ulong seed, long firstRun, int count)
    {
        var width = model.OutcomeCount;
        var values = ArrayPool<double>.Shared.Rent(count * width);
        for (var i = 0; i < count; i++)
        {
            model.Run(seed, firstRun + i, values.AsSpan(i * width, width));
        }
        return new RunBatch(firstRun, count, values, width);
    }

    /// <summary>A batch with no runs, returned when none was ready in time.</summary>
    public static RunBatch None(long firstRun) => new(firstRun, 0, [], 0);
}
