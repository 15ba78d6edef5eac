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
public sealed record RunPlan(ulong Seed, long Runs, int Threads = 0, int BatchSize = RunPlan.LargestDefaultBatchSize, long FirstRun = 0)
{
    /// <summary>The largest batch size <see cref="DefaultBatchSize"/> chooses, and a plan's batch size when it is given none.</summary>
    public const int LargestDefaultBatchSize = 64;

    /// <summary>The smallest batch size <see cref="DefaultBatchSize"/> chooses: below it the batches' own cost shows.</summary>
    public const int SmallestDefaultBatchSize = 16;

    /// <summary>The thread count actually used.</summary>
    public int EffectiveThreads => ThreadsUsed(Threads);

    /// <summary>How many batches the runs make.</summary>
    public long BatchCount => (Runs + BatchSize - 1) / BatchSize;

    /// <summary>
    /// The batch size for <paramref name="runs"/> runs on <paramref name="threads"/> threads (0: one per core) when
    /// none is asked for: runs ÷ (32 × threads), between 16 and 64. Each thread then takes about 32 batches, so the
    /// threads finish within a small batch of each other; a short experiment no longer waits on one thread's last
    /// 64 runs while the other cores idle. Batch size affects speed only, never results.
    /// </summary>
    public static int DefaultBatchSize(long runs, int threads)
    {
        var perThread = 32L * ThreadsUsed(threads);
        return (int)Math.Clamp(runs / perThread, SmallestDefaultBatchSize, LargestDefaultBatchSize);
    }

    /// <summary>
    /// The plan of <paramref name="runs"/> runs from <paramref name="seed"/> on <paramref name="threads"/> threads in batches of
    /// <see cref="DefaultBatchSize"/>: what run, compare and sensitivity use when no batch size is asked for, so that 200
    /// runs on two threads are not 64 + 64 + 64 + 8 with a core idle for the last batches.
    /// </summary>
    public static RunPlan WithDefaultBatches(ulong seed, long runs, int threads) => new(seed, runs, threads, DefaultBatchSize(runs, threads));

    /// <summary>The threads <paramref name="threads"/> asks for: itself, or one per core for 0.</summary>
    private static int ThreadsUsed(int threads) => threads > 0 ? threads : Environment.ProcessorCount;
}
