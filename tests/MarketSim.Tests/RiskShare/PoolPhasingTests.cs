using MarketSim.Grains.Commissioners;
using MarketSim.Grains.PooledBudgets;
using MarketSim.Grains.RiskShare;
using MarketSim.Grains.Scenario;
using MarketSim.Simulator.Scenarios;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.RiskShare;

/// <summary>A pool phased in over its first year: the share pooled week by week, and a year settled with it, worked by hand.</summary>
public class PoolPhasingTests
{
    [Fact]
    public void Dorsets_first_year_phased_from_nothing_to_all_by_week_52_is_on_average_49_percent_aligned()
    {
        // Week w holds (w + 1)/52 of the activity in the pool, so the year's mean is (1 + 2 + … + 52)/52² = 53/104.
        var dorset = ScenarioLoader.Load(Repo.Scenario("dorset-pool-2017.yaml")).PooledBudgets.Single();

        var pooled = Enumerable.Range(0, 52).Average(dorset.PooledShare);

        Assert.Equal(1 - (53 / 104.0), 1 - pooled, 12);
        Assert.Equal(0.4904, 1 - pooled, 4);
        Assert.Equal(1, dorset.PooledShare(52));
    }

    [Fact]
    public void In_a_phased_year_a_capped_partners_liability_can_exceed_its_cap()
    {
        // DCC spends £55m against £53m, the CCG £19m against £18m: £3m over. Pooled, the CCG pays its £0.3m cap and
        // DCC, the backstop, £2.7m; aligned, each its own £2m and £1m. The year is 53/104 pooled (phased from 0 by
        // week 52), so the CCG's liability is (53 × 0.3 + 51 × 1)/104 = £0.643m, over its cap, and DCC's
        // (53 × 2.7 + 51 × 2)/104 = £2.357m; together the £3m.
        var dcc = new Commissioner(0, new CommissionerSpec("dcc", "Council", [FundingStream.Council], [53e6]), 1);
        var ccg = new Commissioner(1, new CommissionerSpec("ccg", "CCG", [FundingStream.NhsChc], [18e6]), 1);
        dcc.Pay(0, 55e6);
        ccg.Pay(0, 19e6);
        var capped = new RiskShareSpec("c", "Capped", OverspendRule.CappedExposure, CapsGbp: [double.PositiveInfinity, 0.3e6], Partner: 0);
        var spec = new PooledBudgetSpec("pool", "Pool", [new("dcc", 53e6), new("ccg", 18e6)], [capped], PhasingStartShare: 0, PhasingFullByWeek: 52);
        var pool = new PooledBudget(spec, [dcc, ccg]);
        pool.Reset();

        pool.SettleYear(0, 52, [double.NaN, double.NaN, double.NaN, double.NaN]);

        Assert.Equal(((53 * 0.3e6) + (51 * 1e6)) / 104, pool.LiabilityGbp[0][1], 6);
        Assert.Equal(((53 * 2.7e6) + (51 * 2e6)) / 104, pool.LiabilityGbp[0][0], 6);
        Assert.True(pool.LiabilityGbp[0][1] > 0.3e6);
        Assert.Equal(3e6, pool.OverspendGbp, 6);
    }
}
