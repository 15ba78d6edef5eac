namespace MarketSim.Grains.Scenario;

/// <summary>
/// A provider's cost of one delivered (contact) hour, built up the way public homecare costing models
/// do it: wage for contact and travel time, on-costs, mileage, running costs. Wage follows the NLW;
/// mileage and running costs follow CPI.
/// </summary>
/// <param name="WagePremiumOverNlwGbpPerHour">Care wage = NLW + this premium (pounds an hour).</param>
/// <param name="TravelHoursPerContactHour">Paid travel time per contact hour (0.25 = 15 minutes an hour).</param>
/// <param name="OnCostsFraction">Employer NI, pension, holiday and sickness as a share of wages.</param>
/// <param name="MileageGbpPerContactHour">Mileage paid per contact hour, at start prices.</param>
/// <param name="RunningCostsGbpPerHour">Office, management, training, insurance per contact hour, at start prices.</param>
public sealed record CostSpec(
    double WagePremiumOverNlwGbpPerHour,
    double TravelHoursPerContactHour,
    double OnCostsFraction,
    double MileageGbpPerContactHour,
    double RunningCostsGbpPerHour)
{
    /// <summary>The care wage (pounds an hour) when the NLW is <paramref name="nlw"/>.</summary>
    public double Wage(double nlw) => nlw + WagePremiumOverNlwGbpPerHour;

    /// <summary>Cost of one contact hour (pounds) at care wage <paramref name="wage"/> and price index <paramref name="cpiIndex"/> (1 at start).</summary>
    public double CostPerContactHour(double wage, double cpiIndex) =>
        (wage * (1 + TravelHoursPerContactHour) * (1 + OnCostsFraction))
        + ((MileageGbpPerContactHour + RunningCostsGbpPerHour) * cpiIndex);
}
