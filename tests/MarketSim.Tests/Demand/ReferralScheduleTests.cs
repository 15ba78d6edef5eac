using MarketSim.Grains.Demand;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Demand;

public class ReferralScheduleTests
{
    [Fact]
    public void Referral_rate_follows_the_geometric_growth_path()
    {
        var demand = TestMarkets.Demand(weeklyReferrals: 30) with { AnnualGrowth = 0.04 };

        var rates = ReferralSchedule.Build(demand, new DateOnly(2020, 1, 1), 5 * 52);

        Assert.Equal(30, rates[0], 12);
        Assert.Equal(30 * 1.04, rates[52], 12);
        Assert.Equal(30 * Math.Pow(1.04, 4), rates[4 * 52], 12);
        Assert.Equal(30 * Math.Pow(1.04, 0.5), rates[26], 12);
    }

    [Fact]
    public void Winter_factor_peaks_in_the_peak_calendar_week_and_averages_one_over_a_year()
    {
        var demand = TestMarkets.Demand(weeklyReferrals: 10) with { WinterAmplitude = 0.2, WinterPeakWeekOfYear = 2 };

        var rates = ReferralSchedule.Build(demand, new DateOnly(2019, 11, 5), 52); // calendar week 44 at week 0

        var peakWeek = Array.IndexOf(rates, rates.Max());
        Assert.Equal(52 - 44 + 2, peakWeek);
        Assert.Equal(12, rates[peakWeek], 12);
        Assert.Equal(10, rates.Average(), 12);
    }
}
