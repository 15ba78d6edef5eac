using MarketSim.Grains.Scenario;

namespace MarketSim.Grains.Demand;

/// <summary>
/// The expected referrals in each week of the horizon for one zone: the starting rate grown
/// geometrically, (1 + g)^(t/52), times the winter factor 1 + a·cos(2π(w − peak)/52) for calendar week w.
/// Computed once per scenario, so a run's week only looks it up.
/// </summary>
public static class ReferralSchedule
{
    /// <summary>Expected referrals (people) in each week 0..horizon−1.</summary>
    public static double[] Build(DemandSpec demand, DateOnly startDate, int horizonWeeks)
    {
        var rates = new double[horizonWeeks];
        var firstCalendarWeek = (startDate.DayOfYear - 1) / 7;
        for (var t = 0; t < horizonWeeks; t++)
        {
            var growth = Math.Pow(1 + demand.AnnualGrowth, t / (double)MarketScenario.WeeksPerYear);
            var calendarWeek = (firstCalendarWeek + t) % MarketScenario.WeeksPerYear;
            var phase = 2 * Math.PI * (calendarWeek - demand.WinterPeakWeekOfYear) / MarketScenario.WeeksPerYear;
            rates[t] = demand.WeeklyReferrals * growth * (1 + (demand.WinterAmplitude * Math.Cos(phase)));
        }
        return rates;
    }
}
