using MarketSim.Grains.PooledBudgets;

namespace MarketSim.Grains.RiskShare;

/// <summary>
/// Splits an amount of pooled overspend (positive) or underspend (negative) between partners under
/// one agreement's rules. Every split adds up to the amount exactly (the last partner, or the
/// backstop, takes the rounding remainder).
/// </summary>
public static class OverspendSplitter
{
    /// <summary>
    /// Writes each partner's share of <paramref name="amount"/> into <paramref name="shares"/>, given
    /// their contributions into the pool, for aligned budgets their own spend, and for capped exposure
    /// their caps for the year (<see cref="RiskShareSpec.YearCapsGbp"/>).
    /// </summary>
    public static void Split(RiskShareSpec model, double amount, ReadOnlySpan<double> contributions, ReadOnlySpan<double> spend, ReadOnlySpan<double> capsGbp, Span<double> shares)
    {
        if (amount < 0 && model.Underspend == UnderspendRule.Weighted && model.Overspend != OverspendRule.Aligned)
        {
            Weighted(amount, model.Partner, model.UnderspendShare, contributions, shares);
            return;
        }
        switch (model.Overspend)
        {
            case OverspendRule.FixedShares:
                ByShares(amount, model.Shares!, shares);
                break;
            case OverspendRule.Aligned:
                for (var i = 0; i < shares.Length; i++)
                {
                    shares[i] = spend[i] - contributions[i];
                }
                break;
            case OverspendRule.CappedExposure:
                Capped(amount, contributions, capsGbp, model.Partner, shares);
                break;
            case OverspendRule.Tiered:
                Tiered(amount, model.Tiers!, shares);
                break;
            case OverspendRule.LeadBearsAll:
                shares.Clear();
                shares[model.Partner] = amount;
                break;
            default:
                Proportional(amount, contributions, shares);
                break;
        }
    }

    private static void Proportional(double amount, ReadOnlySpan<double> contributions, Span<double> shares)
    {
        var total = 0.0;
        foreach (var c in contributions)
        {
            total += Math.Max(0, c);
        }
        if (total > 0)
        {
            Span<double> weights = stackalloc double[contributions.Length];
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] = Math.Max(0, contributions[i]);
            }
            ProportionalSplit.Split(amount, weights, shares);
        }
        else
        {
            shares.Fill(amount / shares.Length);
        }
    }

    private static void ByShares(double amount, ReadOnlySpan<double> fixedShares, Span<double> shares)
    {
        var allocated = 0.0;
        for (var i = 0; i < shares.Length - 1; i++)
        {
            shares[i] = amount * fixedShares[i];
            allocated += shares[i];
        }
        shares[^1] = amount - allocated;
    }

    private static void Capped(double amount, ReadOnlySpan<double> contributions, ReadOnlySpan<double> caps, int backstop, Span<double> shares)
    {
        Proportional(amount, contributions, shares);
        if (amount <= 0)
        {
            return;
        }
        var excess = 0.0;
        for (var i = 0; i < shares.Length; i++)
        {
            if (i != backstop && shares[i] > caps[i])
            {
                excess += shares[i] - caps[i];
                shares[i] = caps[i];
            }
        }
        shares[backstop] += excess;
    }

    private static void Tiered(double amount, Tier[] tiers, Span<double> shares)
    {
        shares.Clear();
        var size = Math.Abs(amount);
        var lower = 0.0;
        foreach (var tier in tiers)
        {
            var inBand = Math.Clamp(size - lower, 0, tier.UpToGbp - lower);
            for (var i = 0; i < shares.Length; i++)
            {
                shares[i] += Math.Sign(amount) * inBand * tier.Shares[i];
            }
            lower = tier.UpToGbp;
        }
        var sum = 0.0;
        for (var i = 0; i < shares.Length - 1; i++)
        {
            sum += shares[i];
        }
        shares[^1] = amount - sum;
    }

    private static void Weighted(double amount, int favoured, double favouredShare, ReadOnlySpan<double> contributions, Span<double> shares)
    {
        if (shares.Length == 1)
        {
            shares[0] = amount;
            return;
        }
        Span<double> others = stackalloc double[contributions.Length];
        contributions.CopyTo(others);
        others[favoured] = 0;
        Proportional(amount * (1 - favouredShare), others, shares);
        shares[favoured] = amount * favouredShare;
        var sum = 0.0;
        for (var i = 0; i < shares.Length; i++)
        {
            sum += i == favoured ? 0 : shares[i];
        }
        shares[favoured] = amount - sum;
    }
}
