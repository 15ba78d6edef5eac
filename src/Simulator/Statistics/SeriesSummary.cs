using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Statistics;
using MarketSim.Silo.Runs;

namespace MarketSim.Simulator.Statistics;

/// <summary>
/// Streams every run's monthly series into, for each series and month, the mean, standard deviation and the P5,
/// P25, P50, P75 and P95 bands, in memory that does not grow with runs. A series of whole numbers (people,
/// providers) gets exact quantiles from a count of each value (<see cref="WholeNumberCounts"/>); the others, and a
/// month of a count whose values lie <see cref="WholeNumberCounts.MaxRange"/> or more apart, get P² estimates, one
/// <see cref="P2QuantileBank"/> a probability, put in ascending order so that the bands never cross.
/// </summary>
public sealed class SeriesSummary : IOutcomeSink
{
    private readonly OutcomeSchema _schema;
    private readonly P2QuantileBank[] _quantiles;
    private readonly WholeNumberCounts?[] _counts;
    private readonly int[] _countedCells;

    /// <summary>Creates an empty summary of the series of <paramref name="schema"/>.</summary>
    public SeriesSummary(OutcomeSchema schema)
    {
        _schema = schema;
        var cells = OutcomeSchema.Series.Count * schema.Months;
        Moments = [.. Enumerable.Range(0, cells).Select(_ => new RunningMoments())];
        _quantiles = [.. OutcomeSummary.Probabilities.Select(p => new P2QuantileBank(p, cells))];
        _countedCells = [.. Enumerable.Range(0, cells).Where(cell => OutcomeSchema.Series[cell / schema.Months].Whole)];
        _counts = new WholeNumberCounts?[cells];
        foreach (var cell in _countedCells)
        {
            _counts[cell] = new WholeNumberCounts();
        }
    }

    /// <summary>Moments by cell (series × months + month).</summary>
    public RunningMoments[] Moments { get; }

    /// <summary>The band in <paramref name="cell"/> (series × months + month) of the probability at <paramref name="probabilityIndex"/> in <see cref="OutcomeSummary.Probabilities"/> (see <see cref="Bands"/>).</summary>
    public double Quantile(int cell, int probabilityIndex) => Bands(cell)[probabilityIndex];

    /// <summary>
    /// The quantiles in <paramref name="cell"/> of <see cref="OutcomeSummary.Probabilities"/>, ascending, each between
    /// the month's smallest and largest value: exact (R type 7) for a counted series, else the P² estimates sorted
    /// (the monotone rearrangement, which as a whole brings them no further from the true quantiles); NaN with no values.
    /// </summary>
    public double[] Bands(int cell)
    {
        var probabilities = OutcomeSummary.Probabilities;
        var bands = new double[probabilities.Length];
        if (_counts[cell] is { Overflowed: false } counts)
        {
            for (var q = 0; q < bands.Length; q++)
            {
                bands[q] = counts.Quantile(probabilities[q]);
            }
            return bands;
        }
        for (var q = 0; q < bands.Length; q++)
        {
            bands[q] = _quantiles[q].Estimate(cell);
        }
        Array.Sort(bands);
        return bands;
    }

    /// <summary>Whether <paramref name="cell"/>'s bands are exact quantiles rather than P² estimates.</summary>
    public bool IsExact(int cell) => _counts[cell] is { Overflowed: false };

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
            foreach (var cell in _countedCells)
            {
                _counts[cell]!.Add(row[cell]);
            }
            foreach (var quantile in _quantiles)
            {
                quantile.Add(row);
            }
        }
    }
}
