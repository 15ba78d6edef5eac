namespace MarketSim.Grains.Market;

/// <summary>
/// What the silo runs: a model that turns (experiment seed, run index) into one row of outcomes,
/// as a pure function. One instance is used by one thread at a time and reused across runs.
/// </summary>
public interface IRunModel
{
    /// <summary>How many numbers <see cref="Run"/> writes.</summary>
    int OutcomeCount { get; }

    /// <summary>Simulates run <paramref name="runIndex"/> and writes its outcomes.</summary>
    void Run(ulong experimentSeed, long runIndex, Span<double> outcomes);
}
