using System.Text;
using MarketSim.Grains.Outcomes;
using MarketSim.Silo.Runs;

namespace MarketSim.Simulator.Reports;

/// <summary>
/// Writes runs.csv: a header row, then one row a run in run order, first column <c>run</c>.
/// Plain RFC 4180 CSV, UTF-8 without BOM, invariant numbers: opens as-is in Excel, R and pandas.
/// </summary>
public sealed class RunsCsvWriter : IOutcomeSink, IDisposable
{
    private readonly StreamWriter _writer;
    private readonly StringBuilder _line = new();
    private readonly int _width;
    private readonly int _columns;

    /// <summary>Creates <paramref name="path"/> and writes the header of <paramref name="schema"/>.</summary>
    public RunsCsvWriter(string path, OutcomeSchema schema)
    {
        _writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 16) { NewLine = "\n" };
        _width = schema.Stride;
        _columns = schema.Count;
        _writer.WriteLine("run," + string.Join(",", schema.Columns.Select(c => c.Name)));
    }

    /// <inheritdoc />
    public void Accept(long firstRun, int count, ReadOnlySpan<double> outcomes)
    {
        for (var r = 0; r < count; r++)
        {
            _line.Clear().Append(firstRun + r);
            foreach (var x in outcomes.Slice(r * _width, _columns))
            {
                Numbers.AppendExact(_line.Append(','), x);
            }
            _writer.WriteLine(_line);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();
}
