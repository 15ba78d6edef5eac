namespace MarketSim.Grains.Scenario;

/// <summary>
/// Self-funders pay their own (higher) rate from their savings until the savings fall to the upper
/// capital limit, and then become council-funded.
/// </summary>
/// <param name="RatePremium">Self-funders pay the provider's rate × (1 + premium).</param>
/// <param name="SavingsGbp">Savings at referral (pounds); null when savings are not modelled (no conversions).</param>
/// <param name="CapitalThresholdGbp">The upper capital limit (£23,250 in England) at which the council starts to fund.</param>
public sealed record SelfFunderSpec(double RatePremium, Distribution? SavingsGbp, double CapitalThresholdGbp)
{
    /// <summary>Self-funders pay the provider's rate and never convert.</summary>
    public static readonly SelfFunderSpec Default = new(0, null, 23_250);
}
