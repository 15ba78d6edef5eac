using MarketSim.Grains.Market;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;
using MarketSim.Silo.Runs;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Demand;

/// <summary>The demand model against queueing theory: with ample capacity a zone is an M/G/∞ queue.</summary>
public class CaseloadQueueTests
{
    private const double Z = 4; // |estimate − truth| < 4 standard errors: a false alarm about once in 16,000 seeds

    [Fact]
    public void Steady_state_caseload_of_an_MM_infinity_queue_has_mean_and_variance_lambda_L()
    {
        const double lambda = 20, meanLength = 10;
        var scenario = TestMarkets.OneZone(
            TestMarkets.Demand(weeklyReferrals: lambda, length: new Distribution(DistributionKind.Exponential, meanLength)),
            horizonWeeks: 200);
        var collector = new ColumnCollector(OutcomeSchema.CaseloadFinal, new OutcomeSchema(scenario).Stride);

        MonteCarloRunner.Run(() => new Market(scenario), new RunPlan(2024, 4000, 2), collector);

        var (mean, variance, varianceSe) = collector.Moments();
        var meanSe = Math.Sqrt(variance / collector.Values.Count);
        Assert.InRange(mean, (lambda * meanLength) - (Z * meanSe), (lambda * meanLength) + (Z * meanSe));
        Assert.InRange(variance, (lambda * meanLength) - (Z * varianceSe), (lambda * meanLength) + (Z * varianceSe));
    }

    [Theory]
    [InlineData(DistributionKind.Exponential, 10, 0)]
    [InlineData(DistributionKind.Gamma, 10, 5)]
    [InlineData(DistributionKind.LogNormal, 10, 8)]
    [InlineData(DistributionKind.Fixed, 10, 0)]
    public void A_starting_caseload_in_steady_state_stays_at_lambda_times_mean_length(DistributionKind kind, double mean, double sd)
    {
        const double lambda = 20;
        var scenario = TestMarkets.OneZone(
            TestMarkets.Demand(startingCaseload: (int)(lambda * mean), weeklyReferrals: lambda, length: new Distribution(kind, mean, sd)),
            horizonWeeks: 3);

        var summary = Runner.Summarise(scenario, 4000);

        var caseload = summary.Column("caseload_final_people");
        Assert.InRange(caseload.Mean, (lambda * mean) - (Z * caseload.StdError), (lambda * mean) + (Z * caseload.StdError));
    }
}
