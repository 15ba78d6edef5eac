namespace MarketSim.Grains.Scenario;

/// <summary>
/// The wage and price environment, by model year: the National Living Wage path (each April) and
/// CPI inflation, each with optional random variation, and the outside wage care work competes with.
/// </summary>
/// <param name="NlwGbpPerHour">NLW for model years 0, 1, … (pounds an hour); after the list it grows by <paramref name="NlwGrowthAfterPath"/>.</param>
/// <param name="NlwGrowthAfterPath">Yearly NLW growth after the listed years (0.04 = 4%).</param>
/// <param name="NlwVolatility">Standard deviation of a yearly multiplicative shock to NLW growth (0 = the path exactly).</param>
/// <param name="CpiAnnualRate">Mean CPI inflation a year (0.02 = 2%).</param>
/// <param name="CpiVolatility">Standard deviation of yearly CPI inflation around its mean.</param>
/// <param name="OutsideWageMarginGbpPerHour">Outside wage = NLW + this margin (retail, hospitality): what recruitment competes with.</param>
public sealed record EconomySpec(
    double[] NlwGbpPerHour,
    double NlwGrowthAfterPath,
    double NlwVolatility,
    double CpiAnnualRate,
    double CpiVolatility,
    double OutsideWageMarginGbpPerHour)
{
    /// <summary>The NLW path with no variation, for model year <paramref name="year"/>.</summary>
    public double PathNlw(int year) => year < NlwGbpPerHour.Length
        ? NlwGbpPerHour[year]
        : NlwGbpPerHour[^1] * Math.Pow(1 + NlwGrowthAfterPath, year - NlwGbpPerHour.Length + 1);
}
