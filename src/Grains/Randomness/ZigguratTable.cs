using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MarketSim.Grains.Randomness;

/// <summary>
/// The 256 layers of a ziggurat under a decreasing density f on [0, ∞) (Marsaglia and Tsang 2000): equal
/// areas v, each layer i ≥ 1 a rectangle [0, X[i]] × [f(X[i]), f(X[i+1])], layer 0 the base strip
/// [0, r] × [0, f(r)] plus the tail beyond r, stored with the width v / f(r). r is solved at start-up so
/// that the top layer closes at f(0) = 1 to double precision, rather than taken from the paper's rounded figures.
/// </summary>
internal sealed class ZigguratTable
{
    /// <summary>Layers; the low byte of a 64-bit word picks one.</summary>
    public const int Layers = 256;

    /// <summary>Element <paramref name="i"/> (0 to 256) of a 257-element table, without a bounds check.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Layer(double[] table, int i) => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(table), i);

    /// <summary>
    /// Builds the table of the unnormalised density <paramref name="density"/> (f(0) = 1), its inverse
    /// <paramref name="inverse"/>, and <paramref name="tailArea"/>(r) = ∫ f over [r, ∞); r is searched in [<paramref name="low"/>, <paramref name="high"/>].
    /// </summary>
    public ZigguratTable(Func<double, double> density, Func<double, double> inverse, Func<double, double> tailArea, double low, double high)
    {
        for (var i = 0; i < 200 && high - low > 0; i++)
        {
            var mid = 0.5 * (low + high);
            if (mid <= low || mid >= high)
            {
                break;
            }
            if (TopLayerOvershoots(mid, density, inverse, tailArea))
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }
        R = high;
        LayerArea = (R * density(R)) + tailArea(R);
        X = new double[Layers + 1];
        F = new double[Layers + 1];
        X[0] = LayerArea / density(R);
        X[1] = R;
        F[1] = density(R);
        for (var i = 1; i < Layers - 1; i++)
        {
            F[i + 1] = F[i] + (LayerArea / X[i]);
            X[i + 1] = inverse(F[i + 1]);
        }
        X[Layers] = 0;
        F[Layers] = 1;
    }

    /// <summary>Where the tail begins.</summary>
    public double R { get; }

    /// <summary>v: the area of every layer.</summary>
    public double LayerArea { get; }

    /// <summary>X[i]: the width of layer i (X[0] the base strip's pseudo-width, X[256] = 0).</summary>
    public double[] X { get; }

    /// <summary>F[i] = f(X[i]) for i ≥ 1: the bottom of layer i and the top of layer i − 1.</summary>
    public double[] F { get; }

    /// <summary>Whether the layers stacked from <paramref name="r"/> pass f(0) = 1 before the top layer (r too small, so v too large).</summary>
    private static bool TopLayerOvershoots(double r, Func<double, double> density, Func<double, double> inverse, Func<double, double> tailArea)
    {
        var v = (r * density(r)) + tailArea(r);
        var x = r;
        var f = density(r);
        for (var i = 1; i < Layers - 1; i++)
        {
            f += v / x;
            if (f >= 1)
            {
                return true;
            }
            x = inverse(f);
        }
        return f + (v / x) > 1;
    }
}
