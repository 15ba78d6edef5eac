using MarketSim.Grains.Scenario;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Brokerage;

/// <summary>
/// Ten people needing 5 hours a week for longer than the horizon, no referrals: every number below
/// follows by hand from the brokerage order (lead, then framework, then spot, then wait).
/// </summary>
public class BrokerageTests
{
    private static readonly DemandSpec TenPackagesOfFiveHours = TestMarkets.Demand(
        startingCaseload: 10,
        hours: new Distribution(DistributionKind.Fixed, 5),
        length: new Distribution(DistributionKind.Fixed, 1000));

    private static double Outcome(MarketScenario scenario, string column) =>
        Runner.OneRun(scenario)[new MarketSim.Grains.Outcomes.OutcomeSchema(scenario).IndexOf(column)];

    [Fact]
    public void Packages_go_to_the_lead_then_framework_then_spot_and_the_rest_wait()
    {
        var scenario = TestMarkets.OneZone(TenPackagesOfFiveHours, horizonWeeks: 10,
            TestMarkets.Provider("spot", ProviderRole.Spot, 10, 20),
            TestMarkets.Provider("framework", ProviderRole.Framework, 10, 15),
            TestMarkets.Provider("lead", ProviderRole.Lead, 20, 14));

        // lead takes 4 × 5 h, framework 2, spot 2; 2 people (10 h a week) wait all 10 weeks.
        Assert.Equal(2 * 5 * 10, Outcome(scenario, "spot_hours_total"));
        Assert.Equal(10 * 10, Outcome(scenario, "unmet_hours_total"));
        Assert.Equal(2, Outcome(scenario, "peak_waiting_list_people"));
        Assert.Equal(10, Outcome(scenario, "weeks_with_waiting_list"));
        Assert.Equal(10 * ((20 * 14) + (10 * 15) + (10 * 20)), Outcome(scenario, "spend_gbp__council"));
    }

    [Fact]
    public void Framework_package_goes_to_the_provider_with_most_spare_hours()
    {
        var scenario = TestMarkets.OneZone(TenPackagesOfFiveHours, horizonWeeks: 1,
            TestMarkets.Provider("small", ProviderRole.Framework, 10, 10),
            TestMarkets.Provider("large", ProviderRole.Framework, 40, 20));

        // Most spare first, ties to the id that sorts first: large takes 6 (40 → 10 h spare), then
        // large (tie), small, large (tie), small: 8 packages (40 h) to large and 2 (10 h) to small.
        Assert.Equal((40 * 20) + (10 * 10), Outcome(scenario, "spend_gbp__council"));
        Assert.Equal(0, Outcome(scenario, "unmet_hours_total"));
    }

    [Theory]
    [InlineData(ProviderRole.Lead)]
    [InlineData(ProviderRole.Framework)]
    [InlineData(ProviderRole.Spot)]
    public void A_tie_between_providers_goes_to_the_id_that_sorts_first_whatever_the_file_order(ProviderRole role)
    {
        var onePackage = TestMarkets.Demand(startingCaseload: 1, hours: new Distribution(DistributionKind.Fixed, 5), length: new Distribution(DistributionKind.Fixed, 1000));
        ProviderSpec[] providers = [TestMarkets.Provider("p1", role, 10, 12), TestMarkets.Provider("p2", role, 10, 20)];

        // p1 and p2 have 10 h spare each: the 5 h package goes to p1 at £12 an hour for 4 weeks.
        Assert.Equal(5 * 12 * 4, Outcome(TestMarkets.OneZone(onePackage, horizonWeeks: 4, providers), "spend_gbp__council"));
        Assert.Equal(5 * 12 * 4, Outcome(TestMarkets.OneZone(onePackage, horizonWeeks: 4, [.. providers.Reverse()]), "spend_gbp__council"));
    }

    [Fact]
    public void Every_hour_of_need_is_either_delivered_or_counted_unmet()
    {
        var demand = TestMarkets.Demand(
            startingCaseload: 40,
            weeklyReferrals: 4,
            hours: new Distribution(DistributionKind.Fixed, 5),
            length: new Distribution(DistributionKind.Exponential, 10));
        var scenario = TestMarkets.OneZone(demand, horizonWeeks: 100, TestMarkets.Provider("lead", ProviderRole.Lead, 150, 10));
        var schema = new MarketSim.Grains.Outcomes.OutcomeSchema(scenario);

        for (var run = 0; run < 20; run++)
        {
            var o = Runner.OneRun(scenario, run: run);
            var needHours = 5 * o[schema.IndexOf("caseload_mean_people")] * 100;
            Assert.Equal(needHours, o[schema.IndexOf("delivered_hours_total")] + o[schema.IndexOf("unmet_hours_total")], 6);
            Assert.True(o[schema.IndexOf("unmet_hours_total")] > 0, "capacity of 30 packages against a caseload of 40 must leave some need unmet");
            Assert.True(o[schema.IndexOf("delivered_hours_total")] > 150 * 100 * 0.95, "waiting people must be placed as packages end");
        }
    }
}
