using MarketSim.Grains.Randomness;
using MarketSim.Grains.Scenario;
using MarketSim.Grains.Workforce;

namespace MarketSim.Tests.Workforce;

public class WorkforceTests
{
    private const double Z = 4;

    [Fact]
    public void With_no_recruitment_the_workforce_decays_geometrically_at_the_turnover_rate()
    {
        // A care wage far below the outside wage drives the wage factor, and so recruitment, to 0.
        var spec = new WorkforceSpec(ContactHoursPerWorkerPerWeek: 20, AnnualTurnover: 0.3, RecruitmentWageElasticity: 100, GapClosingWeeks: 13, StartingShare: 1);
        var random = new StreamRandom(11);
        var afterOneYear = new List<double>();
        for (var run = 0; run < 4000; run++)
        {
            var workforce = new ProviderWorkforce(spec, targetWeeklyHours: 2000);
            workforce.Reset();
            for (var week = 0; week < 52; week++)
            {
                workforce.Week(random, careWage: 5, outsideWage: 10);
            }
            afterOneYear.Add(workforce.Workers);
        }

        // E[W(52)] = W0 (1 − q)^52 = 100 × (1 − 0.3).
        var mean = afterOneYear.Average();
        var se = Math.Sqrt(afterOneYear.Sum(x => (x - mean) * (x - mean)) / (afterOneYear.Count - 1) / afterOneYear.Count);
        Assert.InRange(mean, 70 - (Z * se), 70 + (Z * se));
    }

    [Fact]
    public void A_mobilising_provider_closes_its_workforce_gap()
    {
        var spec = new WorkforceSpec(20, 0.3, 1, GapClosingWeeks: 8, StartingShare: 0.3);
        var workforce = new ProviderWorkforce(spec, targetWeeklyHours: 2000);
        var random = new StreamRandom(3);
        workforce.Reset();
        Assert.Equal(30, workforce.Workers);

        for (var week = 0; week < 52; week++)
        {
            workforce.Week(random, careWage: 10, outsideWage: 10);
        }

        Assert.InRange(workforce.Workers, 85, 115);
        Assert.Equal(workforce.Workers * 20, workforce.CapacityWeeklyHours);
    }
}
