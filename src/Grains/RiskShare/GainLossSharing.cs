namespace MarketSim.Grains.RiskShare;

/// <summary>
/// Multilateral gain/loss sharing with providers (BaNES): expected spend minus out-turn is a gain
/// (or a loss) of which providers take a share, limited by a cap on their losses and a collar on their gains.
/// </summary>
/// <param name="ExpectedSpendGbp">Expected commissioner spend a year; null for the pool's contributions.</param>
/// <param name="ProviderShare">Providers' share of the gain or loss, 0 to 1.</param>
/// <param name="CapGbp">The most providers can lose in a year.</param>
/// <param name="CollarGbp">The most providers can gain in a year.</param>
public sealed record GainLossSharing(double? ExpectedSpendGbp, double ProviderShare, double CapGbp, double CollarGbp);
