namespace MarketSim.Grains.RiskShare;

/// <summary>One risk-share agreement, evaluated on every run alongside the others.</summary>
/// <param name="Id">Stable id, used in output columns.</param>
/// <param name="Name">Display name.</param>
/// <param name="Overspend">How an overspend is split.</param>
/// <param name="Underspend">How an underspend is shared.</param>
/// <param name="Shares">Fixed shares (FixedShares), in partner order.</param>
/// <param name="CapsGbp">Caps in pounds on each partner's share of an overspend a year (CappedExposure; pro rata in a part year); infinity for none.</param>
/// <param name="Partner">The backstop (CappedExposure), the lead (LeadBearsAll) or the favoured partner (Weighted underspend).</param>
/// <param name="UnderspendShare">The favoured partner's share of an underspend (Weighted).</param>
/// <param name="CapsShareOfContribution">Caps as a share of each partner's contribution in the year being settled (0.05 for 5%; pro rata in a part year, CappedExposure); infinity for none. A partner's cap is the lower of this and <paramref name="CapsGbp"/>.</param>
/// <param name="Tiers">Bands (Tiered), in ascending order.</param>
/// <param name="ContingencyGbp">What each partner keeps out of the pool as a contingency a year.</param>
/// <param name="Scaling">The Dorset contribution-scaling rule, if used.</param>
/// <param name="GainLoss">Gain/loss sharing with providers, if used.</param>
/// <param name="Performance">Payment for performance, if used.</param>
public sealed record RiskShareSpec(
    string Id,
    string Name,
    OverspendRule Overspend,
    UnderspendRule Underspend = UnderspendRule.SameSplit,
    double[]? Shares = null,
    double[]? CapsGbp = null,
    int Partner = 0,
    double UnderspendShare = 0,
    Tier[]? Tiers = null,
    double[]? ContingencyGbp = null,
    ContributionScaling? Scaling = null,
    GainLossSharing? GainLoss = null,
    PaymentForPerformance? Performance = null,
    double[]? CapsShareOfContribution = null)
{
    /// <summary>Proportional to contributions, underspend the same way: the default agreement.</summary>
    public static RiskShareSpec Proportional(string id = "proportional") => new(id, "Proportional to contributions", OverspendRule.Proportional);

    /// <summary>Whether providers take part (an extra "providers" line in the outputs).</summary>
    public bool HasProviders => GainLoss is not null;

    /// <summary>
    /// Writes each partner's cap for one year into <paramref name="capsGbp"/>: the lower of its cap in
    /// pounds times <paramref name="fractionOfYear"/> (pro rata in a part year) and its share-of-contribution
    /// cap times <paramref name="contributions"/>, that year's contributions (already pro rata in a part
    /// year). Infinity where the partner is uncapped.
    /// </summary>
    public void YearCapsGbp(ReadOnlySpan<double> contributions, double fractionOfYear, Span<double> capsGbp)
    {
        for (var i = 0; i < capsGbp.Length; i++)
        {
            var fixedCap = (CapsGbp?[i] ?? double.PositiveInfinity) * fractionOfYear;
            var share = CapsShareOfContribution?[i] ?? double.PositiveInfinity;
            capsGbp[i] = double.IsPositiveInfinity(share) ? fixedCap : Math.Min(fixedCap, share * contributions[i]);
        }
    }

    /// <summary>Whether the pool can keep an underspend (an extra "retained" line).</summary>
    public bool HasRetained => Underspend == UnderspendRule.Retained;
}
