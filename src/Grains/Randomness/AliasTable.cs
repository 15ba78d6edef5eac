namespace MarketSim.Grains.Randomness;

/// <summary>
/// Walker's alias table (Vose's construction) over a finite distribution on 0 … n − 1: one uniform draw
/// picks a column and, from its fractional part, either the column itself or its alias, in constant time
/// whatever n is. The draw is done in 64-bit integers: the high word of x·n (x a uniform 64-bit word) is the
/// column, the low word is the coin, compared with the column's threshold without a branch. Each column is
/// one 16-byte entry, so a draw reads one cache line.
/// </summary>
public sealed class AliasTable
{
    private readonly Column[] _columns;

    /// <summary>The table of <paramref name="probabilities"/> (non-negative, finite, not all 0; they are scaled to sum to 1).</summary>
    public AliasTable(ReadOnlySpan<double> probabilities)
    {
        var n = probabilities.Length;
        var total = 0.0;
        foreach (var p in probabilities)
        {
            if (!(p >= 0) || double.IsInfinity(p))
            {
                throw new ArgumentOutOfRangeException(nameof(probabilities), p, "Every probability must be non-negative and finite.");
            }
            total += p;
        }
        if (!(total > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(probabilities), total, "The probabilities must not all be 0.");
        }
        _columns = new Column[n];
        var scaled = new double[n];
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (var i = n - 1; i >= 0; i--)
        {
            scaled[i] = probabilities[i] * n / total;
            (scaled[i] < 1 ? small : large).Push(i);
        }
        while (small.Count > 0 && large.Count > 0)
        {
            var s = small.Pop();
            var l = large.Pop();
            _columns[s] = Column.Of(scaled[s], l);
            scaled[l] -= 1 - scaled[s];
            (scaled[l] < 1 ? small : large).Push(l);
        }
        // What is left is 1 up to rounding: those columns keep themselves.
        foreach (var i in small.Concat(large))
        {
            _columns[i] = Column.Of(1, i);
        }
    }

    /// <summary>n: how many values the table draws from.</summary>
    public int Count => _columns.Length;

    /// <summary>One draw, in 0 … n − 1, from one uniform of <paramref name="state"/>.</summary>
    public int Sample(ref Xoshiro256StarStar state)
    {
        var i = (int)Math.BigMul(state.NextUInt64(), (ulong)_columns.Length, out var coin);
        ref readonly var column = ref _columns[i];
        var alias = column.Alias;
        return coin < column.Threshold ? i : alias;
    }

    /// <summary>The probability of <paramref name="value"/> that the table draws with (for tests: it should equal the one it was built from).</summary>
    public double ProbabilityOf(int value)
    {
        var n = _columns.Length;
        var p = 0.0;
        for (var i = 0; i < n; i++)
        {
            var keep = _columns[i].Threshold * Math.Pow(2, -64);
            p += (i == value ? keep : 0) + (_columns[i].Alias == value ? 1 - keep : 0);
        }
        return p / n;
    }

    /// <summary>A column: kept when the coin (a uniform 64-bit word) is below the threshold, else its alias (itself when always kept).</summary>
    private readonly record struct Column(ulong Threshold, int Alias)
    {
        /// <summary>The column kept with probability <paramref name="keep"/>; a column always kept is its own alias.</summary>
        public static Column Of(double keep, int alias) =>
            new(keep >= 1 ? ulong.MaxValue : (ulong)(Math.Max(0, keep) * Math.Pow(2, 64)), alias);
    }
}
