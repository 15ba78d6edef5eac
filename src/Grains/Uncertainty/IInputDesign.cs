namespace MarketSim.Grains.Uncertainty;

/// <summary>
/// Where the uniforms u in (0, 1) of the uncertain inputs come from. The default,
/// <see cref="IndependentDesign"/>, draws each input's u from its own stream; a Sobol/Saltelli design
/// can supply its own points instead. Values are then F⁻¹(u) for each input.
/// </summary>
public interface IInputDesign
{
    /// <summary>
    /// Fills <paramref name="uniforms"/> for runs <paramref name="firstRun"/> .. + <paramref name="runs"/> − 1,
    /// row-major: <c>uniforms[r × k + j]</c> is input j's u in run firstRun + r, with k = <paramref name="inputs"/>.Count
    /// (inputs sorted by path). Must depend only on its arguments (any thread, any batch size).
    /// </summary>
    void Uniforms(ulong experimentSeed, long firstRun, int runs, IReadOnlyList<UncertainInput> inputs, Span<double> uniforms);

    /// <summary>
    /// The run index that seeds the model's own randomness (referrals, lengths, hazards) in run
    /// <paramref name="runIndex"/>: the run itself unless a design pairs runs to share it.
    /// </summary>
    long IntrinsicRun(long runIndex) => runIndex;
}
