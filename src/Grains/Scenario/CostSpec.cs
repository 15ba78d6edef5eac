using MarketSim.Grains.Providers;

namespace MarketSim.Grains.Scenario;

/// <summary>
/// A provider's cost of one delivered (contact) hour, built up the way public homecare costing models
/// do it: wage for contact and travel time, on-costs, mileage, running costs. Wage follows the NLW;
/// mileage and running costs follow CPI. Its other work (private clients, other councils and NHS
/// commissioners outside the modelled market) earns a margin on the same cost, which keeps a provider
/// open while the modelled rate is below cost.
/// </summary>
/// <param name="WagePremiumOverNlwGbpPerHour">Care wage = NLW + this premium (pounds an hour).</param>
/// <param name="TravelHoursPerContactHour">Paid travel time per contact hour (0.25 = 15 minutes an hour).</param>
/// <param name="OnCostsFraction">Employer NI, pension, holiday and sickness as a share of wages.</param>
/// <param name="MileageGbpPerContactHour">Mileage paid per contact hour, at start prices.</param>
/// <param name="RunningCostsGbpPerHour">Office, management, training, insurance per contact hour, at start prices.</param>
/// <param name="RunningCostsFixedShare">The share (0-1) of running costs that does not fall with hours: paid on its capacity whether or not the hours are delivered.</param>
/// <param name="OtherWorkHoursPerCapacityHour">Mean hours a week of other work per hour a week of its modelled capacity (0.5: half as much again).</param>
/// <param name="OtherWorkHoursSd">Standard deviation of that ratio between providers and futures: each run draws each provider's first-year ratio from a gamma distribution with this mean and sd; 0 for the mean itself.</param>
/// <param name="OtherWorkPersistence">Year-to-year correlation (0-1) of the log of that ratio: each later year redraws it by <see cref="OtherWorkDrift"/>; 1 keeps the first draw for the run.</param>
/// <param name="OtherWorkMarginOnCost">What its other work earns over its cost, as a share of cost (0.2: priced at cost × 1.2).</param>
public sealed record CostSpec(
    double WagePremiumOverNlwGbpPerHour,
    double TravelHoursPerContactHour,
    double OnCostsFraction,
    double MileageGbpPerContactHour,
    double RunningCostsGbpPerHour,
    double RunningCostsFixedShare = 0,
    double OtherWorkHoursPerCapacityHour = 0,
    double OtherWorkMarginOnCost = 0,
    double OtherWorkHoursSd = 0,
    double OtherWorkPersistence = 1)
{
    /// <summary>The distribution of a provider's other-work ratio in a run; null when it has no other work.</summary>
    public Distribution? OtherWorkRatio() => OtherWorkHoursPerCapacityHour > 0
        ? new Distribution(OtherWorkHoursSd > 0 ? DistributionKind.Gamma : DistributionKind.Fixed, OtherWorkHoursPerCapacityHour, OtherWorkHoursSd)
        : null;

    /// <summary>How the ratio drifts from year to year; null when it stays fixed for the run (no other work, sd 0 or persistence 1).</summary>
    public OtherWorkDrift? OtherWorkDrift() => OtherWorkHoursPerCapacityHour > 0 && OtherWorkHoursSd > 0 && OtherWorkPersistence < 1
        ? new OtherWorkDrift(OtherWorkHoursPerCapacityHour, OtherWorkHoursSd, OtherWorkPersistence)
        : null;

    /// <summary>The care wage (pounds an hour) when the NLW is <paramref name="nlw"/>.</summary>
    public double Wage(double nlw) => nlw + WagePremiumOverNlwGbpPerHour;

    /// <summary>Cost of one contact hour (pounds) at care wage <paramref name="wage"/> and price index <paramref name="cpiIndex"/> (1 at start).</summary>
    public double CostPerContactHour(double wage, double cpiIndex) =>
        (wage * (1 + TravelHoursPerContactHour) * (1 + OnCostsFraction))
        + ((MileageGbpPerContactHour + RunningCostsGbpPerHour) * cpiIndex);

    /// <summary>
    /// The fixed running costs of the capacity it did not use in a week (pounds; negative when it works
    /// beyond its capacity): fixed share × running costs × <paramref name="cpiIndex"/> × (capacity − delivered hours).
    /// </summary>
    public double IdleCapacityCostGbp(double capacityWeeklyHours, double deliveredWeeklyHours, double cpiIndex) =>
        RunningCostsFixedShare * RunningCostsGbpPerHour * cpiIndex * (capacityWeeklyHours - deliveredWeeklyHours);

    /// <summary>What a week of other work at <paramref name="ratio"/> hours per capacity hour adds to its reserves (pounds) when its capacity is <paramref name="capacityWeeklyHours"/> and a contact hour costs <paramref name="costPerHourGbp"/>.</summary>
    public double OtherWorkMarginGbpPerWeek(double ratio, double capacityWeeklyHours, double costPerHourGbp) =>
        ratio * capacityWeeklyHours * costPerHourGbp * OtherWorkMarginOnCost;
}
