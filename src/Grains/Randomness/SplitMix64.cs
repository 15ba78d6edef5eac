namespace MarketSim.Grains.Randomness;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014): spreads a 64-bit seed into well-mixed words,
/// used to seed <see cref="Xoshiro256StarStar"/> and to derive independent stream seeds.
/// </summary>
public static class SplitMix64
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>Advances <paramref name="state"/> and returns the next mixed word.</summary>
    public static ulong Next(ref ulong state)
    {
        state += Golden;
        return Mix(state);
    }

    /// <summary>The SplitMix64 finaliser: a bijective avalanche of one word.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Combines two words into one seed, order-sensitive.</summary>
    public static ulong Combine(ulong a, ulong b) => Mix(Mix(a + Golden) ^ (b + (Golden << 1)));
}
