using MarketSim.Grains.Outcomes;

namespace MarketSim.Simulator.Statistics;

/// <summary>
/// The mean of an outcome that is 0 in the runs where its event does not happen (a zone's weeks without a
/// lead provider), over only the runs where it does: "when a zone loses its lead, for how long". It is
/// recovered exactly from the outcome's summary over all runs (mean, standard error, runs) and the number of
/// runs with the event, since the runs without it add nothing to the sum or the sum of squares.
/// </summary>
public static class WhenItHappens
{
    /// <summary>
    /// The mean over the <paramref name="runsWithIt"/> runs in which <paramref name="all"/> is not 0, and its
    /// standard error (the sample standard deviation of those runs / √runs); NaN for both with no such run, and a
    /// standard error of 0 with one.
    /// </summary>
    public static (double Mean, double StdError) Of(MetricSummary all, long runsWithIt)
    {
        if (runsWithIt <= 0 || all.Runs <= 0)
        {
            return (double.NaN, double.NaN);
        }
        double n = all.Runs, k = runsWithIt;
        var sum = n * all.Mean;
        var sd = all.StdError * Math.Sqrt(n);
        var sumOfSquares = ((n - 1) * sd * sd) + (n * all.Mean * all.Mean);
        var mean = sum / k;
        var variance = k > 1 ? Math.Max(0, sumOfSquares - (k * mean * mean)) / (k - 1) : 0;
        return (mean, Math.Sqrt(variance / k));
    }
}
