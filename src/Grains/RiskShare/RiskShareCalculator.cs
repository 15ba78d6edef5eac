namespace MarketSim.Grains.RiskShare;

/// <summary>
/// One year of one risk-share agreement: from each partner's spend and contribution, each party's
/// liability, meaning what it pays beyond its own budget (its contribution as the scenario states
/// it); negative is a saving. Parties are the partners in order, then "providers" (gain/loss
/// sharing), then "retained" (an underspend kept in the pool), where the agreement has them.
/// Whatever the agreement, the liabilities add up to total spend minus total contributions.
/// </summary>
public static class RiskShareCalculator
{
    /// <summary>How many parties an agreement for <paramref name="partners"/> partners has.</summary>
    public static int Parties(RiskShareSpec model, int partners) => partners + (model.HasProviders ? 1 : 0) + (model.HasRetained ? 1 : 0);

    /// <summary>
    /// Settles one year. <paramref name="contributions"/> are the year's contributions (pro rata for a
    /// part year, <paramref name="fractionOfYear"/>), which also set this year's caps as a share of
    /// contribution; <paramref name="pooledShare"/> is the share of
    /// activity in the pool (pool phasing; the rest stays with each partner as aligned budgets);
    /// <paramref name="achievedByQuarter"/> is the cumulative achievement of the performance target
    /// by quarter (NaN for a quarter not simulated).
    /// </summary>
    public static void Settle(
        RiskShareSpec model,
        ReadOnlySpan<double> spend,
        ReadOnlySpan<double> contributions,
        double fractionOfYear,
        double pooledShare,
        ReadOnlySpan<double> achievedByQuarter,
        Span<double> liabilities)
    {
        var n = spend.Length;
        Span<double> intoPool = stackalloc double[n];
        Span<double> shares = stackalloc double[n];
        for (var i = 0; i < n; i++)
        {
            intoPool[i] = contributions[i] - ((model.ContingencyGbp?[i] ?? 0) * fractionOfYear);
        }
        if (model.Scaling is { } scaling)
        {
            intoPool[scaling.Partner] = contributions[scaling.Partner] * scaling.Factor;
        }
        var pot = 0.0;
        var released = 0.0;
        if (model.Performance is { } performance)
        {
            pot = performance.PotGbp * fractionOfYear;
            intoPool[performance.Payer] -= pot;
            Span<double> quarterly = stackalloc double[achievedByQuarter.Length];
            released = pot * PerformanceRelease.Quarterly(achievedByQuarter, quarterly);
        }
        double totalSpend = 0, pool = 0;
        for (var i = 0; i < n; i++)
        {
            totalSpend += spend[i];
            pool += intoPool[i];
        }
        var variance = totalSpend - pool;
        var providers = 0.0;
        if (model.GainLoss is { } gainLoss)
        {
            var expected = gainLoss.ExpectedSpendGbp is { } e ? e * fractionOfYear : pool;
            providers = Math.Clamp(gainLoss.ProviderShare * (totalSpend - expected), -gainLoss.CollarGbp, gainLoss.CapGbp);
        }
        var commissioners = variance - providers;
        var retained = 0.0;
        if (commissioners < 0 && model.HasRetained)
        {
            retained = commissioners;
            shares.Clear();
        }
        else
        {
            Span<double> caps = stackalloc double[n];
            model.YearCapsGbp(contributions, fractionOfYear, caps);
            OverspendSplitter.Split(model, commissioners, intoPool, spend, caps, shares);
        }
        for (var i = 0; i < n; i++)
        {
            var aligned = spend[i] - intoPool[i];
            liabilities[i] = intoPool[i] - contributions[i] + (pooledShare * shares[i]) + ((1 - pooledShare) * aligned);
        }
        if (model.Performance is { } p)
        {
            liabilities[p.Payer] += released;
            liabilities[p.Recipient] -= released;
        }
        var extra = n;
        if (model.HasProviders)
        {
            liabilities[extra++] = pooledShare * providers;
        }
        if (model.HasRetained)
        {
            liabilities[extra] = pooledShare * retained;
        }
    }
}
