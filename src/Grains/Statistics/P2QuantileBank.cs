using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MarketSim.Grains.Statistics;

/// <summary>
/// Many P² estimates of one quantile side by side, each taking one value a run (a month of a series, say): the
/// estimates of <see cref="P2Quantile"/>, bit for bit, with each marker's heights, positions and desired positions
/// in arrays across the estimates, so that a run's values go into four estimates at a time (256-bit vectors).
/// An estimate still filling its first five values, or given a missing value (NaN), takes its value alone.
/// </summary>
public sealed class P2QuantileBank
{
    private const int Markers = 5;
    private static readonly int Width = Vector256.IsHardwareAccelerated ? Vector256<double>.Count : int.MaxValue;

    private readonly double _p;
    private readonly double[] _increments;
    private readonly double[][] _heights = new double[Markers][];
    private readonly double[][] _positions = new double[Markers][];
    private readonly double[][] _desired = new double[Markers][];
    private readonly int[] _counts;

    /// <summary>Creates <paramref name="estimates"/> empty estimates of the <paramref name="p"/> quantile (0 &lt; p &lt; 1).</summary>
    public P2QuantileBank(double p, int estimates)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(estimates);
        _p = p;
        _increments = [0, p / 2, p, (1 + p) / 2, 1];
        for (var m = 0; m < Markers; m++)
        {
            _heights[m] = new double[estimates];
            _positions[m] = new double[estimates];
            _desired[m] = new double[estimates];
        }
        _counts = new int[estimates];
    }

    /// <summary>The probability whose quantile the estimates estimate.</summary>
    public double Probability => _p;

    /// <summary>How many estimates there are.</summary>
    public int Length => _counts.Length;

    /// <summary>Values estimate <paramref name="estimate"/> has seen (NaN values are skipped).</summary>
    public int CountOf(int estimate) => _counts[estimate];

    /// <summary>Adds one value to each estimate: <paramref name="values"/>[e] to estimate e.</summary>
    public void Add(ReadOnlySpan<double> values)
    {
        if (values.Length != Length)
        {
            throw new ArgumentException($"{values.Length} values for {Length} estimates.", nameof(values));
        }
        var e = 0;
        if (Width <= values.Length)
        {
            for (; e <= values.Length - Width; e += Width)
            {
                var x = Vector256.Create(values.Slice(e, Width));
                if (!Vector256.EqualsAll(x, x) || !Vector128.GreaterThanOrEqualAll(Vector128.Create(_counts.AsSpan(e, Width)), Vector128.Create(Markers)))
                {
                    AddEach(values, e, e + Width);
                    continue;
                }
                AddFour(x, e);
            }
        }
        AddEach(values, e, values.Length);
    }

    /// <summary>The current estimate of estimate <paramref name="estimate"/>, as <see cref="P2Quantile.Estimate()"/> would give it.</summary>
    public double Estimate(int estimate)
    {
        Span<double> heights = stackalloc double[Markers];
        for (var m = 0; m < Markers; m++)
        {
            heights[m] = _heights[m][estimate];
        }
        return P2Quantile.Estimate(heights, _counts[estimate], _p);
    }

    /// <summary>Adds values[from..to) one estimate at a time, by <see cref="P2Quantile"/>'s own step.</summary>
    private void AddEach(ReadOnlySpan<double> values, int from, int to)
    {
        Span<double> heights = stackalloc double[Markers];
        Span<double> positions = stackalloc double[Markers];
        Span<double> desired = stackalloc double[Markers];
        for (var e = from; e < to; e++)
        {
            for (var m = 0; m < Markers; m++)
            {
                heights[m] = _heights[m][e];
                positions[m] = _positions[m][e];
                desired[m] = _desired[m][e];
            }
            P2Quantile.Add(heights, positions, desired, _increments, _p, ref _counts[e], values[e]);
            for (var m = 0; m < Markers; m++)
            {
                _heights[m][e] = heights[m];
                _positions[m][e] = positions[m];
                _desired[m][e] = desired[m];
            }
        }
    }

    /// <summary>
    /// <see cref="P2Quantile"/>'s step for the four estimates from <paramref name="e"/>, each past its first five
    /// values, given the four values <paramref name="x"/> (none NaN): the same operations in the same order in
    /// each lane, with every branch on the values replaced by a select.
    /// </summary>
    private void AddFour(Vector256<double> x, int e)
    {
        var counts = _counts.AsSpan(e, 4);
        Vector128.Add(Vector128.Create(counts), Vector128<int>.One).CopyTo(counts);
        var h0 = Load(_heights[0], e);
        var h1 = Load(_heights[1], e);
        var h2 = Load(_heights[2], e);
        var h3 = Load(_heights[3], e);
        var h4 = Load(_heights[4], e);
        var belowFirst = Vector256.LessThan(x, h0);
        h0 = Vector256.ConditionalSelect(belowFirst, x, h0);
        h4 = Vector256.ConditionalSelect(Vector256.AndNot(Vector256.GreaterThanOrEqual(x, h4), belowFirst), x, h4);
        var one = Vector256<double>.One;
        var above1 = Vector256.LessThan(x, h1);
        var above2 = Vector256.LessThan(x, h2) | above1;
        var above3 = Vector256.LessThan(x, h3) | above2;
        // The first marker's position and desired position stay 1 (its increment is 0), so they are read and not written.
        var n0 = Load(_positions[0], e);
        var n1 = Load(_positions[1], e) + (above1 & one);
        var n2 = Load(_positions[2], e) + (above2 & one);
        var n3 = Load(_positions[3], e) + (above3 & one);
        var n4 = Load(_positions[4], e) + one;
        Store(n4, _positions[4], e);
        var d1 = Load(_desired[1], e) + Vector256.Create(_increments[1]);
        var d2 = Load(_desired[2], e) + Vector256.Create(_increments[2]);
        var d3 = Load(_desired[3], e) + Vector256.Create(_increments[3]);
        Store(d1, _desired[1], e);
        Store(d2, _desired[2], e);
        Store(d3, _desired[3], e);
        Store(Load(_desired[4], e) + Vector256.Create(_increments[4]), _desired[4], e);
        Move(d1, h0, ref h1, h2, n0, ref n1, n2);
        Move(d2, h1, ref h2, h3, n1, ref n2, n3);
        Move(d3, h2, ref h3, h4, n2, ref n3, n4);
        Store(h0, _heights[0], e);
        Store(h1, _heights[1], e);
        Store(h2, _heights[2], e);
        Store(h3, _heights[3], e);
        Store(h4, _heights[4], e);
        Store(n1, _positions[1], e);
        Store(n2, _positions[2], e);
        Store(n3, _positions[3], e);
    }

    /// <summary>Moves a marker (height <paramref name="q"/>, position <paramref name="n"/>) one place towards its desired position <paramref name="desired"/> where it is a place or more away and its neighbours leave room.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Move(Vector256<double> desired, Vector256<double> qm, ref Vector256<double> q, Vector256<double> qp, Vector256<double> nm, ref Vector256<double> n, Vector256<double> np)
    {
        var one = Vector256<double>.One;
        var d = desired - n;
        var up = Vector256.GreaterThanOrEqual(d, one) & Vector256.GreaterThan(np - n, one);
        var down = Vector256.LessThanOrEqual(d, -one) & Vector256.LessThan(nm - n, -one);
        var moves = up | down;
        if (moves.ExtractMostSignificantBits() == 0)
        {
            return;
        }
        var step = Vector256.ConditionalSelect(up, one, -one);
        var parabolic = q + (step / (np - nm) * ((((n - nm) + step) * (qp - q) / (np - n)) + (((np - n) - step) * (q - qm) / (n - nm))));
        var linear = q + (step * (Vector256.ConditionalSelect(up, qp, qm) - q) / (Vector256.ConditionalSelect(up, np, nm) - n));
        var inside = Vector256.LessThan(qm, parabolic) & Vector256.LessThan(parabolic, qp);
        q = Vector256.ConditionalSelect(moves, Vector256.ConditionalSelect(inside, parabolic, linear), q);
        n = Vector256.ConditionalSelect(moves, n + step, n);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Load(double[] values, int e) => Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(values), (nuint)e);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector256<double> vector, double[] values, int e) => vector.StoreUnsafe(ref MemoryMarshal.GetArrayDataReference(values), (nuint)e);
}
