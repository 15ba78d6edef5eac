using MarketSim.Grains.Commissioners;
using MarketSim.Grains.PooledBudgets;
using MarketSim.Grains.RiskShare;
using MarketSim.Grains.Scenario;

namespace MarketSim.Tests.RiskShare;

/// <summary>
/// A capped agreement's percent-of-contribution cap follows each year's contribution, and both it and a cap
/// in pounds are pro rata in a part final year (the horizon's weeks in that year / 52), settled through a
/// pool over two years.
/// </summary>
public class CapByYearTests
{
    [Fact]
    public void A_percent_cap_is_each_years_contribution_times_the_percentage_pro_rata_in_a_part_year()
    {
        // Council (backstop, uncapped) contributes 100 a year; the ICB contributes 20 in year 1 and 60 in
        // year 2, capped at 10% of its contribution. The horizon is 52 + 26 weeks.
        CommissionerSpec council = new("council", "Council", [FundingStream.Council], [0]);
        CommissionerSpec icb = new("icb", "ICB", [FundingStream.NhsChc], [0]);
        var capped = new RiskShareSpec("capped", "Capped", OverspendRule.CappedExposure, Partner: 0,
            CapsGbp: [double.PositiveInfinity, double.PositiveInfinity], CapsShareOfContribution: [double.PositiveInfinity, 0.10]);
        var spec = new PooledBudgetSpec("pool", "Pool", [new("council", [100]), new("icb", [20, 60])], [capped]);
        Commissioner[] commissioners = [new(0, council, 2), new(1, icb, 2)];
        var pool = new PooledBudget(spec, commissioners);
        pool.Reset();
        double[] noQuarters = [double.NaN, double.NaN, double.NaN, double.NaN];

        // Year 1 (52 weeks, fraction 1): spend 110 + 30 = 140 against 100 + 20 = 120, overspend 20.
        // In proportion the ICB would pay 20 × 20/120 = 3.333; its cap is 10% × 20 = 2, so it pays 2
        // and the council 18.
        commissioners[0].Pay(0, 110);
        commissioners[1].Pay(0, 30);
        pool.SettleYear(0, 52, noQuarters);
        AssertPair(18, 2, pool.LiabilityGbp[0]);

        // Year 2 (26 weeks, fraction 26/52 = 0.5): contributions 100 × 0.5 = 50 and 60 × 0.5 = 30;
        // spend 70 + 30 = 100, overspend 100 − 80 = 20. In proportion the ICB would pay 20 × 30/80 = 7.5;
        // its cap is 10% × 60 × 0.5 = 3 (not 2 from year 1's contribution, nor 6 for a whole year), so
        // it pays 3 and the council 17. Over both years: council 18 + 17 = 35, ICB 2 + 3 = 5.
        commissioners[0].Pay(1, 70);
        commissioners[1].Pay(1, 30);
        pool.SettleYear(1, 26, noQuarters);
        AssertPair(35, 5, pool.LiabilityGbp[0]);
        AssertPair(18, 3, pool.WorstYearGbp[0]);
        Assert.Equal(40, pool.OverspendGbp, 12);
    }

    [Fact]
    public void A_cap_in_pounds_is_the_same_each_whole_year_and_pro_rata_in_a_part_year()
    {
        // Council (backstop) and ICB contribute 100 and 50 a year; the ICB's cap is £4 a year. The horizon
        // is 52 + 26 weeks.
        CommissionerSpec council = new("council", "Council", [FundingStream.Council], [0]);
        CommissionerSpec icb = new("icb", "ICB", [FundingStream.NhsChc], [0]);
        var capped = new RiskShareSpec("capped", "Capped", OverspendRule.CappedExposure, Partner: 0,
            CapsGbp: [double.PositiveInfinity, 4]);
        var spec = new PooledBudgetSpec("pool", "Pool", [new("council", [100]), new("icb", [50])], [capped]);
        Commissioner[] commissioners = [new(0, council, 2), new(1, icb, 2)];
        var pool = new PooledBudget(spec, commissioners);
        pool.Reset();
        double[] noQuarters = [double.NaN, double.NaN, double.NaN, double.NaN];

        // Year 1 (fraction 1): spend 120 + 60 = 180 against 150, overspend 30. In proportion the ICB
        // would pay 30 × 50/150 = 10; its cap is £4, so it pays 4 and the council 26.
        commissioners[0].Pay(0, 120);
        commissioners[1].Pay(0, 60);
        pool.SettleYear(0, 52, noQuarters);
        AssertPair(26, 4, pool.LiabilityGbp[0]);

        // Year 2 (26 weeks, fraction 0.5): contributions 50 and 25; spend 60 + 30 = 90, overspend 15. In
        // proportion the ICB would pay 15 × 25/75 = 5; its cap is £4 × 0.5 = £2 (not £4), so it pays 2
        // and the council 13. Over both years: council 26 + 13 = 39, ICB 4 + 2 = 6.
        commissioners[0].Pay(1, 60);
        commissioners[1].Pay(1, 30);
        pool.SettleYear(1, 26, noQuarters);
        AssertPair(39, 6, pool.LiabilityGbp[0]);
        AssertPair(26, 4, pool.WorstYearGbp[0]);
        Assert.Equal(45, pool.OverspendGbp, 12);
    }

    private static void AssertPair(double council, double icb, double[] actual)
    {
        Assert.Equal(council, actual[0], 12);
        Assert.Equal(icb, actual[1], 12);
    }

    [Fact]
    public void A_partner_with_both_kinds_of_cap_pays_at_most_the_lower()
    {
        var model = new RiskShareSpec("c", "Capped", OverspendRule.CappedExposure,
            CapsGbp: [double.PositiveInfinity, 1.5], CapsShareOfContribution: [double.PositiveInfinity, 0.10]);
        var caps = new double[2];

        // 10% of 20 = 2 against 1.5 in pounds: 1.5; 10% of 10 = 1 against 1.5: 1. In a half year (the
        // contributions already halved to 20 and 10) the pound cap is 0.75: 10% of 20 = 2 against 0.75
        // gives 0.75, and 10% of 5 = 0.5 against 0.75 gives 0.5.
        model.YearCapsGbp([100, 20], 1, caps);
        Assert.Equal([double.PositiveInfinity, 1.5], caps);
        model.YearCapsGbp([100, 10], 1, caps);
        Assert.Equal([double.PositiveInfinity, 1], caps);
        model.YearCapsGbp([50, 20], 0.5, caps);
        Assert.Equal([double.PositiveInfinity, 0.75], caps);
        model.YearCapsGbp([50, 5], 0.5, caps);
        Assert.Equal([double.PositiveInfinity, 0.5], caps);
    }
}
