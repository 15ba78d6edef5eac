using MarketSim.Grains.Statistics;
using MarketSim.Silo.Runs;

namespace MarketSim.Simulator.Statistics;

/// <summary>
/// Stops an experiment at the first run at which the 95% confidence half-width of one outcome's
/// mean, 1.96 × sd/√n, is at or below a target (after a minimum number of runs, so that an early
/// lucky streak does not stop it). Runs are judged one by one in run order.
/// </summary>
public sealed class PrecisionStopRule(int column, int stride, double targetHalfWidth, long minimumRuns) : IStopRule
{
    /// <summary>The outcome's running moments.</summary>
    public RunningMoments Moments { get; } = new();

    /// <summary>The current 95% half-width.</summary>
    public double HalfWidth => Moments.Count > 1 ? Moments.HalfWidth95 : double.PositiveInfinity;

    /// <inheritdoc />
    public bool IsSatisfied { get; private set; }

    /// <inheritdoc />
    public int RunsToKeep(long firstRun, int count, ReadOnlySpan<double> outcomes)
    {
        for (var r = 0; r < count && !IsSatisfied; r++)
        {
            Moments.Add(outcomes[(r * stride) + column]);
            IsSatisfied = Moments.Count >= minimumRuns && HalfWidth <= targetHalfWidth;
            if (IsSatisfied)
            {
                return r + 1;
            }
        }
        return count;
    }
}
