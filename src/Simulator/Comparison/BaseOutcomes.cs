using MarketSim.Silo.Runs;

namespace MarketSim.Simulator.Comparison;

/// <summary>The base scenario's values of the compared outcomes, run by run, kept to pair with each other scenario's runs (8 bytes a run and outcome).</summary>
internal sealed class BaseOutcomes(IReadOnlyList<int> columns, int stride, long runs) : IOutcomeSink
{
    private readonly Dictionary<int, double[]> _values = columns.Distinct().ToDictionary(c => c, _ => new double[runs]);

    /// <summary>Run <paramref name="run"/>'s value of row index <paramref name="column"/>.</summary>
    public double Value(int column, long run) => _values[column][run];

    /// <inheritdoc />
    public void Accept(long firstRun, int count, ReadOnlySpan<double> outcomes)
    {
        for (var r = 0; r < count; r++)
        {
            foreach (var (column, values) in _values)
            {
                values[firstRun + r] = outcomes[(r * stride) + column];
            }
        }
    }
}
