namespace MarketSim.Grains.Statistics;

/// <summary>
/// How many times each whole number was seen, in an array indexed by value over the range seen so far: the exact
/// quantiles of a count (people, providers) in memory bounded by its range, not by the values seen. Values more than
/// <see cref="MaxRange"/> apart, or one that is not a whole number, overflow it: it then keeps nothing and its owner
/// estimates instead. Deterministic: the counts do not depend on the order of the values.
/// </summary>
public sealed class WholeNumberCounts
{
    /// <summary>
    /// The most distinct values it keeps (64 KB of counts): the smallest and largest value seen are less than this apart.
    /// Wide enough for every bundled scenario's counts: the widest, Bath and North East Somerset's waiting list, spans
    /// 0 to 4,755 people in a month over 2,000 runs and cannot pass its caseload, about 8,000.
    /// </summary>
    public const int MaxRange = 16_384;

    private const int FirstLength = 16;

    /// <summary>Whole numbers beyond this size are not all representable as doubles, so they overflow it.</summary>
    private const double Largest = 1L << 53;

    private int[] _counts = [];
    private long _offset;

    /// <summary>Values counted (NaN values are skipped).</summary>
    public int Count { get; private set; }

    /// <summary>Whether a value was not a whole number or lay too far from the others; the counts are then dropped.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>Counts one value; skips a missing one (NaN).</summary>
    public void Add(double x)
    {
        if (double.IsNaN(x) || Overflowed)
        {
            return;
        }
        if (!(Math.Abs(x) <= Largest) || x != Math.Floor(x))
        {
            Overflow();
            return;
        }
        var value = (long)x;
        if ((ulong)(value - _offset) >= (ulong)_counts.Length && !Grow(value))
        {
            return;
        }
        _counts[value - _offset]++;
        Count++;
    }

    /// <summary>The exact <paramref name="p"/> quantile (0 ≤ p ≤ 1) of the values counted, by R's type 7 (<see cref="SampleQuantile"/>); NaN with none or once overflowed.</summary>
    public double Quantile(double p) => Overflowed ? double.NaN : SampleQuantile.Type7(Count, OrderStatistic, p);

    /// <summary>The <paramref name="k"/>-th smallest value counted, from 0, found by walking the cumulative counts.</summary>
    private double OrderStatistic(int k)
    {
        var seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen > k)
            {
                return _offset + i;
            }
        }
        throw new ArgumentOutOfRangeException(nameof(k), k, $"only {Count} values were counted");
    }

    /// <summary>Widens the array to take <paramref name="value"/>, doubling it with room on the side it grew; false (and overflowed) past <see cref="MaxRange"/>.</summary>
    private bool Grow(long value)
    {
        var first = Array.FindIndex(_counts, c => c > 0);
        var (low, high) = first < 0
            ? (value, value)
            : (Math.Min(value, _offset + first), Math.Max(value, _offset + Array.FindLastIndex(_counts, c => c > 0)));
        if (high - low >= MaxRange)
        {
            Overflow();
            return false;
        }
        var length = (int)Math.Min(MaxRange, Math.Max(high - low + 1, Math.Max(2L * _counts.Length, FirstLength)));
        var offset = first >= 0 && value < _offset + first ? high - length + 1 : low;
        var counts = new int[length];
        if (first >= 0)
        {
            var last = Array.FindLastIndex(_counts, c => c > 0);
            Array.Copy(_counts, first, counts, _offset + first - offset, last - first + 1);
        }
        (_counts, _offset) = (counts, offset);
        return true;
    }

    private void Overflow()
    {
        Overflowed = true;
        _counts = [];
        Count = 0;
    }
}
