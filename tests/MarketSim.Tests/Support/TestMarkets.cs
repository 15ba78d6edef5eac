using MarketSim.Grains.RiskShare;
using MarketSim.Grains.Scenario;

namespace MarketSim.Tests.Support;

/// <summary>Small scenarios built in code, for tests that need exact control.</summary>
public static class TestMarkets
{
    public static readonly double[] AllCouncil = [1, 0, 0, 0];

    public static DemandSpec Demand(
        int startingCaseload = 0,
        double weeklyReferrals = 0,
        Distribution? hours = null,
        Distribution? length = null,
        double[]? funding = null) =>
        new(startingCaseload, weeklyReferrals, 0, 0, 0,
            hours ?? new Distribution(DistributionKind.Fixed, 10),
            length ?? new Distribution(DistributionKind.Exponential, 10),
            funding ?? AllCouncil);

    public static MarketScenario OneZone(DemandSpec demand, int horizonWeeks, params ProviderSpec[] providers) =>
        new("test", new DateOnly(2020, 4, 1), horizonWeeks,
            [new ZoneSpec("z", "Z", demand)],
            providers.Length > 0 ? providers : [Provider("ample", ProviderRole.Lead, 1e9, 15)],
            [new CommissionerSpec("council", "Council", [FundingStream.Council, FundingStream.DirectPayment], [1e9])],
            []);

    /// <summary>
    /// One zone funded 70 : 30 by a council ("dcc", £53,000) and a CCG ("ccg", £18,000) over two years,
    /// pooled under <paramref name="models"/> with the given threshold for P(liability &gt; threshold).
    /// </summary>
    public static MarketScenario PoolMarket(double thresholdGbp, params RiskShareSpec[] models)
    {
        var demand = Demand(startingCaseload: 100, weeklyReferrals: 10, funding: [0.7, 0.3, 0, 0]);
        return OneZone(demand, 104) with
        {
            Commissioners =
            [
                new CommissionerSpec("dcc", "Council", [FundingStream.Council], [53_000]),
                new CommissionerSpec("ccg", "CCG", [FundingStream.NhsChc], [18_000]),
            ],
            PooledBudgets = [new PooledBudgetSpec("pool", "Pool", [new("dcc", 53_000), new("ccg", 18_000)], models, ThresholdGbp: thresholdGbp)],
        };
    }

    public static ProviderSpec Provider(string id, ProviderRole role, double capacity, double rate) =>
        new(id, id, role, ["z"], capacity, rate);
}
