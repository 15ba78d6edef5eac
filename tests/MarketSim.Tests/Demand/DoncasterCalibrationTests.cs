using MarketSim.Grains.Scenario;
using MarketSim.Simulator.Scenarios;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Demand;

/// <summary>
/// The bundled Doncaster scenario against the seed (004 para 22): £10.64m a year at £14.36 an hour,
/// about 14,250 paid hours a week. Growth and winter swing are switched off to compare with the
/// seed's steady figure, and so are the market dynamics (workforce, costs, failure, uplifts):
/// this is the seed's market as commissioned; everything else is the bundled file.
/// </summary>
public class DoncasterCalibrationTests
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
    public void Doncaster_pays_for_about_14250_hours_a_week_in_its_first_weeks()
    {
        var summary = Runner.Summarise(SteadyDoncaster(), 400);

        var paid = summary.Column("paid_hours_per_week_first_4_weeks");
        Assert.InRange(paid.Mean, SeedPaidHoursPerWeek - (Z * paid.StdError), SeedPaidHoursPerWeek + (Z * paid.StdError));
        Assert.True(paid.StdError < 0.002 * SeedPaidHoursPerWeek, $"SE {paid.StdError} too wide to judge");
    }

    [Fact]
    public void Doncaster_first_year_spend_matches_the_1064m_budget()
    {
        var summary = Runner.Summarise(SteadyDoncaster(), 400);

        // 14,250 hours a week × £14.36 × 52 weeks = £10,640,760: the seed's £10.64m.
        var spend = summary.Column("spend_gbp__doncaster_council");
        var expected = SeedPaidHoursPerWeek * 14.36 * 52;
        Assert.InRange(spend.Mean, expected - (Z * spend.StdError), expected + (Z * spend.StdError));
    }
}
