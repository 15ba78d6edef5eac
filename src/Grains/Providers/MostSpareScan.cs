using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MarketSim.Grains.Providers;

/// <summary>
/// The provider with most spare hours among a run of consecutive entries of <see cref="OpenSpareHours"/>,
/// four at a time: a scan one entry at a time waits on each comparison before the next, and its branch on
/// which entry leads is a coin toss the processor often guesses wrong. Ties go to the first entry, as a
/// scan in order with a strict comparison gives them. Entries are never NaN.
/// </summary>
public static class MostSpareScan
{
    /// <summary>The index in <paramref name="spare"/> of its first largest entry; −1 when it is empty.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int IndexOfMost(ReadOnlySpan<double> spare)
    {
        var n = spare.Length;
        if (n == 1)
        {
            return 0;
        }
        if (!Vector256.IsHardwareAccelerated || n < Vector256<double>.Count || n > 32)
        {
            return IndexOfMostOneByOne(spare);
        }
        ref var first = ref MemoryMarshal.GetReference(spare);
        var last = (nuint)(n - Vector256<double>.Count);
        var most = Vector256.LoadUnsafe(ref first, last);
        for (nuint i = 0; i < last; i += (nuint)Vector256<double>.Count)
        {
            most = Vector256.MaxNative(most, Vector256.LoadUnsafe(ref first, i));
        }
        var half = Vector128.MaxNative(most.GetLower(), most.GetUpper());
        var value = Vector256.Create(double.MaxNative(half.GetElement(0), half.GetElement(1)));
        var at = Vector256.Equals(Vector256.LoadUnsafe(ref first, last), value).ExtractMostSignificantBits() << (int)last;
        for (nuint i = 0; i < last; i += (nuint)Vector256<double>.Count)
        {
            at |= Vector256.Equals(Vector256.LoadUnsafe(ref first, i), value).ExtractMostSignificantBits() << (int)i;
        }
        return BitOperations.TrailingZeroCount(at);
    }

    /// <summary>The largest entry of <paramref name="spare"/>; −∞ when it is empty.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Most(ReadOnlySpan<double> spare)
    {
        var n = spare.Length;
        if (!Vector256.IsHardwareAccelerated || n < Vector256<double>.Count)
        {
            var most = double.NegativeInfinity;
            foreach (var s in spare)
            {
                most = double.MaxNative(most, s);
            }
            return most;
        }
        ref var first = ref MemoryMarshal.GetReference(spare);
        var last = (nuint)(n - Vector256<double>.Count);
        var block = Vector256.LoadUnsafe(ref first, last);
        for (nuint i = 0; i < last; i += (nuint)Vector256<double>.Count)
        {
            block = Vector256.MaxNative(block, Vector256.LoadUnsafe(ref first, i));
        }
        var half = Vector128.MaxNative(block.GetLower(), block.GetUpper());
        return double.MaxNative(half.GetElement(0), half.GetElement(1));
    }

    /// <summary>The first of <paramref name="indexes"/> when they are consecutive and there is at least one; −1 otherwise.</summary>
    public static int FirstOfRun(int[] indexes) =>
        indexes.Length > 0 && indexes.Select((p, i) => p - i).All(d => d == indexes[0]) ? indexes[0] : -1;

    private static int IndexOfMostOneByOne(ReadOnlySpan<double> spare)
    {
        var best = -1;
        var bestSpare = double.NegativeInfinity;
        for (var i = 0; i < spare.Length; i++)
        {
            var more = -(spare[i] > bestSpare ? 1 : 0);
            best ^= (best ^ i) & more;
            bestSpare = double.MaxNative(bestSpare, spare[i]);
        }
        return spare.Length > 0 && best < 0 ? 0 : best;
    }
}
