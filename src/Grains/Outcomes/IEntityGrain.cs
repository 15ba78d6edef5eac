namespace MarketSim.Grains.Outcomes;

/// <summary>
/// An entity grain (key: "experiment/entity"): holds one provider's, zone's, service-user group's,
/// commissioner's or pooled budget's outcomes across an experiment's runs, receiving them in run order
/// from the experiment grain and answering queries while the experiment runs.
/// </summary>
public interface IEntityGrain : IGrainWithStringKey
{
    /// <summary>Adds runs in run order (runs already held are ignored) and returns the next run it expects.</summary>
    Task<long> Accept(EntityRuns runs);

    /// <summary>The entity's outcomes over the runs received so far; null before the first.</summary>
    Task<EntitySummary?> Summary();

    /// <summary>Removes the entity's outcomes from grain storage and deactivates: its experiment is being forgotten.</summary>
    Task Forget();
}

/// <summary>One entity's block of runs <see cref="FirstRun"/> .. FirstRun + Count − 1, back to back.</summary>
/// <param name="Block">The entity and its place in a row.</param>
/// <param name="Metrics">Its metrics, in block order.</param>
/// <param name="FirstRun">The first run.</param>
/// <param name="Count">How many runs.</param>
/// <param name="Values">Count × Block.Width numbers at its start (it may be longer: the sender reuses it from step to step, once the call is over).</param>
[GenerateSerializer, Immutable]
public sealed record EntityRuns(
    [property: Id(0)] EntityBlock Block,
    [property: Id(1)] EntityMetric[] Metrics,
    [property: Id(2)] long FirstRun,
    [property: Id(3)] int Count,
    [property: Id(4)] double[] Values);
