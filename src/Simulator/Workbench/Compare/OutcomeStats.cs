namespace MarketSim.Simulator.Workbench.Compare;

/// <summary>
/// One outcome over one experiment's runs, runs where it is empty left out: the mean with its Monte
/// Carlo standard error (sd/√n) and R's type-7 quantiles, as summary.json gives them. Every number is
/// NaN when no run has a value (the week of the first failure when none failed).
/// </summary>
/// <param name="Mean">Mean over the runs with a value.</param>
/// <param name="StandardError">Standard error of the mean, sd/√n (0 for a single run).</param>
/// <param name="P5">5th percentile.</param>
/// <param name="P50">Median.</param>
/// <param name="P95">95th percentile.</param>
public sealed record OutcomeStats(double Mean, double StandardError, double P5, double P50, double P95)
{
    /// <summary>Runs with a value.</summary>
    public long Count { get; init; }

    /// <summary>Runs where the outcome is empty (does not apply).</summary>
    public long Missing { get; init; }
}
