using MarketSim.Grains.Randomness;

namespace MarketSim.Grains.Uncertainty.Sensitivity;

/// <summary>
/// The Saltelli sampling design for Sobol indices: (k + 2)·N rows of k uniforms on (0, 1), one row per
/// model run, in blocks of N: rows [0, N) are matrix A, rows [N, 2N) matrix B, and rows
/// [(2 + i)·N, (3 + i)·N) matrix A_B^(i), which is A with column i taken from B. Map each uniform
/// through its input's inverse CDF to get the run's inputs.
/// </summary>
/// <remarks>
/// A and B are plain pseudo-random (Xoshiro256** from the seed; row j of A and of B are drawn
/// together, A's k values first), not a scrambled low-discrepancy sequence: convergence is
/// O(N^-1/2) rather than nearly O(N^-1), which the bootstrap intervals report honestly.
/// Uniforms are (m + 0.5)/2⁵³ for a 53-bit integer m, so never 0 or 1.
/// </remarks>
public sealed class SaltelliDesign
{
    private readonly double[] _uniforms;

    private SaltelliDesign(string[] inputNames, int baseSize, double[] uniforms)
    {
        InputNames = inputNames;
        BaseSize = baseSize;
        _uniforms = uniforms;
    }

    /// <summary>The inputs, in column order.</summary>
    public IReadOnlyList<string> InputNames { get; }

    /// <summary>The number of inputs k.</summary>
    public int InputCount => InputNames.Count;

    /// <summary>The base sample size N.</summary>
    public int BaseSize { get; }

    /// <summary>The number of model runs the design needs, (k + 2)·N.</summary>
    public int RowCount => (InputCount + 2) * BaseSize;

    /// <summary>The uniform of <paramref name="input"/> in run <paramref name="row"/>.</summary>
    public double this[int row, int input] => _uniforms[(row * InputCount) + input];

    /// <summary>Draws the design for the named inputs with base size <paramref name="baseSize"/> from <paramref name="seed"/>.</summary>
    public static SaltelliDesign Create(IReadOnlyList<string> inputNames, int baseSize, ulong seed)
    {
        if (inputNames.Count == 0)
        {
            throw new ArgumentException("a Sobol design needs at least one uncertain input", nameof(inputNames));
        }
        if (baseSize < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(baseSize), $"the base size N is {baseSize}; it must be at least 2");
        }
        var k = inputNames.Count;
        var uniforms = new double[(k + 2) * baseSize * k];
        var random = new Xoshiro256StarStar(seed);
        for (var j = 0; j < baseSize; j++)
        {
            for (var i = 0; i < k; i++)
            {
                uniforms[(j * k) + i] = OpenUniform(ref random);
            }
            for (var i = 0; i < k; i++)
            {
                uniforms[((baseSize + j) * k) + i] = OpenUniform(ref random);
            }
        }
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < baseSize; j++)
            {
                var row = ((2 + i) * baseSize) + j;
                Array.Copy(uniforms, j * k, uniforms, row * k, k);
                uniforms[(row * k) + i] = uniforms[((baseSize + j) * k) + i];
            }
        }
        return new SaltelliDesign([.. inputNames], baseSize, uniforms);
    }

    /// <summary>The k uniforms of run <paramref name="row"/>.</summary>
    public ReadOnlySpan<double> Row(int row) => _uniforms.AsSpan(row * InputCount, InputCount);

    /// <summary>The row of A's base sample <paramref name="j"/>.</summary>
    public int RowOfA(int j) => j;

    /// <summary>The row of B's base sample <paramref name="j"/>.</summary>
    public int RowOfB(int j) => BaseSize + j;

    /// <summary>The row of A_B^(<paramref name="input"/>)'s base sample <paramref name="j"/>.</summary>
    public int RowOfAB(int input, int j) => ((2 + input) * BaseSize) + j;

    private static double OpenUniform(ref Xoshiro256StarStar random) => ((random.NextUInt64() >> 11) + 0.5) * (1.0 / (1UL << 53));
}
