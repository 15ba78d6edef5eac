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
    public void A_mobilising_providers_workforce_gap_closes_as_g0_times_1_minus_q_minus_1_over_tau_to_the_t()
    {
        // The week's recursion (ProviderWorkforce.Week, wage factor 1): W' = W − Binomial(W, q) + Poisson(W*·q + max(0, W* − W)/τ).
        // While W ≤ W*, E[W' | W] = W(1 − q) + W*·q + (W* − W)/τ, so the gap g = W* − W has E[g' | g] = (1 − q − 1/τ) g,
        // linear in g, and E[g_t] = g0 (1 − q − 1/τ)^t. At t = τ = 8 the mean gap is 22.6 of g0 = 70, about four standard
        // deviations above 0, so W > W* (where max(0, ·) would bend the line) has no weight worth counting. With τ = 9
        // instead of 8 the mean workforce would be 74.4 rather than 77.4, with τ = 4 93.5, with τ = 26 51.7: the standard
        // error over 4,000 runs is about 0.1.
        const int target = 100, tau = 8;
        var spec = new WorkforceSpec(20, AnnualTurnover: 0.3, RecruitmentWageElasticity: 1, GapClosingWeeks: tau, StartingShare: 0.3);
        var q = 1 - Math.Pow(1 - 0.3, 1.0 / 52);
        var random = new StreamRandom(3);
        var atTau = new List<double>();
        for (var run = 0; run < 4000; run++)
        {
            var workforce = new ProviderWorkforce(spec, targetWeeklyHours: target * 20);
            workforce.Reset();
            Assert.Equal(30, workforce.Workers);
            for (var week = 0; week < tau; week++)
            {
                workforce.Week(random, careWage: 10, outsideWage: 10);
            }
            Assert.Equal(workforce.Workers * 20, workforce.CapacityWeeklyHours);
            atTau.Add(workforce.Workers);
        }

        var expected = target - (70 * Math.Pow(1 - q - (1.0 / tau), tau));
        Assert.Equal(77.41, expected, 2);
        AssertMeanWithin4Se(atTau, expected);
    }

    [Theory]
    [InlineData(1.0, 12.0, 1.2)]
    [InlineData(0.5, 14.0, 1.2)]
    [InlineData(1.0, 30.0, 3.0)]
    [InlineData(1.0, 50.0, 3.0)]
    public void Recruitment_is_multiplied_by_the_wage_factor_1_plus_epsilon_times_the_wage_premium_kept_below_3(double elasticity, double careWage, double factor)
    {
        // Against an outside wage of £10 the factor is 1 + ε (care − 10) / 10: 1.2 at ε = 1 and £12 or ε = 0.5 and £14,
        // 3 at ε = 1 and £30, and 5 kept to 3 at £50. One week from W0 = 500 of W* = 1,000 with τ = 10:
        // E[W1] = W0 (1 − q) + (W*·q + (W* − W0)/τ) × factor, recruits of 68.2 a week at 1.2 against 56.8 at 1 (the SE
        // over 4,000 runs is about 0.15); a factor taken against the care wage (1 + ε (care − outside) / care) would
        // give 66.3.
        var spec = new WorkforceSpec(20, AnnualTurnover: 0.3, RecruitmentWageElasticity: elasticity, GapClosingWeeks: 10, StartingShare: 0.5);
        var q = 1 - Math.Pow(1 - 0.3, 1.0 / 52);
        var random = new StreamRandom(17);
        var afterOneWeek = new List<double>();
        for (var run = 0; run < 4000; run++)
        {
            var workforce = new ProviderWorkforce(spec, targetWeeklyHours: 20_000);
            workforce.Reset();
            workforce.Week(random, careWage, outsideWage: 10);
            afterOneWeek.Add(workforce.Workers);
        }

        var expected = (500 * (1 - q)) + (((1000 * q) + (500 / 10.0)) * factor);
        AssertMeanWithin4Se(afterOneWeek, expected);
    }

    [Fact]
    public void A_provider_not_recruiting_recruits_nobody_and_shrinks_with_turnover()
    {
        // recruiting: false (a provider winding down), with a gap and a wage that would otherwise bring 3 times the
        // recruits: the workforce never grows in any week, and E[W(52)] = W0 (1 − q)^52 = 100 × (1 − 0.3).
        var spec = new WorkforceSpec(20, AnnualTurnover: 0.3, RecruitmentWageElasticity: 10, GapClosingWeeks: 4, StartingShare: 1, Recruiting: false);
        var random = new StreamRandom(23);
        var afterOneYear = new List<double>();
        for (var run = 0; run < 4000; run++)
        {
            var workforce = new ProviderWorkforce(spec, targetWeeklyHours: 2000);
            workforce.Reset();
            for (var week = 0; week < 52; week++)
            {
                var before = workforce.Workers;
                workforce.Week(random, careWage: 20, outsideWage: 10);
                Assert.True(workforce.Workers <= before, $"run {run}, week {week}: {before} workers became {workforce.Workers}");
            }
            afterOneYear.Add(workforce.Workers);
        }

        AssertMeanWithin4Se(afterOneYear, 70);
    }

    private static void AssertMeanWithin4Se(List<double> sample, double expected)
    {
        var mean = sample.Average();
        var se = Math.Sqrt(sample.Sum(x => (x - mean) * (x - mean)) / (sample.Count - 1) / sample.Count);
        Assert.InRange(mean, expected - (Z * se), expected + (Z * se));
    }
}
