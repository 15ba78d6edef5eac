using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Pricing;
using MarketSim.Grains.Randomness;
using MarketSim.Grains.Scenario;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Pricing;

public class RateSettingTests
{
    /// <summary>The April NLW 2016-2020 (£7.20, 7.50, 7.83, 8.21, 8.72).</summary>
    private static readonly double[] Nlw2016 = [7.20, 7.50, 7.83, 8.21, 8.72];

    private static readonly DemandSpec SteadyCaseload = TestMarkets.Demand(
        startingCaseload: 10,
        hours: new Distribution(DistributionKind.Fixed, 5),
        length: new Distribution(DistributionKind.Fixed, 10_000));

    private static MarketScenario FiveYears(RateSettingSpec policy, ShockSpec[]? shocks = null) =>
        TestMarkets.OneZone(SteadyCaseload, 5 * 52, TestMarkets.Provider("lead", ProviderRole.Lead, 100, 14.36)) with
        {
            Economy = new EconomySpec(Nlw2016, 0.04, 0, 0.02, 0, 1),
            RateSetting = policy,
            Shocks = shocks,
        };

    [Fact]
    public void NLW_linked_uplift_with_no_volatility_follows_the_closed_form_rate_path()
    {
        var o = Runner.OneRun(FiveYears(new RateSettingSpec(UpliftPolicy.NlwLinked, 0, UpliftPolicy.Fixed, null)));

        // rate(y) = 14.36 × NLW(y) / NLW(0); the final year is y = 4, and every year has the same hours.
        Assert.Equal(14.36 * 8.72 / 7.20, o[OutcomeSchema.FinalYearRate], 10);
        Assert.Equal(Nlw2016.Average(n => 14.36 * n / 7.20), o[OutcomeSchema.MeanRate], 10);
    }

    [Fact]
    public void Fixed_and_CPI_linked_uplifts_compound_yearly()
    {
        var fixedRate = Runner.OneRun(FiveYears(new RateSettingSpec(UpliftPolicy.Fixed, 3, UpliftPolicy.Fixed, null)));
        var cpiRate = Runner.OneRun(FiveYears(new RateSettingSpec(UpliftPolicy.CpiLinked, 0, UpliftPolicy.Fixed, null)));

        Assert.Equal(14.36 * Math.Pow(1.03, 4), fixedRate[OutcomeSchema.FinalYearRate], 10);
        Assert.Equal(14.36 * Math.Pow(1.02, 4), cpiRate[OutcomeSchema.FinalYearRate], 10);
    }

    [Fact]
    public void A_rate_freeze_skips_the_uplift_of_the_year_it_covers()
    {
        var o = Runner.OneRun(FiveYears(
            new RateSettingSpec(UpliftPolicy.Fixed, 3, UpliftPolicy.Fixed, null),
            [new ShockSpec(ShockKind.RateFreeze, 2 * 52, 52, 0, null)]));

        Assert.Equal(14.36 * Math.Pow(1.03, 3), o[OutcomeSchema.FinalYearRate], 10);
    }

    [Fact]
    public void A_budget_cap_limits_the_uplift_to_what_the_budget_affords()
    {
        // Spend is 50 h × £14.36 × 52 = £37,336 a year; a budget of £38,000 affords 1.78%, less than the 3% wanted.
        var scenario = FiveYears(new RateSettingSpec(UpliftPolicy.BudgetCapped, 3, UpliftPolicy.Fixed, "council")) with
        {
            Commissioners = [new CommissionerSpec("council", "Council", [FundingStream.Council], [38_000])],
            HorizonWeeks = 2 * 52,
        };

        var o = Runner.OneRun(scenario);

        Assert.Equal(14.36 * 38_000 / (50 * 14.36 * 52), o[OutcomeSchema.FinalYearRate], 10);
    }

    [Fact]
    public void A_budget_cap_divides_this_years_budget_by_last_years_spend()
    {
        // Year 0 spends £37,336. Year 1's uplift is £38,000 / £37,336 (1.78%, below the 3% wanted), so year 1 spends
        // exactly £38,000; year 2's is £39,000 / £38,000 (2.63%). The rate of year 2 is 14.36 × 39,000 / 37,336.
        // Last year's budget over last year's spend would give 14.36 × 38,000 / 37,336; this year's spend so far (0 at
        // the year start) would give the 3% wanted.
        var scenario = FiveYears(new RateSettingSpec(UpliftPolicy.BudgetCapped, 3, UpliftPolicy.Fixed, "council")) with
        {
            Commissioners = [new CommissionerSpec("council", "Council", [FundingStream.Council], [37_500, 38_000, 39_000])],
            HorizonWeeks = 3 * 52,
        };
        const double spendYear0 = 50 * 14.36 * 52;

        var o = Runner.OneRun(scenario);

        Assert.Equal(14.36 * 39_000 / spendYear0, o[OutcomeSchema.FinalYearRate], 10);
        Assert.Equal((14.36 + (14.36 * 38_000 / spendYear0) + (14.36 * 39_000 / spendYear0)) / 3, o[OutcomeSchema.MeanRate], 10);
    }

    [Fact]
    public void A_budget_below_last_years_spend_leaves_rates_where_they_are_never_cutting_them()
    {
        // £30,000 affords 80% of last year's £37,336: the uplift is floored at 1, so the rate stays £14.36 rather than £11.54.
        var scenario = FiveYears(new RateSettingSpec(UpliftPolicy.BudgetCapped, 3, UpliftPolicy.Fixed, "council")) with
        {
            Commissioners = [new CommissionerSpec("council", "Council", [FundingStream.Council], [30_000])],
            HorizonWeeks = 2 * 52,
        };

        var o = Runner.OneRun(scenario);

        Assert.Equal(14.36, o[OutcomeSchema.FinalYearRate], 10);
        Assert.Equal(14.36, o[OutcomeSchema.MeanRate], 10);
    }

    [Fact]
    public void A_wage_shock_raises_the_rate_gap_by_the_rise_in_wage_costs()
    {
        var costs = new CostSpec(0.5, 0.25, 0.2, 1, 3);
        var provider = TestMarkets.Provider("lead", ProviderRole.Lead, 100, 14.36) with { Costs = costs };
        MarketScenario Market(ShockSpec[] shocks) => TestMarkets.OneZone(SteadyCaseload, 52, provider) with
        {
            Economy = new EconomySpec(Nlw2016, 0.04, 0, 0.02, 0, 1),
            Shocks = shocks,
        };

        var calm = Runner.OneRun(Market([]));
        var shocked = Runner.OneRun(Market([new ShockSpec(ShockKind.Wage, 0, int.MaxValue / 2, 0.1, null)]));

        var costBefore = ((7.20 + 0.5) * 1.25 * 1.2) + 4;
        var costAfter = (((7.20 * 1.1) + 0.5) * 1.25 * 1.2) + 4;
        Assert.Equal(costBefore - 14.36, calm[OutcomeSchema.RateGap], 10);
        Assert.Equal(costAfter - 14.36, shocked[OutcomeSchema.RateGap], 10);
    }

    [Fact]
    public void Economy_path_with_no_volatility_is_the_scenario_path()
    {
        var spec = new EconomySpec(Nlw2016, 0.04, 0, 0.02, 0, 1);
        var path = new EconomyPath(spec, 7);

        path.Draw(new StreamRandom(5));

        Assert.Equal(Nlw2016, Enumerable.Range(0, 5).Select(path.Nlw).Select(x => Math.Round(x, 12)));
        Assert.Equal(8.72 * 1.04 * 1.04, path.Nlw(6), 12);
        Assert.Equal(Math.Pow(1.02, 6), path.Cpi(6), 12);
    }

    [Fact]
    public void Economy_path_with_volatility_keeps_the_expected_NLW_on_the_path()
    {
        var spec = new EconomySpec(Nlw2016, 0.04, 0.05, 0.02, 0.01, 1);
        var path = new EconomyPath(spec, 4);
        var random = new StreamRandom(9);
        var finals = new List<double>();
        for (var i = 0; i < 20_000; i++)
        {
            path.Draw(random);
            finals.Add(path.Nlw(4));
        }

        // E[Π e^(σZ − σ²/2)] = 1, so the mean stays on the path; judged against the standard error.
        var mean = finals.Average();
        var se = Math.Sqrt(finals.Sum(x => (x - mean) * (x - mean)) / (finals.Count - 1) / finals.Count);
        Assert.InRange(mean, 8.72 - (4 * se), 8.72 + (4 * se));
        Assert.True(se > 0);
    }
}
