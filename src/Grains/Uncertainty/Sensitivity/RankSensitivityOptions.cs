namespace MarketSim.Grains.Uncertainty.Sensitivity;

/// <summary>Settings of <see cref="RankSensitivity.Analyse"/>.</summary>
public sealed record RankSensitivityOptions
{
    /// <summary>Bootstrap resamples for the SRRC intervals.</summary>
    /// <value>1,000; at least 100.</value>
    public int BootstrapResamples { get; init; } = 1000;

    /// <summary>Seed of the bootstrap's random stream, so the intervals are reproducible.</summary>
    /// <value>1.</value>
    public ulong BootstrapSeed { get; init; } = 1;

    /// <summary>Coverage of every interval, in (0, 1).</summary>
    /// <value>0.95.</value>
    public double ConfidenceLevel { get; init; } = 0.95;
}
