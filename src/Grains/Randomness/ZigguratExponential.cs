using System.Runtime.CompilerServices;

namespace MarketSim.Grains.Randomness;

/// <summary>
/// Standard exponential draws (mean 1) by the ziggurat method of Marsaglia and Tsang (2000) with 256
/// layers: about 99% of draws cost one 64-bit word, one multiply and one compare, and no logarithm.
/// The layer comes from the low 8 bits of the word and the uniform from its top 53 bits (disjoint, as
/// Doornik 2005 advises); the tail beyond r ≈ 7.697 is r plus a fresh draw, exactly, since the
/// exponential is memoryless.
/// </summary>
public static class ZigguratExponential
{
    private static readonly ZigguratTable Layers = new(
        x => Math.Exp(-x),
        f => -Math.Log(f),
        r => Math.Exp(-r),
        6,
        9);

    private static readonly double[] X = Layers.X;
    private static readonly double[] F = Layers.F;
    private static readonly double R = Layers.R;

    /// <summary>The layers, for the tests.</summary>
    internal static ZigguratTable Table => Layers;

    /// <summary>Where the tail begins (about 7.697), solved at start-up.</summary>
    public static double TailStart => R;

    /// <summary>One Exp(1) draw from <paramref name="state"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sample(ref Xoshiro256StarStar state)
    {
        var bits = state.NextUInt64();
        var i = (int)(bits & 0xFF);
        var x = (bits >> 11) * (1.0 / (1UL << 53)) * ZigguratTable.Layer(X, i);
        return x < ZigguratTable.Layer(X, i + 1) ? x : SampleSlow(ref state, i, x);
    }

    /// <summary>The base strip's tail or a layer's wedge; on rejection, a fresh draw.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double SampleSlow(ref Xoshiro256StarStar state, int i, double x)
    {
        var offset = 0.0;
        while (true)
        {
            if (i == 0)
            {
                offset += R;
            }
            else
            {
                var bottom = ZigguratTable.Layer(F, i);
                if (bottom + (state.NextDouble() * (ZigguratTable.Layer(F, i + 1) - bottom)) < Math.Exp(-x))
                {
                    return offset + x;
                }
            }
            var bits = state.NextUInt64();
            i = (int)(bits & 0xFF);
            x = (bits >> 11) * (1.0 / (1UL << 53)) * ZigguratTable.Layer(X, i);
            if (x < ZigguratTable.Layer(X, i + 1))
            {
                return offset + x;
            }
        }
    }
}
