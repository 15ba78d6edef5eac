using MarketSim.Grains.Experiments;

namespace MarketSim.Grains.Runs;

/// <summary>
/// A silo's run worker, keyed by the silo's address: computes batches of runs with the deterministic
/// market model, each run on one thread, as many batches at once as the silo has worker threads.
/// </summary>
public interface IRunWorkerGrain : IGrainWithStringKey
{
    /// <summary>How many batches this silo computes at once (its worker threads).</summary>
    Task<int> Capacity();

    /// <summary>Computes runs <paramref name="firstRun"/> .. firstRun + count − 1 of <paramref name="spec"/>.</summary>
    Task<RunBatch> Compute(ExperimentSpec spec, long firstRun, int count);
}
