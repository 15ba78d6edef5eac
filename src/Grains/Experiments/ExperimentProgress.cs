namespace MarketSim.Grains.Experiments;

/// <summary>Where an experiment stands, for `marketsim cluster status` and progress displays.</summary>
/// <param name="Id">The experiment id.</param>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Runs">The most runs it will compute.</param>
/// <param name="RunsDelivered">Runs handed to the client, in run order.</param>
/// <param name="BatchesInFlight">Batches being computed by run workers now.</param>
/// <param name="BatchesRetried">Batches sent again because the silo computing them died.</param>
/// <param name="Silos">Silos taking its batches.</param>
/// <param name="Phase">starting, running, finishing, finished, interrupted (its client was stopped by a signal and kept the runs delivered), cancelled or failed.</param>
/// <param name="StartedUtc">When it was first started.</param>
/// <param name="Host">The silo hosting the experiment grain now.</param>
/// <param name="BatchesBySilo">Batches computed by each silo, by its address.</param>
[GenerateSerializer, Immutable]
public sealed record ExperimentProgress(
    [property: Id(0)] string Id,
    [property: Id(1)] string Scenario,
    [property: Id(2)] long Runs,
    [property: Id(3)] long RunsDelivered,
    [property: Id(4)] int BatchesInFlight,
    [property: Id(5)] int BatchesRetried,
    [property: Id(6)] int Silos,
    [property: Id(7)] string Phase,
    [property: Id(8)] DateTime StartedUtc,
    [property: Id(9)] string Host,
    [property: Id(10)] IReadOnlyDictionary<string, int> BatchesBySilo);
