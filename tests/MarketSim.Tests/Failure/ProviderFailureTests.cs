using MarketSim.Grains.Market;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;
using MarketSim.Silo.Runs;
using MarketSim.Tests.Support;
using MathNet.Numerics.Distributions;

namespace MarketSim.Tests.Failure;

public class ProviderFailureTests
{
    private const double Z = 4;

    private static readonly DemandSpec TenPackagesOfFiveHours = TestMarkets.Demand(
        startingCaseload: 10,
        hours: new Distribution(DistributionKind.Fixed, 5),
        length: new Distribution(DistributionKind.Fixed, 1000));

    [Theory]
    [InlineData(0.1, 3)]
    [InlineData(0.5, 2)]
    public void Failures_under_an_exogenous_hazard_average_n_times_one_minus_exp_minus_hT(double hazard, int years)
    {
        const int n = 8;
        var failure = FailureSpec.None with { HazardPerYear = hazard };
        var providers = Enumerable.Range(0, n)
            .Select(i => TestMarkets.Provider($"p{i}", ProviderRole.Framework, 100, 15) with { Failure = failure })
            .ToArray();
        var scenario = TestMarkets.OneZone(TestMarkets.Demand(), years * 52, providers);

        var failures = Runner.Summarise(scenario, 4000).Column("provider_failures");

        var expected = n * (1 - Math.Exp(-hazard * years));
        Assert.InRange(failures.Mean, expected - (Z * failures.StdError), expected + (Z * failures.StdError));
    }

    [Fact]
    public void Under_a_hazard_the_failure_week_is_geometric_with_p_one_minus_e_to_the_minus_h_over_52_from_week_0()
    {
        // The weekly hazard is drawn at the start of every week t = 0, 1, ... while the provider is open, so its exit
        // week is geometric: P(week k) = p (1 − p)^k with p = 1 − e^(−h/52), and P(none in 8 weeks) = (1 − p)^8. With
        // h = 10 (the largest a scenario allows) p = 0.1749, against h/52 = 0.1923 if the hazard were taken as a
        // weekly probability: over 20,000 provider-runs that adds about 170 to the chi-square, far past its critical
        // value (about 33 on 8 df). A week the hazard skips (the first or the last) would empty its cell. The first
        // failure of ten such providers is geometric with 1 − (1 − p)^10 = 1 − e^(−10h/52).
        const double hazard = 10;
        const int weeks = 8, providers = 10, runs = 2000;
        var specs = Enumerable.Range(0, providers)
            .Select(i => TestMarkets.Provider($"p{i}", ProviderRole.Framework, 100, 15) with { Failure = FailureSpec.None with { HazardPerYear = hazard } })
            .ToArray();
        var scenario = TestMarkets.OneZone(TestMarkets.Demand(), weeks, specs);
        var rows = new RowCollector(new OutcomeSchema(scenario));

        MonteCarloRunner.Run(() => new Market(scenario), new RunPlan(2027, runs, 2), rows);

        var exitWeeks = rows.Rows.SelectMany(row => specs.Select(p => rows.Entity(row, EntityKind.Provider, p.Id, "exit_week"))).ToList();
        AssertGeometric(exitWeeks, 1 - Math.Exp(-hazard / 52), weeks, "each provider's exit week");
        var firstFailures = rows.Rows.Select(row => row[OutcomeSchema.FirstFailureWeek]).ToList();
        AssertGeometric(firstFailures, 1 - Math.Exp(-providers * hazard / 52), weeks, "first_failure_week");
    }

    [Fact]
    public void A_lead_exit_returns_its_packages_after_notice_and_the_framework_takes_what_it_can()
    {
        var lead = TestMarkets.Provider("lead", ProviderRole.Lead, 50, 14) with { Failure = FailureSpec.None with { NoticeWeeks = 3 } };
        var framework = TestMarkets.Provider("framework", ProviderRole.Framework, 20, 15);
        var scenario = TestMarkets.OneZone(TenPackagesOfFiveHours, 10, lead, framework) with
        {
            Shocks = [new ShockSpec(ShockKind.ProviderExit, 2, 1, 0, "lead")],
        };
        var schema = new OutcomeSchema(scenario);

        var o = Runner.OneRun(scenario);

        // Exit begins in week 2; the packages return in week 5. Framework takes 4 (20 h), 6 people
        // (30 h a week) wait for weeks 5-9.
        Assert.Equal(1, o[OutcomeSchema.ProviderExits]);
        Assert.Equal(0, o[OutcomeSchema.ProviderFailures]);
        Assert.Equal(30 * 5, o[OutcomeSchema.UnmetHours]);
        Assert.Equal(6, o[OutcomeSchema.PeakWaiting]);
        Assert.Equal((50 * 14 * 5) + (20 * 15 * 5), o[schema.IndexOf("spend_gbp__council")]);
        Assert.Equal(8, o[schema.IndexOf("weeks_without_lead__z")]);
        Assert.Equal(1, o[schema.IndexOf("provider_exits__z")]);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(25)]
    public void A_provider_held_below_cost_hands_back_after_the_set_weeks_and_not_before(int weeks)
    {
        var scenario = BelowCostMarket(rate: 7, handBackAfterWeeks: weeks, horizonWeeks: 40);
        var schema = new OutcomeSchema(scenario);

        var o = Runner.OneRun(scenario);

        // Below cost from week 0: the count reaches `weeks` at the end of week weeks−1, when it hands back.
        Assert.Equal(1, o[OutcomeSchema.HandBacks]);
        Assert.Equal(40 - (weeks - 1), o[schema.IndexOf("weeks_without_lead__z")]);
        Assert.Equal(10 * 5 * (40 - weeks), o[OutcomeSchema.UnmetHours]);
    }

    [Fact]
    public void A_provider_paid_at_cost_never_hands_back()
    {
        var o = Runner.OneRun(BelowCostMarket(rate: 8, handBackAfterWeeks: 1, horizonWeeks: 40));

        Assert.Equal(0, o[OutcomeSchema.HandBacks]);
        Assert.Equal(0, o[OutcomeSchema.RateGap]);
    }

    [Fact]
    public void A_provider_fails_in_the_week_its_reserves_run_out()
    {
        // Rate 7 against cost 8 on 50 hours: it loses £50 a week; £420 of reserves last 8.4 weeks.
        var scenario = BelowCostMarket(rate: 7, handBackAfterWeeks: 0, horizonWeeks: 20, reserves: 420);

        var o = Runner.OneRun(scenario);

        Assert.Equal(1, o[OutcomeSchema.ProviderFailures]);
        Assert.Equal(8, o[OutcomeSchema.FirstFailureWeek]);
        Assert.Equal(1, o[OutcomeSchema.RateGap]);
    }

    [Fact]
    public void No_failure_leaves_the_first_failure_week_empty()
    {
        var o = Runner.OneRun(BelowCostMarket(rate: 8, handBackAfterWeeks: 0, horizonWeeks: 20));

        Assert.True(double.IsNaN(o[OutcomeSchema.FirstFailureWeek]));
    }

    [Fact]
    public void A_dynamic_purchasing_entrant_joins_after_the_delay_and_takes_the_returned_packages()
    {
        var lead = TestMarkets.Provider("lead", ProviderRole.Lead, 50, 14);
        var scenario = TestMarkets.OneZone(TenPackagesOfFiveHours, 20, lead) with
        {
            Shocks = [new ShockSpec(ShockKind.ProviderExit, 2, 1, 0, "lead")],
            DynamicPurchasing = new DynamicPurchasingSpec(JoinDelayWeeks: 5, CapacityShare: 1, Workforce: null),
        };

        var o = Runner.OneRun(scenario);

        // Notice 0: packages return in week 2 and wait; the entrant joins in week 7 and takes them all.
        Assert.Equal(1, o[OutcomeSchema.EntrantsJoined]);
        Assert.Equal(50 * 5, o[OutcomeSchema.UnmetHours]);
        Assert.Equal(50 * 20 - (50 * 5), o[OutcomeSchema.DeliveredHours]);
    }

    /// <summary>
    /// Chi-square of <paramref name="weeks"/> (NaN: none within the horizon) against the geometric law
    /// P(week k) = p (1 − p)^k, at alpha 0.0001: a cell for each week while it and the rest expect at
    /// least 5, then one cell for all later weeks and none.
    /// </summary>
    private static void AssertGeometric(List<double> weeks, double p, int horizon, string what)
    {
        var n = weeks.Count;
        var cells = new List<(double Observed, double Expected)>();
        var k = 0;
        while (k < horizon && n * p * Math.Pow(1 - p, k) >= 5 && n * Math.Pow(1 - p, k + 1) >= 5)
        {
            cells.Add((weeks.Count(w => w == k), n * p * Math.Pow(1 - p, k)));
            k++;
        }
        cells.Add((weeks.Count(w => double.IsNaN(w) || w >= k), n * Math.Pow(1 - p, k)));
        var chiSquare = cells.Sum(c => (c.Observed - c.Expected) * (c.Observed - c.Expected) / c.Expected);
        var critical = ChiSquared.InvCDF(cells.Count - 1, 0.9999);
        Assert.True(chiSquare < critical, $"{what}: chi-square {chiSquare:F1} on {cells.Count - 1} df exceeds {critical:F1} (alpha 0.0001)");
    }

    /// <summary>One lead with 10 packages of 5 h; NLW £8 and no other costs, so its cost is exactly £8 an hour.</summary>
    private static MarketScenario BelowCostMarket(double rate, int handBackAfterWeeks, int horizonWeeks, double reserves = double.PositiveInfinity)
    {
        var lead = TestMarkets.Provider("lead", ProviderRole.Lead, 50, rate) with
        {
            Costs = new CostSpec(0, 0, 0, 0, 0),
            Failure = FailureSpec.None with { HandBackAfterWeeksBelowCost = handBackAfterWeeks, ReservesGbp = reserves },
        };
        return TestMarkets.OneZone(TenPackagesOfFiveHours, horizonWeeks, lead) with
        {
            Economy = new EconomySpec([8], 0, 0, 0, 0, 0),
        };
    }
}
