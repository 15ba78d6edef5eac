using MarketSim.Simulator.Scenarios;

namespace MarketSim.Tests.Uncertainty;

/// <summary>A distribution with bad parameters gets one message naming the file, line, field and what is allowed.</summary>
public class UncertainValidationTests
{
    private const string Template = """
        name: Checks
        start_date: 2020-04-01
        horizon_years: HORIZON
        zones:
          - id: north
            name: NAME
            demand:
              starting_caseload_people: 20
              weekly_referrals_people: REFERRALS
              annual_growth: GROWTH
              weekly_hours: { distribution: fixed, mean: 10 }
              package_length_weeks: { distribution: exponential, mean: 10 }
              funding_mix: { council: 1 }
        providers:
          - { id: lead, role: lead, zones: [north], capacity_weekly_hours: 200, rate_gbp_per_hour: 16 }
        commissioners:
          - { id: council, funds: [council], annual_budgets_gbp: [150000] }
        """;

    private static List<string> Problems(string growth = "0.02", string referrals = "2", string name = "North", string horizon = "1") =>
        [.. ScenarioLoader.Parse(Template.Replace("GROWTH", growth).Replace("REFERRALS", referrals).Replace("NAME", name).Replace("HORIZON", horizon), "checks.yaml")
            .Problems.Select(p => p.ToString())];

    private static void Single(List<string> problems, params string[] parts)
    {
        var problem = Assert.Single(problems);
        Assert.StartsWith("checks.yaml:", problem);
        foreach (var part in parts)
        {
            Assert.Contains(part, problem);
        }
    }

    [Fact]
    public void Every_kind_with_good_parameters_is_accepted()
    {
        string[] good =
        [
            "{ distribution: uniform, min: 0.01, max: 0.04 }",
            "{ distribution: triangular, min: 0.01, mode: 0.02, max: 0.04, source: \"x\" }",
            "{ distribution: pert, min: 0.01, mode: 0.02, max: 0.04, lambda: 3 }",
            "{ distribution: normal, mean: 0.02, sd: 0.01, min: -0.5, max: 1 }",
            "{ distribution: lognormal, mean: 0.02, sd: 0.01, max: 1 }",
            "{ distribution: gamma, shape: 2, scale: 0.01, max: 1 }",
            "{ distribution: gamma, mean: 0.02, sd: 0.01, max: 1 }",
            "{ distribution: beta, alpha: 2, beta: 5, min: 0, max: 0.1 }",
            "{ distribution: discrete, values: [0.01, 0.02], weights: [1, 3] }",
            "{ distribution: empirical, values: [0.01, 0.015, 0.03] }",
        ];
        Assert.All(good, g => Assert.Empty(Problems(g)));
    }

    [Fact]
    public void Min_mode_max_out_of_order_is_an_error_saying_min_le_mode_le_max() =>
        Single(Problems("{ distribution: triangular, min: 0.03, mode: 0.02, max: 0.04 }"),
            "checks.yaml:10:", "zones[0].demand.annual_growth", "min 0.03, mode 0.02, max 0.04 are out of order", "allowed: min ≤ mode ≤ max");

    [Fact]
    public void Uniform_with_min_not_below_max_is_an_error() =>
        Single(Problems("{ distribution: uniform, min: 0.04, max: 0.04 }"), "zones[0].demand.annual_growth", "min 0.04 is not below max 0.04; allowed: min < max");

    [Fact]
    public void A_standard_deviation_that_is_not_positive_is_an_error() =>
        Single(Problems("{ distribution: normal, mean: 0.02, sd: 0, min: 0, max: 0.1 }"), "zones[0].demand.annual_growth.sd", "is out of range; allowed: a number > 0");

    [Fact]
    public void Negative_weights_are_an_error() =>
        Single(Problems("{ distribution: discrete, values: [0.01, 0.02], weights: [1, -1] }"), "zones[0].demand.annual_growth.weights[1]", "-1 is negative; allowed: a weight ≥ 0");

    [Fact]
    public void Weights_summing_to_zero_are_an_error() =>
        Single(Problems("{ distribution: discrete, values: [0.01, 0.02], weights: [0, 0] }"), "zones[0].demand.annual_growth", "the weights sum to 0; allowed: weights ≥ 0 with a sum above 0");

    [Fact]
    public void As_many_weights_as_values_are_needed() =>
        Single(Problems("{ distribution: discrete, values: [0.01, 0.02], weights: [1] }"), "2 values but 1 weights; allowed: one weight ≥ 0 for each value");

    [Fact]
    public void An_unknown_kind_gets_a_did_you_mean_and_the_list_of_kinds() =>
        Single(Problems("{ distribution: traingular, min: 0.01, mode: 0.02, max: 0.04 }"),
            "zones[0].demand.annual_growth.distribution", "'traingular' is not allowed; did you mean 'triangular'?", "allowed: uniform, triangular, pert, normal, lognormal, gamma, beta, discrete, empirical");

    [Fact]
    public void A_kind_of_the_per_person_distributions_is_not_an_uncertain_input_kind() =>
        Single(Problems("{ distribution: exponential, mean: 0.02 }"), "'exponential' is not allowed; allowed: uniform, triangular");

    [Fact]
    public void An_unknown_parameter_gets_a_did_you_mean_and_the_parameters_of_the_kind() =>
        Single(Problems("{ distribution: triangular, min: 0.01, mod: 0.02, max: 0.04 }"),
            "zones[0].demand.annual_growth.mod", "unknown field 'mod'; did you mean 'mode'?", "allowed here: distribution, min, mode, max, source");

    [Fact]
    public void A_distribution_on_a_text_field_is_an_error() =>
        Single(Problems(name: "{ distribution: uniform, min: 1, max: 2 }"), "zones[0].name", "is text or an id and cannot be uncertain");

    [Fact]
    public void A_distribution_on_the_horizon_is_an_error() =>
        Single(Problems(horizon: "{ distribution: uniform, min: 1, max: 2 }"), "horizon_years", "this value cannot be uncertain", "it sets the length of every output series");

    [Fact]
    public void A_distribution_as_a_parameter_of_a_distribution_is_an_error() =>
        Single(Problems("{ distribution: uniform, min: { distribution: uniform, min: 0, max: 0.01 }, max: 0.04 }"), "zones[0].demand.annual_growth.min", "this value cannot be uncertain");

    [Fact]
    public void An_untruncated_normal_on_a_field_that_cannot_be_negative_is_an_error_suggesting_truncation() =>
        Single(Problems(referrals: "{ distribution: normal, mean: 2, sd: 1 }"),
            "zones[0].demand.weekly_referrals_people", "this normal distribution can take any value, outside what the field allows", "allowed: a number of people a week ≥ 0", "truncate it with min: and max:");

    [Fact]
    public void A_support_past_the_fields_maximum_is_an_error() =>
        Single(Problems("{ distribution: uniform, min: 0.5, max: 1.5 }"),
            "zones[0].demand.annual_growth", "this uniform distribution takes values from 0.5 to 1.5, outside what the field allows", "allowed: a yearly growth rate from -0.5 to 1");

    [Fact]
    public void A_gamma_on_a_bounded_field_must_be_truncated() =>
        Single(Problems("{ distribution: gamma, mean: 0.02, sd: 0.01 }"), "can take any value above 0", "truncate it with min: and max:");

    [Fact]
    public void A_shock_week_that_can_fall_after_the_horizon_is_an_error_at_the_week()
    {
        var text = Template.Replace("GROWTH", "0.02").Replace("REFERRALS", "2").Replace("NAME", "North").Replace("HORIZON", "1")
            + "\nshocks:\n  - { type: demand_surge, week: { distribution: uniform, min: 10, max: 60 }, weeks: 4, multiplier: 1.5 }\n";

        var problems = ScenarioLoader.Parse(text, "checks.yaml").Problems.Select(p => p.ToString()).ToList();

        Single(problems, "checks.yaml:19:", "shocks[0].week", "at its highest value 60 the scenario is not valid", "is after the horizon; allowed: a week from 0 to 51");
    }

    [Fact]
    public void A_missing_parameter_is_an_error_naming_it() =>
        Single(Problems("{ distribution: pert, min: 0.01, max: 0.04 }"), "zones[0].demand.annual_growth", "missing required field 'mode'");

    [Fact]
    public void A_truncation_that_keeps_almost_nothing_is_an_error() =>
        Single(Problems("{ distribution: normal, mean: 0.9, sd: 0.001, min: -0.5, max: 0.5 }"), "min and max keep almost none of the normal distribution");
}
