using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Statistics;
using MarketSim.Silo.Runs;
using MarketSim.Simulator.Reports.Charts;

namespace MarketSim.Simulator.Statistics;

/// <summary>
/// Streams every run's outcomes into per-column moments, and per-column exact quantiles for the
/// headline columns and the columns the entity files repeat (<see cref="ExactEntityQuantiles"/>): the
/// summary of an experiment, in memory that grows by a few numbers a run.
/// </summary>
public sealed class OutcomeSummary : IOutcomeSink, IDisposable
{
    /// <summary>The quantiles reported for headline columns.</summary>
    public static readonly double[] Probabilities = [0.05, 0.25, 0.5, 0.75, 0.95];

    private readonly Quantiles?[] _quantiles;

    /// <summary>Creates an empty summary of the columns of <paramref name="schema"/>.</summary>
    public OutcomeSummary(OutcomeSchema schema)
    {
        Schema = schema;
        Moments = [.. schema.Columns.Select(_ => new RunningMoments())];
        var repeated = ExactEntityQuantiles.RepeatedColumns(schema);
        _quantiles = [.. schema.Columns.Select((c, i) => c.Headline || repeated.Contains(i) ? new Quantiles() : null)];
        for (var c = 0; c < schema.Count; c++)
        {
            if (schema.Columns[c].Headline)
            {
                Convergence[c] = [];
            }
        }
    }

    /// <summary>The columns summarised.</summary>
    public OutcomeSchema Schema { get; }

    /// <summary>Moments of each column.</summary>
    public RunningMoments[] Moments { get; }

    /// <summary>Runs seen.</summary>
    public long Runs { get; private set; }

    /// <summary>Whether the values of column <paramref name="column"/> are kept for its exact quantiles.</summary>
    public bool KeepsValues(int column) => _quantiles[column] is not null;

    /// <summary>The values of column <paramref name="column"/>, ascending, when they are kept (headline columns and those the entity files repeat); null for other columns.</summary>
    public IReadOnlyList<double>? SortedValues(int column) => _quantiles[column]?.Sorted();

    /// <summary>
    /// Whether headline column <paramref name="column"/> is a count or a week number: not money, and a whole
    /// number in every run that has a value, so that its percentiles can be shown as whole numbers.
    /// </summary>
    public bool IsWhole(int column) =>
        !Schema.Columns[column].Unit.StartsWith("GBP", StringComparison.Ordinal)
        && SortedValues(column) is { Count: > 0 } values && values.All(x => x == Math.Floor(x));

    /// <summary>Checkpoints of the running mean and its 95% half-width, by headline column (for convergence plots).</summary>
    public Dictionary<int, List<ConvergenceChart.Point>> Convergence { get; } = [];

    /// <summary>The <paramref name="p"/> quantile of column <paramref name="column"/>, or null when its values are not kept (see <see cref="SortedValues"/>).</summary>
    public double? Quantile(int column, double p) => _quantiles[column]?.At(p);

    /// <inheritdoc />
    public void Accept(long firstRun, int count, ReadOnlySpan<double> outcomes)
    {
        var width = Schema.Stride;
        Runs += count;
        for (var r = 0; r < count; r++)
        {
            var row = outcomes.Slice(r * width, width);
            for (var c = 0; c < Moments.Length; c++)
            {
                Moments[c].Add(row[c]);
                _quantiles[c]?.Add(row[c]);
            }
            if (Runs - count + r + 1 >= _nextCheckpoint)
            {
                foreach (var (c, points) in Convergence)
                {
                    points.Add(new ConvergenceChart.Point(Moments[c].Count, Moments[c].Mean, Moments[c].HalfWidth95));
                }
                _nextCheckpoint = Math.Max(_nextCheckpoint + 1, (long)Math.Ceiling(_nextCheckpoint * 1.1));
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var q in _quantiles)
        {
            q?.Dispose();
        }
    }

    private long _nextCheckpoint = 2;
}
