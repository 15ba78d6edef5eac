using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Demand;

public class SelfFunderTests
{
    [Fact]
    public void A_self_funder_becomes_council_funded_when_savings_reach_the_capital_limit()
    {
        // One self-funder, 10 h a week at £20 × 1.25 = £250 a week, £30,000 of savings:
        // (30,000 − 23,250) / 250 = 27 weeks of self-funding, then the council pays.
        var demand = TestMarkets.Demand(
            startingCaseload: 1,
            hours: new Distribution(DistributionKind.Fixed, 10),
            length: new Distribution(DistributionKind.Fixed, 10_000),
            funding: [0, 0, 0, 1]);
        var scenario = TestMarkets.OneZone(demand, 52, TestMarkets.Provider("lead", ProviderRole.Lead, 100, 20)) with
        {
            SelfFunders = new SelfFunderSpec(0.25, new Distribution(DistributionKind.Fixed, 30_000), 23_250),
        };
        var schema = new OutcomeSchema(scenario);

        var o = Runner.OneRun(scenario);

        Assert.Equal(1, o[OutcomeSchema.SelfFunderConversions]);
        Assert.Equal(27 * 250, o[OutcomeSchema.SelfFunderSpend]);
        Assert.Equal((52 - 27) * 10 * 20, o[schema.IndexOf("spend_gbp__council")]);
    }

    [Fact]
    public void Without_a_savings_model_self_funders_never_convert()
    {
        var demand = TestMarkets.Demand(startingCaseload: 20, weeklyReferrals: 2, funding: [0.5, 0, 0, 0.5]);
        var scenario = TestMarkets.OneZone(demand, 104) with { SelfFunders = new SelfFunderSpec(0.2, null, 23_250) };

        var o = Runner.OneRun(scenario);

        Assert.Equal(0, o[OutcomeSchema.SelfFunderConversions]);
        Assert.True(o[OutcomeSchema.SelfFunderSpend] > 0);
    }
}
