using MarketSim.Grains.Randomness;

namespace MarketSim.Grains.Uncertainty;

/// <summary>
/// Independent inputs: input j's u in run r is the first draw of the stream
/// <see cref="StreamSeeds.ForInput"/>(seed, r, path), mapped into the open interval (0, 1).
/// </summary>
public sealed class IndependentDesign : IInputDesign
{
    /// <summary>The one instance; it holds no state.</summary>
    public static IndependentDesign Instance { get; } = new();

    /// <inheritdoc />
    public void Uniforms(ulong experimentSeed, long firstRun, int runs, IReadOnlyList<UncertainInput> inputs, Span<double> uniforms)
    {
        var k = inputs.Count;
        for (var r = 0; r < runs; r++)
        {
            for (var j = 0; j < k; j++)
            {
                uniforms[(r * k) + j] = Uniform(experimentSeed, firstRun + r, inputs[j].Path);
            }
        }
    }

    /// <summary>Input <paramref name="path"/>'s u in run <paramref name="runIndex"/>: (b + ½) / 2⁵³ for 53 random bits b, never 0 or 1.</summary>
    public static double Uniform(ulong experimentSeed, long runIndex, string path)
    {
        var stream = new Xoshiro256StarStar(StreamSeeds.ForInput(experimentSeed, runIndex, path));
        return ((stream.NextUInt64() >> 11) + 0.5) * (1.0 / (1UL << 53));
    }
}
