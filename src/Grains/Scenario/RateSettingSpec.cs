namespace MarketSim.Grains.Scenario;

/// <summary>How commissioners uplift providers' hourly rates at the start of each model year.</summary>
public enum UpliftPolicy
{
    /// <summary>A fixed percentage a year.</summary>
    Fixed,

    /// <summary>By CPI inflation of the year.</summary>
    CpiLinked,

    /// <summary>By the NLW's rise: rate × NLW(y) / NLW(y − 1).</summary>
    NlwLinked,

    /// <summary>The base policy, capped so last year's hours at the new rates fit this year's budget.</summary>
    BudgetCapped,
}

/// <summary>The rate-setting policy applied to every provider's rate each year.</summary>
/// <param name="Policy">The policy.</param>
/// <param name="FixedPercent">For <see cref="UpliftPolicy.Fixed"/> (and a fixed base): the uplift in percent.</param>
/// <param name="CappedBase">For <see cref="UpliftPolicy.BudgetCapped"/>: the policy that is capped.</param>
/// <param name="CommissionerId">For <see cref="UpliftPolicy.BudgetCapped"/>: whose budget caps the uplift.</param>
public sealed record RateSettingSpec(UpliftPolicy Policy, double FixedPercent, UpliftPolicy CappedBase, string? CommissionerId);
