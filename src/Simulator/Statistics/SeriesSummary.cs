using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Statistics;
using MarketSim.Silo.Runs;

namespace MarketSim.Simulator.Statistics;

/// <summary>
/// Streams every run's monthly series into, for each series and month, the mean, standard deviation
/// and P² estimates of P5, P25, P50, P75 and P95: fixed memory whatever the number of runs.
/// </summary>
public sealed class SeriesSummary : IOutcomeSink
{
    private readonly OutcomeSchema _schema;

    /// <summary>Creates an empty summary of the series of <paramref name="schema"/>.</summary>
    public SeriesSummary(OutcomeSchema schema)
    {
        _schema = schema;
        var cells = OutcomeSchema.Series.Count * schema.Months;
        Moments = [.. Enumerable.Range(0, cells).Select(_ => new RunningMoments())];
        Estimators = [.. Enumerable.Range(0, cells).Select(_ => OutcomeSummary.Probabilities.Select(p => new P2Quantile(p)).ToArray())];
    }

    /// <summary>Moments by cell (series × months + month).</summary>
    public RunningMoments[] Moments { get; }

    /// <summary>Quantile estimators by cell, one per <see cref="OutcomeSummary.Probabilities"/>.</summary>
    public P2Quantile[][] Estimators { get; }

    /// <summary>The schema whose series these are.</summary>
    public OutcomeSchema Schema => _schema;

    /// <inheritdoc />
    public void Accept(long firstRun, int count, ReadOnlySpan<double> outcomes)
    {
        var stride = _schema.Stride;
        for (var r = 0; r < count; r++)
        {
            var row = outcomes.Slice((r * stride) + _schema.Count, _schema.RowWidth - _schema.Count);
            for (var cell = 0; cell < row.Length; cell++)
            {
                Moments[cell].Add(row[cell]);
                foreach (var estimator in Estimators[cell])
                {
                    estimator.Add(row[cell]);
                }
            }
        }
    }
}
