using FsCheck;
using FsCheck.Fluent;
using MarketSim.Grains.RiskShare;

namespace MarketSim.Tests.RiskShare;

/// <summary>Properties that hold for every agreement and every out-turn.</summary>
public class RiskSharePropertyTests
{
    private static readonly double[] NoQuarters = [0.3, 0.5, double.NaN, double.NaN];

    private static RiskShareSpec[] Agreements(double capCcg) =>
    [
        RiskShareSpec.Proportional(),
        new("fixed", "Fixed", OverspendRule.FixedShares, Shares: [0.7, 0.3]),
        new("aligned", "Aligned", OverspendRule.Aligned),
        new("capped", "Capped", OverspendRule.CappedExposure, CapsGbp: [double.PositiveInfinity, capCcg], Partner: 0),
        new("tiered", "Tiered", OverspendRule.Tiered, Tiers: [new(2, [0.5, 0.5]), new(double.PositiveInfinity, [0.9, 0.1])]),
        new("lead", "Lead", OverspendRule.LeadBearsAll, Partner: 0),
        new("weighted", "Weighted underspend", OverspendRule.Proportional, UnderspendRule.Weighted, Partner: 0, UnderspendShare: 0.8),
        new("retained", "Retained underspend", OverspendRule.Proportional, UnderspendRule.Retained),
        new("dorset", "Dorset", OverspendRule.Proportional, Scaling: new ContributionScaling(1, 53, 55)),
        new("contingency", "Contingency", OverspendRule.Proportional, ContingencyGbp: [0, 0.65]),
        new("gainloss", "Gain/loss", OverspendRule.Proportional, GainLoss: new GainLossSharing(70, 0.3, 1, 1)),
        new("p4p", "P4P", OverspendRule.Proportional, Performance: new PaymentForPerformance(1, 0, 0.7, 100, 60)),
    ];

    private static readonly Gen<(double Dcc, double Ccg, double Cap, double Pooled)> Outturns =
        from dcc in Gen.Choose(30_000, 80_000)
        from ccg in Gen.Choose(5_000, 30_000)
        from cap in Gen.Choose(0, 5_000)
        from pooled in Gen.Choose(0, 100)
        select (dcc / 1000.0, ccg / 1000.0, cap / 1000.0, pooled / 100.0);

    [Fact]
    public void Liabilities_always_add_up_to_the_overspend_or_underspend()
    {
        Prop.ForAll(Outturns.ToArbitrary(), o =>
        {
            double[] spend = [o.Dcc, o.Ccg];
            foreach (var model in Agreements(o.Cap))
            {
                var liabilities = new double[RiskShareCalculator.Parties(model, 2)];
                RiskShareCalculator.Settle(model, spend, [53, 18], 1, o.Pooled, NoQuarters, liabilities);
                var expected = spend.Sum() - 71;
                if (Math.Abs(liabilities.Sum() - expected) > 1e-9)
                {
                    return false;
                }
            }
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void No_capped_partner_pays_above_its_cap()
    {
        Prop.ForAll(Outturns.ToArbitrary(), o =>
        {
            var model = new RiskShareSpec("capped", "Capped", OverspendRule.CappedExposure, CapsGbp: [double.PositiveInfinity, o.Cap], Partner: 0);
            var liabilities = new double[2];
            RiskShareCalculator.Settle(model, [o.Dcc, o.Ccg], [53, 18], 1, 1, NoQuarters, liabilities);
            return liabilities[1] <= o.Cap + 1e-12;
        }).QuickCheckThrowOnFailure();
    }
}
