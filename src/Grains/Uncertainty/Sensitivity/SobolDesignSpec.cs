namespace MarketSim.Grains.Uncertainty.Sensitivity;

/// <summary>
/// A small description of a <see cref="SaltelliDesign"/> that travels with an experiment to every silo, so
/// each can rebuild the same design for the scenario's inputs (sorted by path) rather than receive its rows.
/// </summary>
/// <param name="BaseSize">The base sample size N (≥ 2); the experiment runs (k + 2)·N runs for k inputs.</param>
/// <param name="Seed">The seed the design's matrices A and B are drawn from.</param>
[GenerateSerializer, Immutable]
public sealed record SobolDesignSpec(
    [property: Id(0)] int BaseSize,
    [property: Id(1)] ulong Seed)
{
    /// <summary>The runs the design needs for <paramref name="inputs"/> uncertain inputs: (k + 2)·N.</summary>
    public long Runs(int inputs) => (inputs + 2L) * BaseSize;

    /// <summary>Draws the design for <paramref name="inputs"/>, named by path, in their column order.</summary>
    public SaltelliDesign Create(IReadOnlyList<UncertainInput> inputs) => SaltelliDesign.Create([.. inputs.Select(i => i.Path)], BaseSize, Seed);
}
