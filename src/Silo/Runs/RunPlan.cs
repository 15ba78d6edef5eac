namespace MarketSim.Silo.Runs;

/// <summary>
/// How to run an experiment: which runs, from which seed, on how many threads, in batches of what size.
/// Only <see cref="Seed"/> and the run indices affect results; threads and batch size only affect speed.
/// </summary>
/// <param name="Seed">The experiment seed.</param>
/// <param name="Runs">How many runs, indexed 0 .. Runs − 1 (plus <paramref name="FirstRun"/>).</param>
/// <param name="Threads">Worker threads; 0 means one per core.</param>
/// <param name="BatchSize">Runs per batch handed to a worker.</param>
/// <param name="FirstRun">Index of the first run, for continuing an experiment.</param>
public sealed record RunPlan(ulong Seed, long Runs, int Threads = 0, int BatchSize = 64, long FirstRun = 0)
{
    /// <summary>The thread count actually used.</summary>
    public int EffectiveThreads => Threads > 0 ? Threads : Environment.ProcessorCount;

    /// <summary>How many batches the runs make.</summary>
    public long BatchCount => (Runs + BatchSize - 1) / BatchSize;
}
