using MarketSim.Grains.PooledBudgets;
using MarketSim.Grains.Scenario;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Finance;

/// <summary>The Dorset pool (seed 000, section 7): DCC £53m and CCG £17.35m; overspends split 53 : 17.35.</summary>
public class ProportionalSplitTests
{
    private static readonly double[] Dorset = [53_000_000, 17_350_000];

    [Theory]
    [InlineData(5_000_000)]
    [InlineData(703_500)]
    [InlineData(-1_234_567.89)]
    [InlineData(0)]
    public void Overspend_is_split_in_proportion_to_contributions(double overspend)
    {
        var shares = new double[2];

        ProportionalSplit.Split(overspend, Dorset, shares);

        Assert.Equal(overspend, shares[0] + shares[1]);
        Assert.Equal(overspend * 53 / 70.35, shares[0], 6);
        Assert.Equal(overspend * 17.35 / 70.35, shares[1], 6);
    }

    [Fact]
    public void Shares_always_sum_to_the_amount_exactly()
    {
        var random = new Random(7);
        var shares = new double[5];
        for (var i = 0; i < 1000; i++)
        {
            var contributions = Enumerable.Range(0, 5).Select(_ => random.NextDouble() * 1e7).ToArray();
            var amount = (random.NextDouble() - 0.5) * 1e7;
            ProportionalSplit.Split(amount, contributions, shares);
            Assert.Equal(amount, shares.Sum(), 6);
        }
    }

    [Fact]
    public void Pooled_overspend_in_a_run_is_split_53_to_17_35_between_Dorset_partners()
    {
        // One zone whose spend runs over a pool of £70.35k a year; DCC funds council packages, the CCG CHC.
        var demand = TestMarkets.Demand(startingCaseload: 100, weeklyReferrals: 10, funding: [0.7, 0.3, 0, 0]);
        var scenario = TestMarkets.OneZone(demand, 104) with
        {
            Commissioners =
            [
                new CommissionerSpec("dcc", "Dorset County Council", [FundingStream.Council], [53_000]),
                new CommissionerSpec("ccg", "Dorset CCG", [FundingStream.NhsChc], [17_350]),
            ],
            PooledBudgets = [new PooledBudgetSpec("dorset", "Dorset pool", [new("dcc", 53_000), new("ccg", 17_350)])],
        };
        var schema = new MarketSim.Grains.Outcomes.OutcomeSchema(scenario);

        for (var run = 0; run < 10; run++)
        {
            var o = Runner.OneRun(scenario, run: run);
            var outturn = o[schema.IndexOf("spend_gbp__dcc")] + o[schema.IndexOf("spend_gbp__ccg")];
            var overspend = o[schema.IndexOf("pool_overspend_gbp__dorset")];
            var dcc = o[schema.IndexOf("liability_gbp__dorset__proportional__dcc")];
            var ccg = o[schema.IndexOf("liability_gbp__dorset__proportional__ccg")];
            Assert.Equal(outturn - (2 * 70_350), overspend, 6);
            Assert.True(overspend > 0);
            Assert.Equal(overspend, dcc + ccg, 6);
            Assert.Equal(53 / 17.35, dcc / ccg, 12);
        }
    }

    [Fact]
    public void The_bundled_Dorset_rule_fully_pooled_splits_each_runs_overspend_53_to_17_35_and_credits_the_CCG_the_0_65m_it_keeps()
    {
        // The bundled scenario, pooled in full from week 0 (it phases the pool in over year 1, whose aligned part
        // each partner bears alone): the CCG puts 18 × 53/55 = £17.35m a year into the pool and keeps the rest.
        var bundled = MarketSim.Simulator.Scenarios.ScenarioLoader.Load(Repo.Scenario("dorset-pool-2017.yaml"));
        var scenario = bundled with { PooledBudgets = [bundled.PooledBudgets[0] with { PhasingStartShare = 1, PhasingFullByWeek = 0 }] };
        var schema = new MarketSim.Grains.Outcomes.OutcomeSchema(scenario);
        var ccgIn = 18_000_000 * 53.0 / 55;
        var kept = 2 * (18_000_000 - ccgIn);

        for (var run = 0; run < 5; run++)
        {
            var o = Runner.OneRun(scenario, run: run);
            var pooled = o[schema.IndexOf("pool_overspend_gbp__dorset")] + kept;
            var dcc = o[schema.IndexOf("liability_gbp__dorset__dorset_rule__dcc")];
            var ccg = o[schema.IndexOf("liability_gbp__dorset__dorset_rule__dorset_ccg")];

            Assert.Equal(17.35, ccgIn / 1e6, 2);
            Assert.Equal(pooled * 53_000_000 / (53_000_000 + ccgIn), dcc, 4);
            Assert.Equal((pooled * ccgIn / (53_000_000 + ccgIn)) - kept, ccg, 4);
            Assert.Equal(53 / (18 * 53 / 55.0), dcc / (ccg + kept), 9); // 53 : 17.35, the seed's 17.35 being 17.345… rounded
        }
    }
}
