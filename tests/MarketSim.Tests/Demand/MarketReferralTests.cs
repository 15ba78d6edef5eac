using MarketSim.Grains.Market;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;
using MarketSim.Silo.Runs;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Demand;

/// <summary>
/// Referrals as the market draws them, with growth, a winter swing and a demand surge, against the
/// documented rate λ_t = λ₀(1 + g)^(t/52)(1 + a·cos(2π(w − peak)/52)) × surge, worked out here
/// without <see cref="Grains.Demand.ReferralSchedule"/>.
/// </summary>
public class MarketReferralTests
{
    private const double Z = 4; // |estimate − truth| < 4 standard errors: a false alarm about once in 16,000 seeds per check

    [Fact]
    public void Referrals_over_the_horizon_are_Poisson_with_the_sum_of_the_grown_seasonal_and_surged_weekly_rates()
    {
        // 10 a week growing 10% a year, a winter swing of 0.3 peaking in calendar week 2, doubled in weeks 10-13,
        // from 5 November 2019 for 78 weeks: the horizon starts in winter and is not whole years, so the winter
        // adds about 62 referrals to Σλ = 941.3; ignoring it (879) or the start date's calendar week (899), the
        // growth (≈ 880) or the surge (≈ 888) each misses by 40 SE or more (SE ≈ 0.7 over 2,000 runs).
        const double lambda0 = 10, growth = 0.1, amplitude = 0.3;
        const int peak = 2, horizon = 78, surgeWeek = 10, surgeWeeks = 4, runs = 2000;
        const double surge = 2;
        var start = new DateOnly(2019, 11, 5);
        var demand = TestMarkets.Demand(weeklyReferrals: lambda0, length: new Distribution(DistributionKind.Fixed, 5)) with
        {
            AnnualGrowth = growth,
            WinterAmplitude = amplitude,
            WinterPeakWeekOfYear = peak,
        };
        var scenario = TestMarkets.OneZone(demand, horizon) with
        {
            StartDate = start,
            Shocks = [new ShockSpec(ShockKind.DemandSurge, surgeWeek, surgeWeeks, surge, null)],
        };

        // Calendar week 0 is the first week of January: the start date's is (day of year − 1) div 7, and each model
        // week moves it on by one, modulo 52.
        var firstCalendarWeek = (start.DayOfYear - 1) / 7;
        var sumOfRates = 0.0;
        for (var t = 0; t < horizon; t++)
        {
            var calendarWeek = (firstCalendarWeek + t) % 52;
            var rate = lambda0 * Math.Pow(1 + growth, t / 52.0) * (1 + (amplitude * Math.Cos(2 * Math.PI * (calendarWeek - peak) / 52)));
            sumOfRates += t >= surgeWeek && t < surgeWeek + surgeWeeks ? rate * surge : rate;
        }
        Assert.Equal(941.32, sumOfRates, 2);
        var collector = new ColumnCollector(OutcomeSchema.Referrals, new OutcomeSchema(scenario).Stride);

        MonteCarloRunner.Run(() => new Market(scenario), new RunPlan(2028, runs, 2), collector);

        // A sum of independent Poisson counts is Poisson: its mean and its variance are both Σλ.
        var (mean, variance, varianceSe) = collector.Moments();
        var meanSe = Math.Sqrt(variance / runs);
        Assert.InRange(mean, sumOfRates - (Z * meanSe), sumOfRates + (Z * meanSe));
        Assert.InRange(variance, sumOfRates - (Z * varianceSe), sumOfRates + (Z * varianceSe));
    }

    [Theory]
    [InlineData(10, 10)]
    [InlineData(11, 10 + 20)]
    [InlineData(14, 10 + (4 * 20))]
    [InlineData(15, 10 + (4 * 20) + 1)]
    public void A_demand_surge_multiplies_referrals_in_exactly_its_weeks(int horizonWeeks, double expected)
    {
        // One referral a week, ×20 in weeks 10-13. A horizon ending just before, in and after the surge's first and last
        // weeks shows each edge: a surge starting or ending a week early or late moves one of these means by 19,
        // against an SE of at most 0.5.
        var scenario = TestMarkets.OneZone(TestMarkets.Demand(weeklyReferrals: 1), horizonWeeks) with
        {
            Shocks = [new ShockSpec(ShockKind.DemandSurge, 10, 4, 20, null)],
        };

        var referrals = Runner.Summarise(scenario, 400).Column("referrals_total");

        Assert.InRange(referrals.Mean, expected - (Z * referrals.StdError), expected + (Z * referrals.StdError));
    }

    [Theory]
    [InlineData("a", 20 + (19 * 4 * 1) + 60)]
    [InlineData("b", 20 + 60 + (19 * 4 * 3))]
    public void A_demand_surge_limited_to_a_zone_raises_that_zones_referrals_only(string surged, double expected)
    {
        // Zone a refers one person a week and zone b three, for 20 weeks; the surge ×20 in weeks 10-13 adds 19 × 4 weeks of
        // the surged zone's rate: 156 in all when it is a's, 308 when it is b's, and 384 had it hit both (SE at most 0.9).
        var scenario = TestMarkets.OneZone(TestMarkets.Demand(weeklyReferrals: 1), 20) with
        {
            Zones = [new ZoneSpec("a", "A", TestMarkets.Demand(weeklyReferrals: 1)), new ZoneSpec("b", "B", TestMarkets.Demand(weeklyReferrals: 3))],
            Providers = [TestMarkets.Provider("ample", ProviderRole.Lead, 1e9, 15) with { ZoneIds = ["a", "b"] }],
            Shocks = [new ShockSpec(ShockKind.DemandSurge, 10, 4, 20, null, [surged])],
        };

        var referrals = Runner.Summarise(scenario, 400).Column("referrals_total");

        Assert.InRange(referrals.Mean, expected - (Z * referrals.StdError), expected + (Z * referrals.StdError));
    }
}
