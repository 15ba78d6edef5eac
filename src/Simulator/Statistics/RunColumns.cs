using MarketSim.Silo.Runs;

namespace MarketSim.Simulator.Statistics;

/// <summary>
/// Keeps chosen columns of every run, run by run (8 bytes a run and column), for analyses that need each run's
/// value rather than a running summary: one-at-a-time sensitivity, Sobol indices, paired comparison.
/// </summary>
public sealed class RunColumns : IOutcomeSink
{
    private readonly int[] _columns;
    private readonly int _stride;
    private readonly Dictionary<int, int> _indexOfColumn;

    /// <summary>Keeps row indices <paramref name="columns"/> of rows <paramref name="stride"/> numbers wide, for runs 0 .. <paramref name="runs"/> − 1.</summary>
    public RunColumns(IReadOnlyList<int> columns, int stride, long runs)
    {
        _columns = [.. columns];
        _stride = stride;
        _indexOfColumn = _columns.Select((column, i) => (column, i)).DistinctBy(p => p.column).ToDictionary(p => p.column, p => p.i);
        Values = [.. _columns.Select(_ => new double[runs])];
    }

    /// <summary>Each kept column's values in run order, in the order the columns were given.</summary>
    public double[][] Values { get; }

    /// <summary>Run <paramref name="run"/>'s value of row index <paramref name="column"/> (one of the kept columns).</summary>
    public double Value(int column, long run) => Values[_indexOfColumn[column]][run];

    /// <inheritdoc />
    public void Accept(long firstRun, int count, ReadOnlySpan<double> outcomes)
    {
        for (var r = 0; r < count; r++)
        {
            for (var m = 0; m < _columns.Length; m++)
            {
                Values[m][firstRun + r] = outcomes[(r * _stride) + _columns[m]];
            }
        }
    }
}
