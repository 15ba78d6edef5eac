namespace MarketSim.Grains.PooledBudgets;

/// <summary>
/// Splits an overspend (or, negative, an underspend) between partners in proportion to their
/// contributions, as in the Dorset pool (53 : 17.35). The last partner takes the rounding
/// remainder, so the shares always add up to the amount exactly.
/// </summary>
public static class ProportionalSplit
{
    /// <summary>Writes each partner's share of <paramref name="amount"/> into <paramref name="shares"/>.</summary>
    public static void Split(double amount, ReadOnlySpan<double> contributions, Span<double> shares)
    {
        var total = 0.0;
        foreach (var c in contributions)
        {
            total += c;
        }
        var allocated = 0.0;
        for (var i = 0; i < contributions.Length - 1; i++)
        {
            shares[i] = amount * (contributions[i] / total);
            allocated += shares[i];
        }
        shares[contributions.Length - 1] = amount - allocated;
    }
}
