using System.Globalization;
using System.Text.RegularExpressions;
using MarketSim.Simulator.Reports;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Reports;

/// <summary>The units report.html's "Assumptions" gives each scenario input, read from its field's name and place.</summary>
public partial class AssumptionUnitsTests
{
    // Numbers that have no unit: a correlation, a persistence (a year-to-year correlation) and an elasticity.
    private static readonly HashSet<string> PureNumbers = ["rank_correlation", "other_work_persistence", "recruitment_wage_elasticity"];

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();

    public static TheoryData<string> BundledScenarios() =>
        [.. Directory.GetFiles(Path.Combine(Repo.Root, "scenarios"), "*.yaml").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [InlineData("doncaster-ccash.yaml", "provider_defaults.workforce.contact_hours_per_worker_per_week", "hours a week")]
    [InlineData("doncaster-ccash.yaml", "provider_defaults.workforce.recruitment_wage_elasticity", "")]
    [InlineData("doncaster-ccash.yaml", "zones[0].demand.winter.peak_week_of_year", "week of the year (0 = first week of January)")]
    [InlineData("doncaster-ccash.yaml", "zones[0].demand.weekly_referrals_people", "people a week")]
    [InlineData("doncaster-ccash.yaml", "zones[0].demand.funding_mix.council", "fraction")]
    [InlineData("doncaster-ccash.yaml", "horizon_years", "years")]
    [InlineData("doncaster-ccash.yaml", "provider_defaults.costs.travel_hours_per_contact_hour", "hours per contact hour")]
    [InlineData("doncaster-ccash.yaml", "provider_defaults.costs.mileage_gbp_per_contact_hour", "£ a contact hour")]
    [InlineData("doncaster-ccash.yaml", "provider_defaults.failure.hand_back_after_weeks_below_cost", "weeks")]
    [InlineData("dorset-pool-2017.yaml", "pooled_budgets[0].partners[0].contribution_gbp_per_year", "£ a year")]
    [InlineData("dorset-pool-2017.yaml", "pooled_budgets[0].risk_share_models[5].caps.dorset_ccg.percent_of_contribution", "percent")]
    [InlineData("banes-your-care-your-way.yaml", "pooled_budgets[0].risk_share_models[2].shares.banes_ccg", "fraction")]
    public void An_input_gets_the_unit_its_field_is_in(string scenario, string path, string unit)
    {
        var inputs = ScenarioAssumptions.Read(File.ReadAllText(Repo.Scenario(scenario)));

        Assert.Equal(unit, Assert.Single(inputs, a => a.Path == path).Unit);
    }

    [Theory]
    [MemberData(nameof(BundledScenarios))]
    public void Every_number_of_a_bundled_scenario_has_a_unit_unless_it_is_a_pure_number(string scenario)
    {
        var inputs = ScenarioAssumptions.Read(File.ReadAllText(Repo.Scenario(scenario)));

        var numbers = inputs.Where(a => double.TryParse(a.Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        Assert.All(numbers, a => Assert.True(a.Unit.Length > 0 || PureNumbers.Contains(Index().Replace(a.Path, "").Split('.')[^1]), $"{a.Path} = {a.Value} has no unit"));
    }

    [Theory]
    [MemberData(nameof(BundledScenarios))]
    public void Every_input_of_a_bundled_scenario_has_a_source_of_its_own_or_of_the_block_around_it(string scenario)
    {
        var inputs = ScenarioAssumptions.Read(File.ReadAllText(Repo.Scenario(scenario)));

        Assert.All(inputs, a => Assert.True(a.Source != ScenarioAssumption.NoSource, $"{a.Path} = {a.Value} has no source"));
    }
}
