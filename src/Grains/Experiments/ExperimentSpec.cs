using MarketSim.Grains.Uncertainty.Sensitivity;

namespace MarketSim.Grains.Experiments;

/// <summary>
/// What an experiment grain runs: the scenario's full text (so any silo can rebuild the market),
/// the seed and run count that fix every result, and the batch size, which affects speed only.
/// </summary>
/// <param name="ScenarioYaml">The effective scenario (bases merged), exactly as it is saved beside the results.</param>
/// <param name="Seed">The experiment seed.</param>
/// <param name="Runs">The most runs to compute, indexed 0 .. Runs − 1.</param>
/// <param name="BatchSize">Runs per batch sent to a run worker.</param>
/// <param name="Entities">Whether the entity grains receive the runs (per-provider, zone and commissioner outcomes).</param>
/// <param name="Design">A Sobol design that supplies the uncertain inputs' uniforms run by run; null: independent draws.</param>
[GenerateSerializer, Immutable]
public sealed record ExperimentSpec(
    [property: Id(0)] string ScenarioYaml,
    [property: Id(1)] ulong Seed,
    [property: Id(2)] long Runs,
    [property: Id(3)] int BatchSize,
    [property: Id(4)] bool Entities = true,
    [property: Id(5)] SobolDesignSpec? Design = null)
{
    /// <summary>How many batches the runs make.</summary>
    public long BatchCount => (Runs + BatchSize - 1) / BatchSize;

    /// <summary>The first run of batch <paramref name="batch"/>.</summary>
    public long FirstRun(long batch) => batch * BatchSize;

    /// <summary>How many runs batch <paramref name="batch"/> holds (the last may be short).</summary>
    public int BatchLength(long batch) => (int)Math.Min(BatchSize, Runs - FirstRun(batch));
}
