namespace MarketSim.Grains.Statistics;

/// <summary>
/// The distribution over runs of one metric in fixed memory: count, mean and standard error
/// (Welford), and P² estimates of P5, P50 and P95. Missing values (NaN) are counted apart and left
/// out, as in summary.json. Serializable, so a grain can persist it and carry on adding.
/// </summary>
[GenerateSerializer]
public sealed class MetricDistribution
{
    /// <summary>Creates an empty distribution.</summary>
    public MetricDistribution()
    {
        Moments = new RunningMoments();
        P5 = new P2Quantile(0.05);
        P50 = new P2Quantile(0.5);
        P95 = new P2Quantile(0.95);
    }

    /// <summary>Count, missing count, mean, variance, minimum and maximum.</summary>
    [Id(0)]
    public RunningMoments Moments { get; private set; }

    /// <summary>The P² estimate of the 5th percentile.</summary>
    [Id(1)]
    public P2Quantile P5 { get; private set; }

    /// <summary>The P² estimate of the median.</summary>
    [Id(2)]
    public P2Quantile P50 { get; private set; }

    /// <summary>The P² estimate of the 95th percentile.</summary>
    [Id(3)]
    public P2Quantile P95 { get; private set; }

    /// <summary>Adds one run's value; NaN counts as missing.</summary>
    public void Add(double x)
    {
        Moments.Add(x);
        P5.Add(x);
        P50.Add(x);
        P95.Add(x);
    }
}
