using System.Text;

namespace MarketSim.Grains.Randomness;

/// <summary>
/// Derives the seed of every random stream from (experiment seed, run index, stable stream key),
/// so that run k is the same on any thread, process or machine, and adding a provider or zone does
/// not shift the draws of the others (common random numbers across scenario variants).
/// </summary>
public static class StreamSeeds
{
    /// <summary>The seed of run <paramref name="runIndex"/> of an experiment.</summary>
    public static ulong ForRun(ulong experimentSeed, long runIndex) =>
        SplitMix64.Combine(experimentSeed, (ulong)runIndex);

    /// <summary>The seed of the stream named <paramref name="key"/> inside a run.</summary>
    public static ulong ForStream(ulong runSeed, string key) => ForStream(runSeed, StableHash(key));

    /// <summary>The seed of the stream whose key hashes to <paramref name="keyHash"/> (see <see cref="StableHash"/>).</summary>
    public static ulong ForStream(ulong runSeed, ulong keyHash) => SplitMix64.Combine(runSeed, keyHash);

    /// <summary>
    /// The seed of uncertain input <paramref name="path"/> in run <paramref name="runIndex"/>: keyed by the
    /// input's scenario path (prefixed <c>input:</c>, apart from the model's stream keys), so scenarios that
    /// share an uncertain input draw the same values for it run by run (common random numbers).
    /// </summary>
    public static ulong ForInput(ulong experimentSeed, long runIndex, string path) =>
        ForStream(ForRun(experimentSeed, runIndex), "input:" + path);

    /// <summary>
    /// 64-bit FNV-1a of the UTF-8 bytes of <paramref name="key"/>: the same in every process,
    /// unlike <see cref="string.GetHashCode()"/>.
    /// </summary>
    public static ulong StableHash(string key)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            hash ^= b;
            hash *= 0x100000001B3UL;
        }
        return hash;
    }
}
