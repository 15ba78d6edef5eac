using MarketSim.Grains.Scenario;

namespace MarketSim.Grains.Pricing;

/// <summary>
/// The commissioners' yearly uplift of hourly rates: the factor by which every provider's rate is
/// multiplied at the start of model year y ≥ 1, under the scenario's policy.
/// </summary>
public static class RateSetter
{
    /// <summary>
    /// The uplift factor for year <paramref name="year"/>. <paramref name="budgetGbp"/> and
    /// <paramref name="lastYearSpendGbp"/> are the capping commissioner's, used by the budget-capped policy.
    /// </summary>
    public static double Factor(RateSettingSpec spec, EconomyPath economy, int year, double budgetGbp, double lastYearSpendGbp)
    {
        if (spec.Policy != UpliftPolicy.BudgetCapped)
        {
            return BaseFactor(spec.Policy, spec.FixedPercent, economy, year);
        }
        var wanted = BaseFactor(spec.CappedBase, spec.FixedPercent, economy, year);
        var affordable = lastYearSpendGbp > 0 ? budgetGbp / lastYearSpendGbp : wanted;
        return Math.Max(1, Math.Min(wanted, affordable));
    }

    private static double BaseFactor(UpliftPolicy policy, double fixedPercent, EconomyPath economy, int year) => policy switch
    {
        UpliftPolicy.CpiLinked => economy.Cpi(year) / economy.Cpi(year - 1),
        UpliftPolicy.NlwLinked => economy.Nlw(year) / economy.Nlw(year - 1),
        _ => 1 + (fixedPercent / 100),
    };
}
