using System.Runtime.CompilerServices;

namespace MarketSim.Grains.Randomness;

/// <summary>
/// The xoshiro256** generator (Blackman and Vigna 2018) as a 32-byte struct the engine owns:
/// fast, 2^256 − 1 period, and seeded through <see cref="SplitMix64"/> so that any 64-bit seed is safe.
/// </summary>
public struct Xoshiro256StarStar
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Creates a generator whose whole state is derived from <paramref name="seed"/>.</summary>
    public Xoshiro256StarStar(ulong seed) => Reseed(seed);

    /// <summary>Replaces the state with one derived from <paramref name="seed"/>.</summary>
    public void Reseed(ulong seed)
    {
        var sm = seed;
        _s0 = SplitMix64.Next(ref sm);
        _s1 = SplitMix64.Next(ref sm);
        _s2 = SplitMix64.Next(ref sm);
        _s3 = SplitMix64.Next(ref sm);
    }

    /// <summary>The next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
