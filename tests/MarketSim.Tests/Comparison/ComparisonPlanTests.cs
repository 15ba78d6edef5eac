using MarketSim.Silo.Runs;
using MarketSim.Simulator.Comparison;
using MarketSim.Simulator.Scenarios;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Comparison;

public class ComparisonPlanTests
{
    private static readonly string Doncaster = Repo.Scenario("doncaster-ccash.yaml");
    private static readonly string Dorset = Repo.Scenario("dorset-pool-2017.yaml");

    [Fact]
    public void Every_commissioner_liability_under_every_agreement_is_compared_by_default()
    {
        var plan = ScenarioComparison.Plan([Dorset, Dorset]);

        var names = plan.Others.Single().Outcomes.Select(o => o.Name).ToList();
        Assert.Contains("unmet_hours_total", names);
        Assert.Contains("whole_system_cost_gbp", names);
        Assert.Contains("liability_gbp__dorset__dorset_rule__dcc", names);
        Assert.Contains("liability_gbp__dorset__ccg_capped__dorset_ccg", names);
        Assert.DoesNotContain("referrals_total", names);
        Assert.Equal(WorseWhen.Higher, plan.Others.Single().Outcomes.Single(o => o.Name == "liability_gbp__dorset__aligned__dcc").WorseWhen);
        Assert.Equal("dorset-pool-2017", plan.Others.Single().Scenario.Folder);
    }

    [Fact]
    public void Each_zones_weeks_without_a_lead_provider_are_compared_by_default()
    {
        var plan = ScenarioComparison.Plan([Doncaster, Repo.Scenario("doncaster-lead-exit.yaml")]);

        var outcomes = plan.Others.Single().Outcomes.Where(o => o.Name.StartsWith("weeks_without_lead__", StringComparison.Ordinal)).ToList();
        Assert.Equal(ScenarioLoader.Load(Doncaster).Zones.Count(), outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal(WorseWhen.Higher, o.WorseWhen));
        Assert.DoesNotContain(plan.Others.Single().Outcomes, o => o.Name.StartsWith("unmet_hours__", StringComparison.Ordinal));
    }

    [Fact]
    public void Scenarios_with_different_commissioners_are_compared_on_what_they_share_and_the_rest_is_listed()
    {
        var plan = ScenarioComparison.Plan([Doncaster, DorsetOverFiveYears()]);

        var other = plan.Others.Single();
        Assert.Contains(other.Outcomes, o => o.Name == "unmet_hours_total");
        Assert.DoesNotContain(other.Outcomes, o => o.Name.Contains("__", StringComparison.Ordinal));
        Assert.Contains("spend_gbp__doncaster_council", other.OnlyInBase);
        Assert.Contains("spend_gbp__dcc", other.OnlyInOther);
        Assert.Contains("liability_gbp__dorset__dorset_rule__dorset_ccg", other.OnlyInOther);
    }

    [Fact]
    public void Scenarios_with_different_horizons_are_refused_naming_both_files_and_both_horizons()
    {
        var refused = Assert.Throws<ScenarioException>(() => ScenarioComparison.Plan([Doncaster, Dorset]));

        var problem = Assert.Single(refused.Problems).ToString();
        Assert.StartsWith($"{Dorset}: horizon_years: 2 years (104 weeks), but the base {Doncaster} runs 5 years (260 weeks)", problem, StringComparison.Ordinal);
        Assert.Contains("cannot be compared; allowed: ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scenario_that_starts_on_another_date_than_the_base_is_compared_with_a_warning_naming_both_dates()
    {
        var later = Path.Combine(Repo.TempDir(), "later.yaml");
        File.WriteAllText(later, File.ReadAllText(Doncaster).Replace("value: 2016-11-01,", "value: 2017-04-01,", StringComparison.Ordinal));

        var plan = ScenarioComparison.Plan([Doncaster, later]);

        var warning = Assert.Single(plan.Warnings);
        Assert.Contains("2017-04-01", warning, StringComparison.Ordinal);
        Assert.Contains("2016-11-01", warning, StringComparison.Ordinal);
        Assert.Empty(ScenarioComparison.Plan([Doncaster, Doncaster]).Warnings);
    }

    // Dorset's pool scenario run over Doncaster's horizon, so that the two can be compared.
    private static string DorsetOverFiveYears()
    {
        var path = Path.Combine(Repo.TempDir(), "dorset-5.yaml");
        var text = File.ReadAllText(Dorset);
        Assert.Contains("horizon_years: { value: 2,", text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace("horizon_years: { value: 2,", "horizon_years: { value: 5,", StringComparison.Ordinal));
        return path;
    }

    [Theory]
    [InlineData("unmet_hours_total", WorseWhen.Higher)]
    [InlineData("overspend_gbp__dcc", WorseWhen.Higher)]
    [InlineData("provider_exits", WorseWhen.Higher)]
    [InlineData("first_failure_week", WorseWhen.Lower)]
    [InlineData("caseload_mean_people", WorseWhen.Neither)]
    public void Each_outcome_says_which_direction_is_worse(string column, WorseWhen expected) =>
        Assert.Equal(expected, OutcomeDirection.Of(column));

    [Fact]
    public void Compare_hands_out_runs_in_batches_of_the_size_run_chooses_so_no_core_waits_on_one_thread_s_last_64_runs()
    {
        var plan = ScenarioComparison.Plan([Doncaster, Repo.Scenario("doncaster-lead-exit.yaml")]);
        var reported = new List<long>();

        ScenarioComparison.Run(plan, seed: 3, runs: 48, threads: 1, onRunsDone: reported.Add);

        Assert.Equal(16, RunPlan.DefaultBatchSize(48, 1));
        Assert.Equal([16, 32, 48, 64, 80, 96], reported);
    }
}
