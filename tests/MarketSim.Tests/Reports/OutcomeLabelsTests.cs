using MarketSim.Grains.Outcomes;
using MarketSim.Simulator.Reports;
using MarketSim.Simulator.Scenarios;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Reports;

public class OutcomeLabelsTests
{
    public static TheoryData<string> BundledScenarios() =>
        [.. Directory.GetFiles(Path.Combine(Repo.Root, "scenarios"), "*.yaml").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(BundledScenarios))]
    public void Every_outcome_column_has_a_report_label_and_a_short_label_of_its_own(string fileName)
    {
        var scenario = ScenarioLoader.Load(Repo.Scenario(fileName));
        var labels = new OutcomeLabels(scenario);
        var outcomes = new OutcomeSchema(scenario).Columns.Where(c => !c.Name.StartsWith("input_", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(outcomes);
        Assert.All(outcomes, c => Assert.NotEqual(c.Description, labels.Label(c)));
        Assert.All(outcomes, c => Assert.NotEqual(c.Name, labels.Short(c.Name)));
        Assert.All(outcomes, c => Assert.DoesNotContain("__", labels.Short(c.Name), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(BundledScenarios))]
    public void Every_provider_zone_commissioner_and_pool_of_a_bundled_scenario_is_shown_by_a_name_not_its_id(string fileName)
    {
        var scenario = ScenarioLoader.Load(Repo.Scenario(fileName));
        var labels = new OutcomeLabels(scenario);
        var ids = scenario.Providers.Select(p => p.Id).Concat(scenario.Zones.Select(z => z.Id))
            .Concat(scenario.Commissioners.Select(c => c.Id)).Concat(scenario.PooledBudgets.Select(p => p.Id));

        Assert.All(ids, id => Assert.NotEqual(id, labels.EntityName(id)));
    }

    [Fact]
    public void A_pool_liability_is_named_by_pool_agreement_and_partner_in_both_forms()
    {
        var scenario = ScenarioLoader.Load(Repo.Scenario("dorset-pool-2017.yaml"));
        var labels = new OutcomeLabels(scenario);
        var column = new OutcomeSchema(scenario).Columns.First(c => c.Name.StartsWith("liability_gbp__", StringComparison.Ordinal));
        var parts = column.Name.Split("__");
        var pool = scenario.PooledBudgets.Single(p => p.Id == parts[1]);
        var partner = scenario.Commissioners.Single(c => c.Id == parts[3]).Name;
        var agreement = pool.ModelsOrDefault.Single(m => m.Id == parts[2]).Name;

        Assert.Equal($"{partner}: liability under {agreement}", labels.Label(column));
        Assert.Equal($"Liability: {pool.Name}, {agreement}, {partner}", labels.Short(column.Name));
    }

    [Fact]
    public void An_overspend_says_in_its_short_label_that_a_negative_figure_is_an_underspend()
    {
        var scenario = ScenarioLoader.Load(Repo.Scenario("dorset-pool-2017.yaml"));
        var labels = new OutcomeLabels(scenario);
        var council = scenario.Commissioners[0];
        var pool = scenario.PooledBudgets[0];

        Assert.Equal($"Overspend: {council.Name} (negative: underspend)", labels.Short($"overspend_gbp__{council.Id}"));
        Assert.Equal($"Pool overspend: {pool.Name} (negative: underspend)", labels.Short($"pool_overspend_gbp__{pool.Id}"));
        Assert.Equal($"Overspend: {council.Name} (negative: underspend)", OutcomeLabels.Short($"overspend_gbp__{council.Id}", [(labels, "base"), (labels, "other")]));
        Assert.Equal($"Spend: {council.Name}", labels.Short($"spend_gbp__{council.Id}"));
    }

    [Theory]
    [InlineData("Unmet need (care hours not delivered)", "unmet need (care hours not delivered)")]
    [InlineData("Unmet care (hours)", "unmet care (hours)")]
    [InlineData("", "")]
    public void A_label_inside_a_sentence_starts_with_a_lower_case_letter(string label, string inSentence) =>
        Assert.Equal(inSentence, OutcomeLabels.InSentence(label));

    [Fact]
    public void Inside_a_sentence_a_label_that_starts_with_a_name_keeps_the_names_capitals()
    {
        var scenario = ScenarioLoader.Load(Repo.Scenario("doncaster-ccash.yaml"));
        var labels = new OutcomeLabels(scenario);
        var columns = new OutcomeSchema(scenario).Columns.ToDictionary(c => c.Name);

        Assert.Equal("Doncaster Council: spend", labels.InSentence(columns["spend_gbp__doncaster_council"]));
        Assert.Equal("Zone 1: unmet need (care hours)", labels.InSentence(columns["unmet_hours__zone_1"]));
        Assert.Equal("unmet need (care hours not delivered)", labels.InSentence(columns["unmet_hours_total"]));
        Assert.Equal("market concentration at the end (HHI)", labels.InSentence(columns["hhi_final"]));
    }

    [Theory]
    [InlineData("paid care hours a week, mean over the horizon", "paid care hours a week, mean over the horizon")]
    [InlineData("unmet need (care hours not delivered)", "unmet need (care hours not delivered) over the horizon")]
    public void A_phrase_says_over_the_horizon_once(string phrase, string expected) =>
        Assert.Equal(expected, OutcomeLabels.OverTheHorizon(phrase));
}
