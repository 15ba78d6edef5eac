using MarketSim.Grains.Market;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.RiskShare;
using MarketSim.Grains.Scenario;
using MarketSim.Silo.Runs;
using MarketSim.Simulator.RiskShare;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.RiskShare;

public class RiskShareComparisonTests
{
    private static MarketScenario PoolMarket(params RiskShareSpec[] models) => TestMarkets.PoolMarket(10_000, models);

    private static RiskShareComparison Compare(MarketScenario scenario, int runs = 300)
    {
        var schema = new OutcomeSchema(scenario);
        var comparison = new RiskShareComparison(scenario, schema);
        MonteCarloRunner.Run(() => new Market(scenario), new RunPlan(5, runs, 2), comparison);
        return comparison;
    }

    [Fact]
    public void The_paired_difference_between_two_identical_agreements_is_exactly_zero_on_every_run()
    {
        var comparison = Compare(PoolMarket(RiskShareSpec.Proportional("a"), RiskShareSpec.Proportional("b")));

        Assert.All(comparison.Differences, d =>
        {
            Assert.Equal(300, d.Moments.Count);
            Assert.Equal(0, d.Moments.Min);
            Assert.Equal(0, d.Moments.Max);
        });
    }

    [Fact]
    public void Different_agreements_are_compared_on_the_same_futures()
    {
        var comparison = Compare(PoolMarket(
            RiskShareSpec.Proportional(),
            new RiskShareSpec("lead", "Lead bears all", OverspendRule.LeadBearsAll, Partner: 0)));

        var proportionalCcg = comparison.Lines.Single(l => l.ModelId == "proportional" && l.Party == "ccg");
        var leadCcg = comparison.Lines.Single(l => l.ModelId == "lead" && l.Party == "ccg");
        var difference = comparison.Differences.Single(d => d.Partner == "dcc");

        Assert.True(proportionalCcg.Liability.Mean > 0);
        Assert.Equal(0, leadCcg.Liability.Max);
        Assert.Equal(1, proportionalCcg.ProbabilityOfLiability);
        Assert.True(difference.Moments.Mean < 0, "the lead pays more than its proportional share of an overspend");
        Assert.True(difference.HalfWidth95 > 0);
        Assert.True(proportionalCcg.ConditionalValueAtRisk >= proportionalCcg.ValueAtRisk);
    }
}
