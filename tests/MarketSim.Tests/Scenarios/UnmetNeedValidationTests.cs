using MarketSim.Simulator.Scenarios;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Scenarios;

/// <summary>The unmet_need section: read from the file, and bad values rejected with one clear message each.</summary>
public class UnmetNeedValidationTests
{
    private static readonly string Dorset = File.ReadAllText(Repo.Scenario("dorset-pool-2017.yaml"));

    private static string[] Problems(string yaml) =>
        [.. ScenarioLoader.Parse(yaml, "dorset.yaml").Problems.Select(p => p.ToString())];

    [Fact]
    public void The_Dorset_scenario_values_an_unmet_hour_and_charges_it_to_the_CCG()
    {
        var unmet = ScenarioLoader.Load(Repo.Scenario("dorset-pool-2017.yaml")).UnmetNeed!;

        // 0.5 × 7 bed days × £250 / 20 hours a week.
        Assert.Equal(43.75, unmet.CostGbpPerHour);
        var share = Assert.Single(unmet.BorneBy!);
        Assert.Equal(("dorset_ccg", 1.0), (share.CommissionerId, share.Share));
    }

    [Theory]
    [InlineData("value: 43.75", "value: -5", "unmet_need.cost_gbp_per_hour.value: -5 is negative")]
    [InlineData("commissioner: dorset_ccg, share: 1,", "commissioner: dorset_cgc, share: 1,", "unmet_need.borne_by[0].commissioner: unknown commissioner 'dorset_cgc'; did you mean 'dorset_ccg'?")]
    [InlineData("commissioner: dorset_ccg, share: 1,", "commissioner: dorset_ccg, share: 0.6,", "unmet_need.borne_by: shares sum to 0.6; allowed: shares that sum to 1")]
    [InlineData("commissioner: dorset_ccg, share: 1,", "commissioner: dorset_ccg, share: 1.5,", "unmet_need.borne_by[0].share: 1.5 is out of range")]
    [InlineData("borne_by:\n    - { commissioner: dorset_ccg", "borne_by:\n    - { commissioner: dcc, share: 0.5 }\n    - { commissioner: dcc", "unmet_need.borne_by[1].commissioner: 'dcc' is named more than once; allowed: each commissioner once")]
    [InlineData("  borne_by:", "  borne_bye:", "unknown field 'borne_bye'")]
    public void A_bad_unmet_need_section_gets_one_clear_message(string good, string bad, string expected)
    {
        Assert.Contains(good, Dorset);

        var problem = Assert.Single(Problems(Dorset.Replace(good, bad)));

        Assert.Contains(expected, problem);
        Assert.StartsWith("dorset.yaml:", problem);
    }

    [Fact]
    public void A_missing_unmet_need_section_values_unmet_need_at_zero()
    {
        var start = Dorset.IndexOf("unmet_need:", StringComparison.Ordinal);
        var end = Dorset.IndexOf("pooled_budgets:", StringComparison.Ordinal);

        var scenario = ScenarioLoader.Parse(Dorset.Remove(start, end - start), "dorset.yaml").Scenario;

        Assert.NotNull(scenario);
        Assert.Null(scenario.UnmetNeed);
    }
}
