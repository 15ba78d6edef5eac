using MarketSim.Grains.Scenario;
using MarketSim.Simulator.Scenarios;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Demand;

/// <summary>
/// The bundled Doncaster scenario's derived caseload, not a calibration: the file derives its starting caseload
/// of 250 a zone from the seed's 14,250 paid hours a week (004 para 22) / 6 zones / 9.5 hours a package, so the
/// 14,250 hours checked here are the input coming back. What these tests pin is that placement and the
/// package-hours sampler give it back: everyone of that caseload is placed in the first weeks, at a mean of
/// 9.5 hours, and paid at £14.36 an hour that is the seed's £10.64m a year. Growth and winter swing are switched
/// off to compare with the seed's steady figure, and so are the market dynamics (workforce, costs, failure,
/// uplifts); everything else is the bundled file.
/// </summary>
public class DoncasterDerivedCaseloadTests
{
    private const double SeedPaidHoursPerWeek = 14_250;
    private const double Z = 4;

    private static MarketScenario SteadyDoncaster()
    {
        var scenario = ScenarioLoader.Load(Repo.Scenario("doncaster-ccash.yaml"));
        return scenario with
        {
            HorizonWeeks = 52,
            Zones = [.. scenario.Zones.Select(z => z with { Demand = z.Demand with { AnnualGrowth = 0, WinterAmplitude = 0 } })],
            Providers = [.. scenario.Providers.Select(p => p with { Workforce = null, Costs = null, Failure = null })],
            Economy = null,
            RateSetting = null,
        };
    }

    [Fact]
    public void Placement_and_the_hours_sampler_give_back_the_14250_hours_a_week_the_caseload_was_derived_from()
    {
        var summary = Runner.Summarise(SteadyDoncaster(), 400);

        var paid = summary.Column("paid_hours_per_week_first_4_weeks");
        Assert.InRange(paid.Mean, SeedPaidHoursPerWeek - (Z * paid.StdError), SeedPaidHoursPerWeek + (Z * paid.StdError));
        Assert.True(paid.StdError < 0.002 * SeedPaidHoursPerWeek, $"SE {paid.StdError} too wide to judge");
    }

    [Fact]
    public void The_derived_caseload_paid_at_14_36_an_hour_spends_the_seeds_10_64m_in_its_first_year()
    {
        var summary = Runner.Summarise(SteadyDoncaster(), 400);

        // 14,250 hours a week × £14.36 × 52 weeks = £10,640,760: the seed's £10.64m.
        var spend = summary.Column("spend_gbp__doncaster_council");
        var expected = SeedPaidHoursPerWeek * 14.36 * 52;
        Assert.InRange(spend.Mean, expected - (Z * spend.StdError), expected + (Z * spend.StdError));
    }
}
