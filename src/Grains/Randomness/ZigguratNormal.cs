using System.Runtime.CompilerServices;
using MathNet.Numerics;

namespace MarketSim.Grains.Randomness;

/// <summary>
/// Standard normal draws by the ziggurat method of Marsaglia and Tsang (2000) with 256 layers: about 99%
/// of draws cost one 64-bit word, one multiply and one compare. As Doornik (2005) advises, the layer (low
/// 8 bits), the sign (bit 8) and the uniform (top 53 bits) come from disjoint bits of the word, and the
/// tail beyond r ≈ 3.654 is sampled exactly by Marsaglia's (1964) method.
/// </summary>
public static class ZigguratNormal
{
    private static readonly ZigguratTable Layers = new(
        x => Math.Exp(-0.5 * x * x),
        f => Math.Sqrt(-2 * Math.Log(f)),
        r => Math.Sqrt(Math.PI / 2) * SpecialFunctions.Erfc(r / Math.Sqrt(2)),
        3,
        4.5);

    private static readonly double[] X = Layers.X;
    private static readonly double[] F = Layers.F;
    private static readonly double R = Layers.R;

    /// <summary>The layers, for the tests.</summary>
    internal static ZigguratTable Table => Layers;

    /// <summary>Where the tail begins (about 3.654), solved at start-up.</summary>
    public static double TailStart => R;

    /// <summary>One N(0, 1) draw from <paramref name="state"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sample(ref Xoshiro256StarStar state)
    {
        var bits = state.NextUInt64();
        var i = (int)(bits & 0xFF);
        var x = (bits >> 11) * (1.0 / (1UL << 53)) * ZigguratTable.Layer(X, i);
        if (x < ZigguratTable.Layer(X, i + 1))
        {
            return WithSign(x, bits);
        }
        return SampleSlow(ref state, bits, i, x);
    }

    /// <summary>The base strip's tail or a layer's wedge; on rejection, a fresh draw.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double SampleSlow(ref Xoshiro256StarStar state, ulong bits, int i, double x)
    {
        while (true)
        {
            if (i == 0)
            {
                x = Tail(ref state);
                return WithSign(x, bits);
            }
            var bottom = ZigguratTable.Layer(F, i);
            if (bottom + (state.NextDouble() * (ZigguratTable.Layer(F, i + 1) - bottom)) < Math.Exp(-0.5 * x * x))
            {
                return WithSign(x, bits);
            }
            bits = state.NextUInt64();
            i = (int)(bits & 0xFF);
            x = (bits >> 11) * (1.0 / (1UL << 53)) * ZigguratTable.Layer(X, i);
            if (x < ZigguratTable.Layer(X, i + 1))
            {
                return WithSign(x, bits);
            }
        }
    }

    /// <summary>A draw from the normal beyond r: x = E₁/r, y = E₂ until 2y ≥ x², then r + x (Marsaglia 1964).</summary>
    private static double Tail(ref Xoshiro256StarStar state)
    {
        while (true)
        {
            var x = ZigguratExponential.Sample(ref state) / R;
            var y = ZigguratExponential.Sample(ref state);
            if (y + y >= x * x)
            {
                return R + x;
            }
        }
    }

    /// <summary>x with the sign of bit 8 of <paramref name="bits"/>, without a branch (the sign is a coin toss the processor cannot predict).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double WithSign(double x, ulong bits) =>
        BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(x) ^ (long)((bits & 0x100) << 55));
}
