using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MarketSim.Grains.Market;

/// <summary>
/// Brokerage order of a week's arrivals (or of the starting caseload): earliest arrival first, ties by
/// the order they were drawn in, which is by zone index and then by the zone's own draw order. The
/// order is unique, so any exact method gives the same one; this one is a stable bucket sort, because
/// arrival times are uniform within a week: bucket i of n holds the times in the i-th n-th of the
/// range, which takes O(n) on average against a comparison sort's O(n log n) (the starting caseload
/// of a Doncaster run is 1,500 people). A week's referrals sort by one integer key each: up to 64 of them
/// (a Doncaster week has about 29) by counting each key's rank with vector compares, more by a counting
/// sort of the keys. Its buffers are kept across runs, so sorting allocates nothing once they have grown.
/// </summary>
public sealed class ArrivalSorter
{
    /// <summary>Up to this many arrivals an insertion sort is quicker than the buckets' passes.</summary>
    private const int InsertionSortMax = 16;

    /// <summary>Draw indexes take the low 11 bits of a key, under the 53 bits of the time within its week.</summary>
    private const int IndexBits = 11;
    private const int KeyedMax = 1 << IndexBits;
    private const double TwoTo53 = 9007199254740992.0;

    /// <summary>Up to this many keyed arrivals (a week's referrals, in most markets) each key's rank is counted with vector compares; the keys are then compared as signed numbers with the sign bit flipped, which keeps their order.</summary>
    private const int RankMax = 64;
    private const ulong SignBit = 1UL << 63;

    private readonly ulong[] _keys = new ulong[KeyedMax];
    private readonly int[] _keyStart = new int[KeyedMax + 1];
    private readonly ulong[] _sortedKeys = new ulong[KeyedMax];
    private readonly long[] _rankKeys = new long[RankMax];
    private int[] _order = new int[64];
    private double[] _sortedTimes = new double[64];
    private int[] _bucketStart = new int[65];
    private int[] _bucketOf = new int[64];

    /// <summary>
    /// The indexes of <paramref name="atWeeks"/> (arrival times, weeks; finite) in brokerage order: by
    /// time, and at the same time by index. The span is valid until the next call.
    /// </summary>
    public ReadOnlySpan<int> Sort(ReadOnlySpan<double> atWeeks)
    {
        var n = atWeeks.Length;
        EnsureCapacity(n);
        if (n > InsertionSortMax && n <= KeyedMax && TryKeyedSort(atWeeks))
        {
            return _order.AsSpan(0, n);
        }
        if (n <= InsertionSortMax || !TryBucketSort(atWeeks))
        {
            CopyInDrawOrder(atWeeks);
            InsertionSort(0, n);
        }
        return _order.AsSpan(0, n);
    }

    private void EnsureCapacity(int n)
    {
        if (_order.Length < n)
        {
            var capacity = Math.Max(n, 2 * _order.Length);
            _order = new int[capacity];
            _sortedTimes = new double[capacity];
            _bucketStart = new int[capacity + 1];
            _bucketOf = new int[capacity];
        }
    }

    private void CopyInDrawOrder(ReadOnlySpan<double> atWeeks)
    {
        for (var i = 0; i < atWeeks.Length; i++)
        {
            _order[i] = i;
            _sortedTimes[i] = atWeeks[i];
        }
    }

    /// <summary>
    /// Distributes the arrivals over n buckets by a counting sort (stable, so each bucket is in draw
    /// order); the bucket of a time, ⌊(t − min)·n/(max − min)⌋ clamped to n − 1, never decreases as t
    /// grows, so only times in the same bucket can be out of order and one insertion pass finishes the
    /// sort. Returns false when the times have no positive range that n buckets can split (the caller
    /// then sorts them by insertion alone, which is exact too).
    /// </summary>
    private bool TryBucketSort(ReadOnlySpan<double> atWeeks)
    {
        var n = atWeeks.Length;
        var (min, max) = Range(atWeeks);
        var scale = n / (max - min);
        if (!(max > min) || !double.IsFinite(scale))
        {
            return false;
        }
        var start = _bucketStart;
        var bucketOf = _bucketOf;
        Array.Clear(start, 0, n + 1);
        for (var i = 0; i < n; i++)
        {
            var b = Bucket(atWeeks[i], min, scale, n);
            bucketOf[i] = b;
            start[b + 1]++;
        }
        for (var b = 1; b <= n; b++)
        {
            start[b] += start[b - 1];
        }
        for (var i = 0; i < n; i++)
        {
            var at = start[bucketOf[i]]++;
            _order[at] = i;
            _sortedTimes[at] = atWeeks[i];
        }
        InsertionSort(0, n);
        return true;
    }

    /// <summary>
    /// The sort of a week's referrals, all at times in one week [w, w + 1) with w ≥ 0 whole: t − w is then
    /// exact (Sterbenz's lemma for t ≥ 1), so (t − w)·2⁵³, when a whole number, orders the times exactly;
    /// with the draw index below it, one integer key per arrival orders by (time, index). Times are uniform
    /// in the week, so the keys' top bits spread them evenly over the buckets of a counting sort, and an
    /// insertion pass finishes it. Returns false, having sorted nothing, for times in another week, a
    /// negative week or off the 2⁻⁵³ grid.
    /// </summary>
    private bool TryKeyedSort(ReadOnlySpan<double> atWeeks)
    {
        var n = atWeeks.Length;
        var week = Math.Floor(atWeeks[0]);
        if (!(week >= 0) || double.IsInfinity(week))
        {
            return false;
        }
        var keys = _keys;
        for (var i = 0; i < n; i++)
        {
            var scaled = (atWeeks[i] - week) * TwoTo53;
            var whole = (long)scaled;
            if (!(scaled >= 0 && scaled < TwoTo53) || whole != scaled)
            {
                return false;
            }
            keys[i] = ((ulong)whole << IndexBits) | (uint)i;
        }
        if (n <= RankMax && TryOrderByRank(n))
        {
            return true;
        }
        // Counted rather than BitOperations.Log2, which kept this method out of the ReadyToRun image (a cold
        // process then ran it as tier-0 code until the JIT's tier 1 came).
        var bucketBits = 0;
        while ((1 << bucketBits) < n)
        {
            bucketBits++;
        }
        var shift = 64 - bucketBits;
        var start = _keyStart;
        var buckets = 1 << bucketBits;
        Array.Clear(start, 0, buckets + 1);
        for (var i = 0; i < n; i++)
        {
            start[(int)(keys[i] >> shift) + 1]++;
        }
        for (var b = 1; b <= buckets; b++)
        {
            start[b] += start[b - 1];
        }
        var sorted = _sortedKeys;
        for (var i = 0; i < n; i++)
        {
            sorted[start[(int)(keys[i] >> shift)]++] = keys[i];
        }
        for (var i = 1; i < n; i++)
        {
            var key = sorted[i];
            var j = i - 1;
            while (j >= 0 && sorted[j] > key)
            {
                sorted[j + 1] = sorted[j];
                j--;
            }
            sorted[j + 1] = key;
        }
        for (var i = 0; i < n; i++)
        {
            _order[i] = (int)(sorted[i] & (KeyedMax - 1));
        }
        return true;
    }

    /// <summary>
    /// Orders the first <paramref name="n"/> keys (unique) by rank, with vector compares (<see cref="OrderByRank"/>).
    /// Returns false, having ordered nothing, without 256-bit vectors. Compiled at once to optimised code: its
    /// vector code is not in the ReadyToRun image (which targets processors without them) either way.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryOrderByRank(int n)
    {
        if (!Vector256.IsHardwareAccelerated)
        {
            return false;
        }
        var ranked = _rankKeys;
        for (var i = 0; i < n; i++)
        {
            ranked[i] = (long)(_keys[i] ^ SignBit);
        }
        OrderByRank(ranked, n, _order, Vector512.IsHardwareAccelerated);
        return true;
    }

    /// <summary>
    /// Puts the index of each of the first <paramref name="n"/> of <paramref name="keys"/> (unique; the array a
    /// multiple of 8 long at least) at its rank in <paramref name="order"/>: the number of keys below it, counted
    /// by comparing it with all of them a vector at a time (512 bits <paramref name="wide"/>, else 256), so no
    /// branch depends on the keys, where the counting sort's insertion pass mispredicts. The keys past the
    /// <paramref name="n"/>th are set to the largest value, below no key.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void OrderByRank(long[] keys, int n, int[] order, bool wide)
    {
        var width = wide ? Vector512<long>.Count : Vector256<long>.Count;
        var padded = (n + width - 1) / width * width;
        keys.AsSpan(n, padded - n).Fill(long.MaxValue);
        ref var first = ref MemoryMarshal.GetArrayDataReference(keys);
        for (var i = 0; i < n; i++)
        {
            var rank = 0;
            if (wide)
            {
                var key = Vector512.Create(keys[i]);
                for (var b = 0; b < padded; b += Vector512<long>.Count)
                {
                    rank += BitOperations.PopCount(Vector512.LessThan(Vector512.LoadUnsafe(ref first, (nuint)b), key).ExtractMostSignificantBits());
                }
            }
            else
            {
                var key = Vector256.Create(keys[i]);
                for (var b = 0; b < padded; b += Vector256<long>.Count)
                {
                    rank += BitOperations.PopCount(Vector256.LessThan(Vector256.LoadUnsafe(ref first, (nuint)b), key).ExtractMostSignificantBits());
                }
            }
            order[rank] = i;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (double Min, double Max) Range(ReadOnlySpan<double> atWeeks)
    {
        var min = atWeeks[0];
        var max = atWeeks[0];
        foreach (var t in atWeeks)
        {
            min = t < min ? t : min;
            max = t > max ? t : max;
        }
        return (min, max);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Bucket(double atWeeks, double min, double scale, int buckets)
    {
        var position = (atWeeks - min) * scale;
        return position < buckets - 1 ? (int)position : buckets - 1;
    }

    /// <summary>Sorts positions [from, to) by time; stable, so equal times keep their draw order.</summary>
    private void InsertionSort(int from, int to)
    {
        var times = _sortedTimes;
        var order = _order;
        for (var i = from + 1; i < to; i++)
        {
            var t = times[i];
            var index = order[i];
            var j = i - 1;
            while (j >= from && times[j] > t)
            {
                times[j + 1] = times[j];
                order[j + 1] = order[j];
                j--;
            }
            times[j + 1] = t;
            order[j + 1] = index;
        }
    }
}
