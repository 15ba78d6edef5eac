namespace MarketSim.Grains.Scenario;

/// <summary>
/// A validated, immutable scenario: the market at the start and the horizon to simulate.
/// Built by the Simulator's scenario loader; variants are copies with one change.
/// </summary>
/// <param name="Name">The scenario's name.</param>
/// <param name="StartDate">The first day of week 0, which fixes calendar weeks for seasonality.</param>
/// <param name="HorizonWeeks">How many weekly steps a run simulates.</param>
/// <param name="Zones">The zones, in file order.</param>
/// <param name="Providers">The providers, in file order (the market sorts them by id; the order only sets the output's).</param>
/// <param name="Commissioners">The commissioners.</param>
/// <param name="PooledBudgets">The pooled budgets, possibly none.</param>
/// <param name="Economy">Wages and prices; null when costs are not modelled.</param>
/// <param name="RateSetting">The yearly rate uplift; null for frozen rates.</param>
/// <param name="SelfFunders">Self-funders' rate and savings; null for the defaults.</param>
/// <param name="Shocks">Scheduled stress-test shocks.</param>
/// <param name="DynamicPurchasing">Whether and how leavers are replaced; null for no replacement.</param>
/// <param name="UnmetNeed">The cost of an unmet care hour and who bears it; null values unmet need at 0.</param>
public sealed record MarketScenario(
    string Name,
    DateOnly StartDate,
    int HorizonWeeks,
    ZoneSpec[] Zones,
    ProviderSpec[] Providers,
    CommissionerSpec[] Commissioners,
    PooledBudgetSpec[] PooledBudgets,
    EconomySpec? Economy = null,
    RateSettingSpec? RateSetting = null,
    SelfFunderSpec? SelfFunders = null,
    ShockSpec[]? Shocks = null,
    DynamicPurchasingSpec? DynamicPurchasing = null,
    UnmetNeedSpec? UnmetNeed = null)
{
    /// <summary>Model years are 52 weeks, as in the seeds' arithmetic (£10.64m / 52 / £14.36 ≈ 14,250 hours).</summary>
    public const int WeeksPerYear = 52;

    /// <summary>How many model years the horizon touches.</summary>
    public int HorizonYears => (HorizonWeeks + WeeksPerYear - 1) / WeeksPerYear;

    /// <summary>For each funding stream, the index in <see cref="Commissioners"/> of the commissioner that funds it; −1 where none does (self-funders).</summary>
    public int[] PayerOfStream() =>
        [.. Enumerable.Range(0, FundingStreams.Count).Select(s => Array.FindIndex(Commissioners, c => c.Funds.Contains((FundingStream)s)))];
}
