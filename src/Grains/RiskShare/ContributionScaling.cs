namespace MarketSim.Grains.RiskShare;

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
