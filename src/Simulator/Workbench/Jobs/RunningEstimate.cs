using MarketSim.Grains.Statistics;
using MarketSim.Silo.Runs;

namespace MarketSim.Simulator.Workbench.Jobs;

/// <summary>
/// One outcome's running mean and 95% interval while an experiment runs, for the Run page's live estimate:
/// a sink beside the experiment's own, read from another thread.
/// </summary>
/// <param name="column">The outcome's column in runs.csv.</param>
/// <param name="label">The outcome's label, with its unit unless the figures carry it (£).</param>
/// <param name="unit">The outcome's schema unit (GBP, hours, people), for writing its figures.</param>
/// <param name="period">The period each run's value covers, "5-year horizon".</param>
public sealed class RunningEstimate(int column, string label, string unit, string period) : IOutcomeSink
{
    private readonly Lock _lock = new();
    private readonly RunningMoments _moments = new();

    /// <summary>The outcome's label, with its unit unless the figures carry it (£).</summary>
    public string Label { get; } = label;

    /// <summary>The outcome's schema unit, for writing its figures (£153m for GBP).</summary>
    public string Unit { get; } = unit;

    /// <summary>The period each run's value covers, "5-year horizon", so that the estimate says what it is a total or mean of.</summary>
    public string Period { get; } = period;

    /// <inheritdoc />
    public void Accept(long firstRun, int count, ReadOnlySpan<double> outcomes)
    {
        var stride = outcomes.Length / count;
        lock (_lock)
        {
            for (var i = 0; i < count; i++)
            {
                _moments.Add(outcomes[(i * stride) + column]);
            }
        }
    }

    /// <summary>The runs so far, the mean and the 95% half-width of the mean.</summary>
    public (long Runs, double Mean, double HalfWidth95) Read()
    {
        lock (_lock)
        {
            return (_moments.Count, _moments.Mean, _moments.HalfWidth95);
        }
    }
}
