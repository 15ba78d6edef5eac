using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Statistics;
using MarketSim.Silo.Runs;

namespace MarketSim.Simulator.Statistics;

/// <summary>
/// Streams every run's monthly series into, for each series and month, the mean, standard deviation
/// and P² estimates of P5, P25, P50, P75 and P95: fixed memory whatever the number of runs. The estimates
/// of one probability, across all series and months, are one <see cref="P2QuantileBank"/>.
/// </summary>
public sealed class SeriesSummary : IOutcomeSink
{
    private readonly OutcomeSchema _schema;
    private readonly P2QuantileBank[] _quantiles;

    /// <summary>Creates an empty summary of the series of <paramref name="schema"/>.</summary>
    public SeriesSummary(OutcomeSchema schema)
    {
        _schema = schema;
        var cells = OutcomeSchema.Series.Count * schema.Months;
        Moments = [.. Enumerable.Range(0, cells).Select(_ => new RunningMoments())];
        _quantiles = [.. OutcomeSummary.Probabilities.Select(p => new P2QuantileBank(p, cells))];
    }

    /// <summary>Moments by cell (series × months + month).</summary>
    public RunningMoments[] Moments { get; }

    /// <summary>The P² estimate in <paramref name="cell"/> (series × months + month) of the probability at <paramref name="probabilityIndex"/> in <see cref="OutcomeSummary.Probabilities"/>.</summary>
    public double Quantile(int cell, int probabilityIndex) => _quantiles[probabilityIndex].Estimate(cell);

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
            }
            foreach (var quantile in _quantiles)
            {
                quantile.Add(row);
            }
        }
    }
}
