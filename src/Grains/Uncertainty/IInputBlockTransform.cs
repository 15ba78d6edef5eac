namespace MarketSim.Grains.Uncertainty;

/// <summary>
/// A step applied to the sampled values of a whole block of <see cref="InputSampler.BlockRuns"/> runs
/// before any run uses them: the seam for rank correlation (Iman–Conover reorders each input's column
/// within the block, leaving its values, and so its distribution, as sampled). Blocks are fixed by run
/// index (run r is in block r / BlockRuns), so results depend on neither run count nor batching.
/// </summary>
public interface IInputBlockTransform
{
    /// <summary>
    /// Rearranges <paramref name="values"/> in place: row-major, <c>values[r × k + j]</c> is input j's value
    /// (F⁻¹(u), before rounding) in run <paramref name="block"/> × BlockRuns + r, with k = <paramref name="inputs"/>.Count.
    /// Must depend only on its arguments.
    /// </summary>
    void Apply(ulong experimentSeed, long block, IReadOnlyList<UncertainInput> inputs, Span<double> values);
}
