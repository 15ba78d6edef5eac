namespace MarketSim.Grains.Outcomes;

/// <summary>One metric of an entity over the runs: a group of columns of the entity CSVs.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Runs">Runs with a value (missing values left out).</param>
/// <param name="Mean">Mean over those runs; NaN when none.</param>
/// <param name="StdError">Monte Carlo standard error of the mean, sd/√n; NaN when none.</param>
/// <param name="P5">P² estimate of the 5th percentile (exact below five runs; the results put exact quantiles in its place where a column of runs.csv holds the same values); NaN when none.</param>
/// <param name="P50">P² estimate of the median.</param>
/// <param name="P95">P² estimate of the 95th percentile.</param>
[GenerateSerializer]
public sealed record MetricSummary(EntityMetric Metric, long Runs, double Mean, double StdError, double P5, double P50, double P95);
