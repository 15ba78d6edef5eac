using MarketSim.Grains.Outcomes;

namespace MarketSim.Grains.Experiments;

/// <summary>
/// One experiment (key: its id): splits the runs into batches, sends them to the run workers of every
/// silo, retries a batch whose silo died, and hands the results to the client in run order. Its state
/// is persisted, so a new activation carries on after the silo hosting it is lost. Calls interleave:
/// progress queries never wait behind the batches.
/// </summary>
public interface IExperimentGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts the experiment, or carries on with it when it already runs with the same plan (so a client
    /// may repeat the call after a failure). Throws when the id is taken by another plan or the scenario
    /// does not load.
    /// </summary>
    Task Start(ExperimentSpec spec);

    /// <summary>
    /// Confirms the client holds every run before <paramref name="nextRun"/> and returns the batch that
    /// starts there, waiting up to <paramref name="wait"/> for it; a batch with no runs when it is not ready yet.
    /// Times out after 5 s, so keep <paramref name="wait"/> well below that: when the silo hosting the grain dies
    /// during the call, the caller hears nothing (Orleans fails such a call only at its response timeout, 15 s for
    /// a client), and the sooner it asks again, the sooner the grain is activated on a live silo.
    /// </summary>
    [ResponseTimeout("00:00:05")]
    Task<RunBatch> Take(long nextRun, TimeSpan wait);

    /// <summary>
    /// Ends the experiment with its first <paramref name="runsKept"/> runs (fewer than planned when a stop
    /// rule or a signal ended it): stops computing, and returns once the entity grains hold exactly those runs.
    /// </summary>
    Task Finish(long runsKept);

    /// <summary>
    /// Ends the experiment with its first <paramref name="runsKept"/> runs because its client was stopped (a signal)
    /// before it had every run it asked for: as <see cref="Finish"/>, but its phase reads interrupted, not finished.
    /// </summary>
    Task Interrupt(long runsKept);

    /// <summary>Abandons the experiment: no more batches are computed and nothing more is delivered.</summary>
    Task Cancel();

    /// <summary>
    /// Says the client wrote no results after all (a second signal came after the runs it kept, or while it wrote them):
    /// the experiment reads cancelled, even when it had finished or been interrupted with runs kept.
    /// </summary>
    Task Discard();

    /// <summary>
    /// Removes the experiment from grain storage (its plan, its marks and every entity grain's outcomes) and deactivates,
    /// so that Redis does not keep it for ever. Refuses, with an <see cref="InvalidOperationException"/>, while it runs:
    /// <see cref="Cancel"/> it first. The results folder its client wrote is not touched.
    /// </summary>
    Task Forget();

    /// <summary>Where the experiment stands. Times out after 5 s, like <see cref="Take"/>, so a status query is not held up by a dead silo.</summary>
    [ResponseTimeout("00:00:05")]
    Task<ExperimentProgress> Progress();

    /// <summary>Every entity's outcomes over the runs its grain holds, in the schema's entity order; empty when the plan keeps no entities.</summary>
    Task<IReadOnlyList<EntitySummary>> EntitySummaries();
}
