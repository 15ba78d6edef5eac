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

    public static ProviderSpec Provider(string id, ProviderRole role, double capacity, double rate) =>
        new(id, id, role, ["z"], capacity, rate);
}
