namespace MarketSim.Grains.RiskShare;

/// <summary>One band of a tiered agreement: overspend up to <paramref name="UpToGbp"/> is split in <paramref name="Shares"/>.</summary>
/// <param name="UpToGbp">The band's upper edge in pounds of overspend (infinite for the last band).</param>
/// <param name="Shares">Each partner's share of the band, in partner order, summing to 1.</param>
public sealed record Tier(double UpToGbp, double[] Shares);
