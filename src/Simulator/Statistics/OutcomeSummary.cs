using MarketSim.Grains.Outcomes;
using MarketSim.Silo.Runs;

namespace MarketSim.Simulator.Statistics;

/// <summary>
/// Streams every run's outcomes into per-column moments, and per-column exact quantiles for the
/// headline columns: the summary of an experiment, in memory that grows by a few numbers a run.
/// </summary>
public sealed class OutcomeSummary : IOutcomeSink
{
    /// <summary>The quantiles reported for headline columns.</summary>
    public static readonly double[] Probabilities = [0.05, 0.25, 0.5, 0.75, 0.95];

    private readonly Quantiles?[] _quantiles;

    /// <summary>Creates an empty summary of the columns of <paramref name="schema"/>.</summary>
    public OutcomeSummary(OutcomeSchema schema)
    {
        Schema = schema;
        Moments = [.. schema.Columns.Select(_ => new RunningMoments())];
        _quantiles = [.. schema.Columns.Select(c => c.Headline ? new Quantiles() : null)];
    }

    /// <summary>The columns summarised.</summary>
    public OutcomeSchema Schema { get; }

    /// <summary>Moments of each column.</summary>
    public RunningMoments[] Moments { get; }

    /// <summary>Runs seen.</summary>
    public long Runs { get; private set; }

    /// <summary>The <paramref name="p"/> quantile of column <paramref name="column"/>, or null if it is not a headline column.</summary>
    public double? Quantile(int column, double p) => _quantiles[column]?.At(p);

    /// <inheritdoc />
    public void Accept(long firstRun, int count, ReadOnlySpan<double> outcomes)
    {
        var width = Schema.RowWidth;
        Runs += count;
        for (var r = 0; r < count; r++)
        {
            var row = outcomes.Slice(r * width, width);
            for (var c = 0; c < Moments.Length; c++)
            {
                Moments[c].Add(row[c]);
                _quantiles[c]?.Add(row[c]);
            }
        }
    }
}
