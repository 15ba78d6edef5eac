using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MarketSim.Grains.Providers;

/// <summary>
/// The provider with most spare hours among a run of consecutive entries of <see cref="OpenSpareHours"/>,
/// read as blocks of two: a scan one entry at a time waits on each comparison before the next, and its
/// branch on which entry leads is a coin toss the processor often guesses wrong. Ties go to the first entry,
/// as a scan in order with a strict comparison gives them. Entries are never NaN. The blocks are 128-bit
/// vectors, which ReadyToRun compiles ahead of time for any x64 or Arm64 processor (wider ones it leaves to
/// the JIT at start-up, and they were no faster here).
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
        if (!Vector128.IsHardwareAccelerated || n < Vector128<double>.Count || n > 32)
        {
            return IndexOfMostOneByOne(spare);
        }
        ref var first = ref MemoryMarshal.GetReference(spare);
        var last = (nuint)(n - Vector128<double>.Count);
        var most = Vector128.LoadUnsafe(ref first, last);
        for (nuint i = 0; i < last; i += (nuint)Vector128<double>.Count)
        {
            most = Vector128.MaxNative(most, Vector128.LoadUnsafe(ref first, i));
        }
        var value = Vector128.Create(double.MaxNative(most.GetElement(0), most.GetElement(1)));
        var at = Vector128.Equals(Vector128.LoadUnsafe(ref first, last), value).ExtractMostSignificantBits() << (int)last;
        for (nuint i = 0; i < last; i += (nuint)Vector128<double>.Count)
        {
            at |= Vector128.Equals(Vector128.LoadUnsafe(ref first, i), value).ExtractMostSignificantBits() << (int)i;
        }
        return BitOperations.TrailingZeroCount(at);
    }

    /// <summary>The largest entry of <paramref name="spare"/>; −∞ when it is empty.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Most(ReadOnlySpan<double> spare)
    {
        var n = spare.Length;
        if (!Vector128.IsHardwareAccelerated || n < Vector128<double>.Count)
        {
            var most = double.NegativeInfinity;
            foreach (var s in spare)
            {
                most = double.MaxNative(most, s);
            }
            return most;
        }
        ref var first = ref MemoryMarshal.GetReference(spare);
        var last = (nuint)(n - Vector128<double>.Count);
        var block = Vector128.LoadUnsafe(ref first, last);
        for (nuint i = 0; i < last; i += (nuint)Vector128<double>.Count)
        {
            block = Vector128.MaxNative(block, Vector128.LoadUnsafe(ref first, i));
        }
        return double.MaxNative(block.GetElement(0), block.GetElement(1));
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
