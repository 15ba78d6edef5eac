using System.Runtime.CompilerServices;

namespace MarketSim.Grains.Statistics;

/// <summary>
/// A streaming estimate of one quantile in five numbers, the P² algorithm of Jain and Chlamtac
/// (Communications of the ACM 28(10), 1985): marker heights are adjusted by piecewise-parabolic
/// interpolation as values arrive. Used for the per-entity outcomes, where keeping every run's value would
/// grow with runs; the monthly series use <see cref="P2QuantileBank"/>, which shares its step. Deterministic for a given order of values.
/// Serializable, so a grain can persist it and carry on adding.
/// </summary>
[GenerateSerializer]
public sealed class P2Quantile
{
    [Id(0)]
    private readonly double _p;
    [Id(1)]
    private readonly double[] _heights = new double[5];
    [Id(2)]
    private readonly double[] _positions = new double[5];
    [Id(3)]
    private readonly double[] _desired = new double[5];
    [Id(4)]
    private readonly double[] _increments;
    [Id(5)]
    private int _count;

    /// <summary>Estimates the <paramref name="p"/> quantile (0 &lt; p &lt; 1).</summary>
    public P2Quantile(double p)
    {
        _p = p;
        _increments = [0, p / 2, p, (1 + p) / 2, 1];
    }

    /// <summary>The probability whose quantile it estimates.</summary>
    public double Probability => _p;

    /// <summary>Values seen (NaN values are skipped).</summary>
    public int Count => _count;

    /// <summary>Adds one value.</summary>
    public void Add(double x) => Add(_heights, _positions, _desired, _increments, _p, ref _count, x);

    /// <summary>
    /// Adds <paramref name="x"/> to the estimate of <paramref name="p"/> held in the five markers' heights, positions
    /// and desired positions, with the desired positions' <paramref name="increments"/> and the values seen so far,
    /// <paramref name="count"/>: the one step of the algorithm, shared with <see cref="P2QuantileBank"/>.
    /// </summary>
    internal static void Add(Span<double> heights, Span<double> positions, Span<double> desired, ReadOnlySpan<double> increments, double p, ref int count, double x)
    {
        if (double.IsNaN(x))
        {
            return;
        }
        heights = heights[..5];
        positions = positions[..5];
        desired = desired[..5];
        increments = increments[..5];
        if (count < 5)
        {
            heights[count++] = x;
            if (count == 5)
            {
                heights.Sort();
                for (var i = 0; i < 5; i++)
                {
                    positions[i] = i + 1;
                }
                desired[0] = 1;
                desired[1] = 1 + (2 * p);
                desired[2] = 1 + (4 * p);
                desired[3] = 3 + (2 * p);
                desired[4] = 5;
            }
            return;
        }
        count++;
        if (x < heights[0])
        {
            heights[0] = x;
        }
        else if (x >= heights[4])
        {
            heights[4] = x;
        }
        // The cell of x is the number of inner markers at or below it (the heights ascend); every marker
        // above the cell moves up one place. Counted and added without a branch on x, which is random.
        var above1 = x < heights[1] ? 1 : 0;
        var above2 = (x < heights[2] ? 1 : 0) | above1;
        var above3 = (x < heights[3] ? 1 : 0) | above2;
        positions[1] += above1;
        positions[2] += above2;
        positions[3] += above3;
        positions[4] += 1;
        for (var i = 0; i < 5; i++)
        {
            desired[i] += increments[i];
        }
        for (var i = 1; i <= 3; i++)
        {
            var d = desired[i] - positions[i];
            var up = d >= 1 && positions[i + 1] - positions[i] > 1;
            if (up || (d <= -1 && positions[i - 1] - positions[i] < -1))
            {
                var step = up ? 1 : -1;
                var candidate = Parabolic(heights, positions, i, step);
                heights[i] = heights[i - 1] < candidate && candidate < heights[i + 1] ? candidate : Linear(heights, positions, i, step);
                positions[i] += step;
            }
        }
    }

    /// <summary>Marker <paramref name="i"/> (0 … 4): its height and its position among the values seen (for tests, once five values have arrived).</summary>
    internal (double Height, double Position) Marker(int i) => (_heights[i], _positions[i]);

    /// <summary>The current estimate; exact (R type 7) while fewer than five values have arrived; NaN with none.</summary>
    public double Estimate() => Estimate(_heights, _count, _p);

    /// <summary>The estimate of <paramref name="p"/> from the markers' <paramref name="heights"/> after <paramref name="count"/> values (see <see cref="Estimate()"/>).</summary>
    internal static double Estimate(ReadOnlySpan<double> heights, int count, double p)
    {
        if (count == 0)
        {
            return double.NaN;
        }
        if (count < 5)
        {
            var sorted = heights[..count].ToArray();
            Array.Sort(sorted);
            return SampleQuantile.Type7(sorted, p);
        }
        return heights[2];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Parabolic(ReadOnlySpan<double> heights, ReadOnlySpan<double> positions, int i, int d)
    {
        var (qm, q, qp) = (heights[i - 1], heights[i], heights[i + 1]);
        var (nm, n, np) = (positions[i - 1], positions[i], positions[i + 1]);
        return q + (d / (np - nm) * (((n - nm + d) * (qp - q) / (np - n)) + ((np - n - d) * (q - qm) / (n - nm))));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Linear(ReadOnlySpan<double> heights, ReadOnlySpan<double> positions, int i, int d) =>
        heights[i] + (d * (heights[i + d] - heights[i]) / (positions[i + d] - positions[i]));
}
