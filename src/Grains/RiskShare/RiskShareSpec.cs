namespace MarketSim.Grains.RiskShare;

/// <summary>How an overspend of the pool is split between the partners.</summary>
public enum OverspendRule
{
    /// <summary>In proportion to the contributions into the pool (Dorset: 53 : 17.35).</summary>
    Proportional,

    /// <summary>In fixed shares, whatever the contributions.</summary>
    FixedShares,

    /// <summary>No pooling: each partner bears its own spend minus its own contribution.</summary>
    Aligned,

    /// <summary>In proportion, but no partner pays beyond its cap; the excess falls to a named partner.</summary>
    CappedExposure,

    /// <summary>Bands of overspend, each split in its own shares.</summary>
    Tiered,

    /// <summary>The lead commissioner bears all of it.</summary>
    LeadBearsAll,
}

/// <summary>How an underspend of the pool is shared.</summary>
public enum UnderspendRule
{
    /// <summary>The same way as an overspend would be.</summary>
    SameSplit,

    /// <summary>A set share to one partner (social care), the rest in proportion among the others.</summary>
    Weighted,

    /// <summary>Kept in the pool; no partner receives it.</summary>
    Retained,
}

/// <summary>One band of a tiered agreement: overspend up to <paramref name="UpToGbp"/> is split in <paramref name="Shares"/>.</summary>
/// <param name="UpToGbp">The band's upper edge in pounds of overspend (infinite for the last band).</param>
/// <param name="Shares">Each partner's share of the band, in partner order, summing to 1.</param>
public sealed record Tier(double UpToGbp, double[] Shares);

/// <summary>
/// The Dorset contribution-scaling rule: a partner's contribution is scaled by another partner's
/// budget-to-out-turn ratio (18 × 53/55 = 17.35), and the partner keeps the difference as a contingency.
/// </summary>
/// <param name="Partner">Index of the partner whose contribution is scaled.</param>
/// <param name="ReferenceBudgetGbp">The reference partner's budget (Dorset: DCC's rebased £53m).</param>
/// <param name="ReferenceOutturnGbp">The reference partner's out-turn (Dorset: DCC's £55m).</param>
public sealed record ContributionScaling(int Partner, double ReferenceBudgetGbp, double ReferenceOutturnGbp)
{
    /// <summary>The scaling factor, budget ÷ out-turn.</summary>
    public double Factor => ReferenceBudgetGbp / ReferenceOutturnGbp;
}

/// <summary>
/// Multilateral gain/loss sharing with providers (BaNES): expected spend minus out-turn is a gain
/// (or a loss) of which providers take a share, limited by a cap on their losses and a collar on their gains.
/// </summary>
/// <param name="ExpectedSpendGbp">Expected commissioner spend a year; null for the pool's contributions.</param>
/// <param name="ProviderShare">Providers' share of the gain or loss, 0 to 1.</param>
/// <param name="CapGbp">The most providers can lose in a year.</param>
/// <param name="CollarGbp">The most providers can gain in a year.</param>
public sealed record GainLossSharing(double? ExpectedSpendGbp, double ProviderShare, double CapGbp, double CollarGbp);

/// <summary>
/// Payment for performance (Better Care Fund): a pot from one partner is released to another in
/// proportion to the cumulative share of a target achieved, quarter by quarter; what is not released
/// returns to the payer. Achievement is the fall in the mean waiting list (people) from a baseline
/// towards a target, the model's measure of delayed transfers of care.
/// </summary>
/// <param name="Payer">Index of the partner the pot comes from.</param>
/// <param name="Recipient">Index of the partner it is released to.</param>
/// <param name="PotGbp">The pot a year.</param>
/// <param name="BaselineWaitingPeople">Mean waiting list that counts as 0% achieved.</param>
/// <param name="TargetWaitingPeople">Mean waiting list that counts as 100% achieved.</param>
public sealed record PaymentForPerformance(int Payer, int Recipient, double PotGbp, double BaselineWaitingPeople, double TargetWaitingPeople);

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
