namespace MarketSim.Grains.Runs;

/// <summary>A silo's worker settings.</summary>
public sealed class RunWorkerOptions
{
    /// <summary>Worker threads; 0 means one per core.</summary>
    public int Threads { get; set; }

    /// <summary>The thread count actually used.</summary>
    public int EffectiveThreads => Threads > 0 ? Threads : Environment.ProcessorCount;
}
