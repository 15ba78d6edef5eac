using MarketSim.Simulator.Cli;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Scenarios;

/// <summary>Bad scenario files: one clear message each (file, line, field, what is allowed), exit code 2, no output.</summary>
public class ScenarioValidationTests
{
    private const string Valid = """
        name: Small
        start_date: 2020-04-01
        horizon_years: 1
        zones:
          - id: north
            demand:
              starting_caseload_people: 10
              weekly_referrals_people: 1
              weekly_hours: { distribution: gamma, mean: 10, sd: 4 }
              package_length_weeks: { distribution: exponential, mean: 10 }
              funding_mix: { council: 0.8, self_funder: 0.2 }
        providers:
          - { id: lead, role: lead, zones: [north], capacity_weekly_hours: 200, rate_gbp_per_hour: 14.36 }
        commissioners:
          - { id: council, funds: [council], annual_budgets_gbp: [100000] }
        """;

    private static (CliRun Run, string Dir, string File) RunWith(string yaml)
    {
        var dir = Repo.TempDir();
        var file = Path.Combine(dir, "scenario.yaml");
        File.WriteAllText(file, yaml);
        return (CliRun.Of("run", file, "--runs", "3", "--out", Path.Combine(dir, "out"), "--quiet"), dir, file);
    }

    private static void AssertOneClearProblem(string yaml, int line, string field, string allowed)
    {
        var (run, dir, file) = RunWith(yaml);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        var message = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"error: {file}:{line}:", message);
        if (field.Length > 0)
        {
            Assert.Contains($": {field}: ", message);
        }
        Assert.Contains(allowed, message);
        Assert.Equal(["scenario.yaml"], Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName));
    }

    [Fact]
    public void The_valid_base_scenario_runs()
    {
        var (run, dir, _) = RunWith(Valid);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(dir, "out", "runs.csv")));
    }

    [Fact]
    public void A_zone_id_used_twice_is_named_once_among_the_zones_a_provider_may_serve()
    {
        var yaml = Valid
            .Replace("""
                    funding_mix: { council: 0.8, self_funder: 0.2 }
                providers:
                """, """
                    funding_mix: { council: 0.8, self_funder: 0.2 }
                  - { id: north, demand: { starting_caseload_people: 5, weekly_referrals_people: 1, weekly_hours: { distribution: fixed, mean: 8 }, package_length_weeks: { distribution: fixed, mean: 20 }, funding_mix: { council: 1 } } }
                providers:
                """, StringComparison.Ordinal)
            .Replace("zones: [north]", "zones: [south]", StringComparison.Ordinal);

        var (run, _, _) = RunWith(yaml);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(2, run.ErrorLines.Length);
        Assert.Contains(run.ErrorLines, l => l.Contains("zones: id 'north' is used more than once", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, l => l.Contains("unknown zone 'south'", StringComparison.Ordinal) && l.EndsWith("allowed: north, or the word all", StringComparison.Ordinal));
    }

    [Fact]
    public void A_provider_id_used_twice_is_reported_once_at_the_second_entry() =>
        AssertOneClearProblem(
            Valid.Replace("""
                  - { id: lead, role: lead, zones: [north], capacity_weekly_hours: 200, rate_gbp_per_hour: 14.36 }
                """, """
                  - { id: lead, role: lead, zones: [north], capacity_weekly_hours: 200, rate_gbp_per_hour: 14.36 }
                  - { id: lead, role: framework, zones: all, capacity_weekly_hours: 50, rate_gbp_per_hour: 15 }
                """, StringComparison.Ordinal),
            14,
            "providers",
            "id 'lead' is used more than once; allowed: a different id for each entry");

    [Fact]
    public void Malformed_yaml_is_reported_with_its_line() =>
        AssertOneClearProblem(Valid.Replace("horizon_years: 1", "horizon_years: [1"), 3, "", "malformed YAML");

    [Theory]
    [InlineData("\n    demand:", "\n   demand:", 6, "malformed YAML: this line is indented neither as an item of the list above it nor as a field of that item; allowed: a list's items at one indentation")]
    [InlineData("horizon_years: 1", "horizon_years: [1]]", 3, "malformed YAML: this line is not lined up with the fields of the mapping it is in, or has text after a closing bracket; allowed: the fields of a mapping at one indentation")]
    [InlineData("funds: [council]", "funds: [council}", 15, "malformed YAML: a [ ] list that starts on or before this line is not closed where it should be (a ] missing, or a bracket too many); allowed: [a, b, c], its brackets paired")]
    [InlineData("zones: [north]", "zones: [north]]", 13, "malformed YAML: a { } mapping that starts on or before this line is not closed where it should be (a } missing, or a bracket too many); allowed: { name: value, name: value }, its brackets paired")]
    [InlineData("name: Small", "name: Small: market", 1, "malformed YAML: a ': ' inside a value, or a field indented under a field that already has a value; allowed: text with ': ' in it in quotes")]
    [InlineData("name: Small", "name: @Small", 1, "malformed YAML: a character that cannot start a YAML value (such as @ or `); allowed: text that starts with it in quotes")]
    public void The_commonest_yaml_mistakes_are_named_in_words_with_what_is_allowed(string from, string to, int line, string message) =>
        AssertOneClearProblem(Valid.Replace(from, to, StringComparison.Ordinal), line, "", message);

    [Fact]
    public void An_anchor_before_more_entries_of_a_flow_mapping_is_named_with_the_way_round_it()
    {
        const string Lead = "{ id: lead, role: lead, zones: [north], capacity_weekly_hours: 200, rate_gbp_per_hour: 14.36 }";

        AssertOneClearProblem(Valid.Replace(Lead, "{ id: lead, role: lead, zones: [north], capacity_weekly_hours: &lead_hours 200, rate_gbp_per_hour: 14.36 }", StringComparison.Ordinal),
            13, "", "13:68: malformed YAML: an anchor (&name) on a value with more entries after it in the same { } mapping, which YAML allows but the YAML reader MarketSim uses cannot read; allowed: the anchored entry last in its { }");
    }

    [Fact]
    public void An_anchor_on_the_last_entry_of_a_flow_mapping_is_read() =>
        Assert.Equal(ExitCodes.Ok, RunWith(Valid.Replace("rate_gbp_per_hour: 14.36 }", "rate_gbp_per_hour: &lead_rate 14.36 }", StringComparison.Ordinal)).Run.ExitCode);

    [Theory]
    [InlineData("annual_growth: 3%", 9, "zones[0].demand.annual_growth", "'3%' is not a number: write 0.03 for 3% (this field takes a fraction, 1 = 100%); allowed: a yearly growth rate")]
    [InlineData("annual_growth: { value: 2.5 %, source: council }", 9, "zones[0].demand.annual_growth.value", "'2.5 %' is not a number: write 0.025 for 2.5% (this field takes a fraction, 1 = 100%); allowed:")]
    [InlineData("annual_growth: { distribution: uniform, min: 1%, max: 0.04 }", 9, "zones[0].demand.annual_growth.min", "'1%' is not a number: write 0.01 for 1% (this field takes a fraction, 1 = 100%); allowed:")]
    public void A_percent_sign_in_a_rate_is_refused_with_the_decimal_to_write(string field, int line, string path, string message) =>
        AssertOneClearProblem(Valid.Replace("weekly_referrals_people: 1", $"weekly_referrals_people: 1\n      {field}", StringComparison.Ordinal), line, path, message);

    [Fact]
    public void A_percent_sign_in_a_percent_field_is_refused_with_the_number_to_write() =>
        AssertOneClearProblem(Valid + "\nrate_setting: { policy: fixed, percent: 3% }", 16, "rate_setting.percent", "'3%' is not a number: write 3 for 3% (this field is in percent); allowed: an uplift in percent a year");

    [Theory]
    [InlineData("funding_mix: { council: 0.8, self_funder: 0.2 }", "funding_mix: [council]", 11, "zones[0].demand.funding_mix", "expected a mapping of fields (key: value lines); allowed: a mapping of the fields council, nhs_chc, direct_payment, self_funder, source")]
    [InlineData("weekly_referrals_people: 1", "weekly_referrals_people: 1\n      winter: 0.1", 9, "zones[0].demand.winter", "allowed: a mapping of the fields amplitude, peak_week_of_year, source")]
    [InlineData("rate_gbp_per_hour: 14.36 }", "rate_gbp_per_hour: 14.36, failure: 60000 }", 13, "providers[0].failure", "allowed: a mapping of the fields reserves_gbp, hazard_per_year, hand_back_after_weeks_below_cost, notice_weeks, embargo, source")]
    [InlineData("commissioners:", "economy: 0.02\ncommissioners:", 14, "economy", "allowed: a mapping of the fields nlw_gbp_per_hour, nlw_growth_after_path, nlw_volatility, cpi, outside_wage_margin_gbp_per_hour, source")]
    [InlineData("zones:\n  - id: north", "zones:\n  - north\n  - id: north", 5, "zones[0]", "expected a mapping of fields (key: value lines); allowed: a mapping of the fields id, name, demand, source")]
    [InlineData("providers:\n", "providers:\n  - lead\n", 13, "providers[0]", "expected a mapping of fields (key: value lines); allowed: a mapping of the fields id, name, role, zones, capacity_weekly_hours, rate_gbp_per_hour, workforce, costs, failure, source")]
    [InlineData("providers:\n", "provider_defaults: 22\nproviders:\n", 12, "provider_defaults", "expected a mapping of fields (key: value lines); allowed: a mapping of the fields workforce, costs, failure, source")]
    [InlineData("commissioners:\n", "commissioners:\n  - council\n", 15, "commissioners[0]", "expected a mapping of fields (key: value lines); allowed: a mapping of the fields id, name, funds, annual_budgets_gbp, source")]
    [InlineData("commissioners:", "pooled_budgets: [council_pool]\ncommissioners:", 14, "pooled_budgets[0]", "expected a mapping of fields (key: value lines); allowed: a mapping of the fields id, name, partners, risk_share_models, phasing, threshold_gbp, source")]
    [InlineData("commissioners:", "unmet_need: { cost_gbp_per_hour: 40, borne_by: [council] }\ncommissioners:", 14, "unmet_need.borne_by[0]", "expected a mapping of fields (key: value lines); allowed: a mapping of the fields commissioner, share, source")]
    public void A_block_written_as_one_value_is_refused_naming_the_fields_it_takes(string from, string to, int line, string path, string message) =>
        AssertOneClearProblem(Valid.Replace(from, to, StringComparison.Ordinal), line, path, message);

    [Fact]
    public void Unknown_field_is_reported_with_a_suggestion() =>
        AssertOneClearProblem(Valid.Replace("capacity_weekly_hours", "capacity_weekly_hour"), 13, "providers[0].capacity_weekly_hour", "did you mean 'capacity_weekly_hours'?");

    [Fact]
    public void A_uniform_written_with_low_and_high_is_told_their_names_are_min_and_max()
    {
        var (run, _, _) = RunWith(Valid.Replace("rate_gbp_per_hour: 14.36", "rate_gbp_per_hour: { distribution: uniform, low: 13, high: 16 }"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(run.ErrorLines, l => l.Contains("unknown field 'low'; did you mean 'min'?", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, l => l.Contains("unknown field 'high'; did you mean 'max'?", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_field_with_no_close_name_is_followed_by_semicolon_allowed_here() =>
        AssertOneClearProblem(Valid.Replace("name: Small", "name: Small\na0: 1"), 2, "a0", "unknown field 'a0'; allowed here: name, ");

    [Fact]
    public void An_unknown_field_of_a_provider_lists_each_allowed_field_once() =>
        AssertOneClearProblem(Valid.Replace("rate_gbp_per_hour: 14.36 }", "rate_gbp_per_hour: 14.36, a0: 1 }"), 13, "providers[0].a0", "allowed here: id, name, role, zones, capacity_weekly_hours, rate_gbp_per_hour, workforce, costs, failure, source");

    [Fact]
    public void A_stream_listed_twice_in_a_commissioners_funds_is_refused_with_exit_code_2() =>
        AssertOneClearProblem(Valid.Replace("funds: [council]", "funds: [council, direct_payment, council]"), 15, "commissioners[0].funds[2]", "'council' given twice; allowed: each stream once");

    [Fact]
    public void An_unknown_zone_with_no_close_name_is_followed_by_semicolon_allowed() =>
        AssertOneClearProblem(Valid.Replace("zones: [north]", "zones: [southwest]"), 13, "providers[0].zones[0]", "unknown zone 'southwest'; allowed: north, or the word all");

    [Fact]
    public void A_provider_with_an_empty_zone_list_is_refused_rather_than_run_as_serving_no_one() =>
        AssertOneClearProblem(Valid.Replace("zones: [north]", "zones: []"), 13, "providers[0].zones", "empty list, so the provider would serve no one; allowed: a list of one or more zone ids (north), or the word all");

    [Fact]
    public void Zones_written_as_a_word_other_than_all_say_the_word_all_is_allowed() =>
        AssertOneClearProblem(Valid.Replace("zones: [north]", "zones: All"), 13, "providers[0].zones", "'All' is not a list of zones; allowed: a list of one or more zone ids (north), or the word all");

    [Fact]
    public void Weekly_hours_written_as_a_number_are_told_to_use_a_distribution() =>
        AssertOneClearProblem(Valid.Replace("weekly_hours: { distribution: gamma, mean: 10, sd: 4 }", "weekly_hours: 12"), 9, "zones[0].demand.weekly_hours", "allowed: a distribution such as { distribution: fixed, mean: 12 } or { distribution: gamma, mean: 9.5, sd: 6 }");

    [Fact]
    public void Annual_budgets_written_as_one_amount_get_one_message_not_also_empty_list() =>
        AssertOneClearProblem(Valid.Replace("annual_budgets_gbp: [100000]", "annual_budgets_gbp: £14.5m"), 15, "commissioners[0].annual_budgets_gbp", "expected a list (lines starting with '- ', or [a, b]); allowed: one budget in pounds for each model year from the start");

    [Theory]
    [InlineData("", "scenario.yaml: the file is empty (or holds only comments); allowed: exactly one YAML document")]
    [InlineData("# a scenario to write\n", "scenario.yaml: the file is empty (or holds only comments); allowed: exactly one YAML document")]
    [InlineData("name: A\n---\nname: B\n", "scenario.yaml: the file holds 2 YAML documents (separated by ---); allowed: exactly one YAML document")]
    public void A_file_with_no_document_or_several_says_which(string text, string expected)
    {
        var (scenario, problems) = Simulator.Scenarios.ScenarioLoader.Parse(text, "scenario.yaml");

        Assert.Null(scenario);
        Assert.StartsWith(expected, Assert.Single(problems).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_id_says_what_an_id_is() =>
        AssertOneClearProblem(Valid.Replace("{ id: lead, role", "{ role"), 13, "providers[0]", "missing required field 'id'; allowed: an id of lower-case letters, digits and underscores, starting with a letter");

    [Fact]
    public void A_base_in_another_folder_says_what_is_wrong_before_what_is_allowed() =>
        AssertOneClearProblem("base: ../elsewhere/x.yaml\n" + Valid, 1, "base", "'../elsewhere/x.yaml' is not a file in this folder; allowed: the file name of a scenario in the same folder");

    [Fact]
    public void A_file_written_as_one_value_is_refused_naming_the_top_level_fields() =>
        AssertOneClearProblem("5\n", 1, "", "expected a mapping of fields (key: value lines); allowed: a mapping of the fields name, description, sources, base, correlations, start_date, horizon_years, time_step, zones, provider_defaults, providers, commissioners, pooled_budgets, economy, rate_setting, self_funders, shocks, dynamic_purchasing, unmet_need, source");

    [Theory]
    [InlineData("rate_gbp_per_hour: 0 }", "providers[0].rate_gbp_per_hour", "0 is out of range; allowed: a rate in pounds an hour > 0, at most 1,000")]
    [InlineData("rate_gbp_per_hour: { value: 0, source: tender } }", "providers[0].rate_gbp_per_hour.value", "0 is out of range; allowed: a rate in pounds an hour > 0, at most 1,000")]
    [InlineData("rate_gbp_per_hour: { distribution: uniform, min: 0, max: 20 } }", "providers.lead.rate_gbp_per_hour",
        "at its lowest value 0 the scenario is not valid: providers[0].rate_gbp_per_hour: 0 is out of range; allowed: a rate in pounds an hour > 0, at most 1,000")]
    public void A_rate_of_zero_is_refused_as_a_rate_must_be_above_zero(string rate, string path, string message) =>
        AssertOneClearProblem(Valid.Replace("rate_gbp_per_hour: 14.36 }", rate, StringComparison.Ordinal), 13, path, message);

    [Fact]
    public void Negative_rate_is_rejected() =>
        AssertOneClearProblem(Valid.Replace("rate_gbp_per_hour: 14.36", "rate_gbp_per_hour: -14.36"), 13, "providers[0].rate_gbp_per_hour", "allowed: a rate in pounds an hour > 0");

    [Theory]
    [InlineData("rate_gbp_per_hour: 14.36", "rate_gbp_per_hour: 2000", 13, "providers[0].rate_gbp_per_hour", "2000 is out of range; allowed: a rate in pounds an hour > 0, at most 1,000")]
    [InlineData("weekly_referrals_people: 1", "weekly_referrals_people: 2000000", 8, "zones[0].demand.weekly_referrals_people", "2000000 is out of range; allowed: a number of people a week ≥ 0, at most 1,000,000")]
    [InlineData("capacity_weekly_hours: 200", "capacity_weekly_hours: -1", 13, "providers[0].capacity_weekly_hours", "-1 is negative; allowed: a number of care hours a week ≥ 0, at most 10,000,000")]
    public void A_value_beyond_a_fields_bounds_is_refused_with_both_bounds_in_what_is_allowed(string given, string changed, int line, string field, string message) =>
        AssertOneClearProblem(Valid.Replace(given, changed, StringComparison.Ordinal), line, field, message);

    [Fact]
    public void An_uncertain_value_reaching_past_a_fields_upper_bound_is_refused_with_the_bound_in_what_is_allowed() =>
        AssertOneClearProblem(Valid.Replace("rate_gbp_per_hour: 14.36", "rate_gbp_per_hour: { distribution: uniform, min: 10, max: 2000 }"), 13, "providers[0].rate_gbp_per_hour", "allowed: a rate in pounds an hour > 0, at most 1,000");

    [Fact]
    public void Funding_shares_that_do_not_sum_to_one_are_rejected() =>
        AssertOneClearProblem(Valid.Replace("self_funder: 0.2", "self_funder: 0.3"), 11, "zones[0].demand.funding_mix", "shares that sum to 1");

    [Fact]
    public void A_field_given_twice_is_reported_at_its_second_line_with_exit_code_2()
    {
        var (run, dir, file) = RunWith(Valid.Replace("horizon_years: 1", "horizon_years: 1\nhorizon_years: 3"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal($"error: {file}:4:1: horizon_years: given twice; allowed: each field once", Assert.Single(run.ErrorLines));
        Assert.DoesNotContain("Unhandled", run.Error, StringComparison.Ordinal);
        Assert.Equal(["scenario.yaml"], Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName));
    }

    [Fact]
    public void A_field_given_twice_in_a_list_item_is_reported_with_its_path() =>
        AssertOneClearProblem(Valid.Replace("{ id: lead, role: lead,", "{ id: lead, role: lead, id: other,"), 13, "providers[0].id", "given twice; allowed: each field once");

    [Fact]
    public void Validate_checks_the_next_file_after_a_field_given_twice()
    {
        var dir = Repo.TempDir();
        var twice = Path.Combine(dir, "twice.yaml");
        var negative = Path.Combine(dir, "negative.yaml");
        File.WriteAllText(twice, Valid.Replace("horizon_years: 1", "horizon_years: 1\nhorizon_years: 3"));
        File.WriteAllText(negative, Valid.Replace("rate_gbp_per_hour: 14.36", "rate_gbp_per_hour: -1"));

        var run = CliRun.Of("validate", twice, negative);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(2, run.ErrorLines.Length);
        Assert.Contains($"{twice}: 1 problem", run.Error, StringComparison.Ordinal);
        Assert.Contains($"{negative}: 1 problem", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_to_no_anchor_is_reported_at_the_alias() =>
        AssertOneClearProblem(Valid.Replace("name: Small", "name: *missing"), 1, "", "alias '*missing' refers to no anchor above it; allowed: an alias to an anchor (&missing)");

    [Fact]
    public void An_alias_inside_the_block_it_refers_to_is_reported_at_the_alias() =>
        AssertOneClearProblem(Valid.Replace("zones: [north]", "zones: &loop [north, *loop]"), 13, "", "alias '*loop' is inside the block it refers to");

    [Fact]
    public void A_tab_in_the_indentation_is_reported_at_the_tab() =>
        AssertOneClearProblem(Valid.Replace("\n    demand:", "\n\t  demand:"), 6, "", "malformed YAML: a tab in the indentation; allowed: spaces to indent");

    [Fact]
    public void An_unclosed_quote_is_reported_at_the_quote() =>
        AssertOneClearProblem(Valid.Replace("name: Small", "name: \"Small"), 1, "", "malformed YAML: the quoted text that starts here is not closed; allowed: text between a pair of matching quotes");

    [Fact]
    public void A_document_nested_too_deep_is_refused_without_overflowing_the_stack() =>
        AssertOneClearProblem(Valid.Replace("name: Small", "name: " + new string('[', 100_000) + new string(']', 100_000)), 1, "", "nested more than 64 levels deep; allowed: at most 64 levels");

    [Fact]
    public void Aliases_that_expand_past_a_million_values_are_refused()
    {
        var bomb = string.Concat(Enumerable.Range(1, 7).Select(i => $"b{i}: &b{i} [{string.Join(", ", Enumerable.Repeat($"*b{i - 1}", 10))}]\n"));

        AssertOneClearProblem(Valid + "\nb0: &b0 [x, x, x, x, x, x, x, x, x, x]\n" + bomb, 21, "", "aliases make the file more than 1,000,000 values long");
    }

    [Fact]
    public void A_mistake_in_a_block_shared_through_an_alias_is_reported_once_naming_the_entries_that_share_it() =>
        AssertOneClearProblem(
            Valid.Replace("    demand:", "    demand: &demand").Replace("self_funder: 0.2 }", "self_funder: 0.3 }\n  - { id: south, demand: *demand }\n  - { id: east, demand: *demand }"),
            11,
            "zones[0].demand.funding_mix",
            "shares sum to 1.1; allowed: shares that sum to 1 (council + nhs_chc + direct_payment + self_funder) (zones north, south and east share this block)");

    [Fact]
    public void Missing_file_is_reported_and_nothing_is_written()
    {
        var dir = Repo.TempDir();
        var missing = Path.Combine(dir, "no-such.yaml");

        var run = CliRun.Of("run", missing, "--out", Path.Combine(dir, "out"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal($"error: {missing}: file not found; allowed: the path of a scenario YAML file", Assert.Single(run.ErrorLines));
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir));
    }

    [Fact]
    public void Validate_reports_every_problem_at_once()
    {
        var dir = Repo.TempDir();
        var file = Path.Combine(dir, "bad.yaml");
        File.WriteAllText(file, Valid.Replace("rate_gbp_per_hour: 14.36", "rate_gbp_per_hour: -1").Replace("zones: [north]", "zones: [nort]").Replace("gamma", "gama"));

        var run = CliRun.Of("validate", file);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(3, run.ErrorLines.Length);
        Assert.Contains(run.ErrorLines, l => l.Contains("did you mean 'north'?", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, l => l.Contains("did you mean 'gamma'?", StringComparison.Ordinal));
    }

    public static TheoryData<string> BundledScenarios() =>
        [.. Directory.GetFiles(Path.Combine(Repo.Root, "scenarios"), "*.yaml").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(BundledScenarios))]
    public void Bundled_scenarios_are_valid_and_run(string fileName)
    {
        var validate = CliRun.Of("validate", Repo.Scenario(fileName));
        var run = CliRun.Of("run", Repo.Scenario(fileName), "--runs", "4", "--out", Path.Combine(Repo.TempDir(), "out"), "--quiet");

        Assert.Equal(ExitCodes.Ok, validate.ExitCode);
        Assert.Contains(": ok (", validate.Output);
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
    }

    public static TheoryData<string> BenchmarkScenarios() =>
        [.. Directory.GetFiles(Path.Combine(Repo.Root, "benchmarks", "scenarios"), "*.yaml").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(BenchmarkScenarios))]
    public void Benchmark_scenarios_are_valid(string fileName)
    {
        var validate = CliRun.Of("validate", Path.Combine(Repo.Root, "benchmarks", "scenarios", fileName));

        Assert.Equal(ExitCodes.Ok, validate.ExitCode);
        Assert.Contains(": ok (", validate.Output);
    }

    [Fact]
    public void The_example_in_the_scenario_format_doc_is_valid()
    {
        var doc = File.ReadAllText(Path.Combine(Repo.Root, "docs", "scenario-format.md"));
        var start = doc.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        var example = doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];

        var (scenario, problems) = MarketSim.Simulator.Scenarios.ScenarioLoader.Parse(example, "scenario-format.md");

        Assert.Empty(problems);
        Assert.Equal(3 * 52, scenario!.HorizonWeeks);
    }

    [Theory]
    [InlineData("name: Small", "name: \"Small\\a\"", 1, "name", "contains a control character (U+0007); allowed: a name of printable text, not blank")]
    [InlineData("name: Small", "name: \"  \"", 1, "name", "is blank; allowed: a name of printable text, not blank")]
    [InlineData("- { id: lead, role: lead,", "- { id: lead, name: \"Lead\\x1b[31m\", role: lead,", 13, "providers[0].name", "contains a control character (U+001B)")]
    [InlineData("  - id: north\n", "  - id: north\n    name: \"North\\0\"\n", 6, "zones[0].name", "contains a control character (U+0000)")]
    [InlineData("- { id: council, funds", "- { id: council, name: \"\", funds", 15, "commissioners[0].name", "is blank")]
    public void A_name_with_a_control_character_or_nothing_printable_is_refused_before_any_run(string given, string changed, int line, string field, string message) =>
        AssertOneClearProblem(Valid.Replace(given, changed, StringComparison.Ordinal), line, field, message);

    [Theory]
    [InlineData("capacity_weekly_hours: 200", "<<: { rate_gbp_per_hour: 15 }, capacity_weekly_hours: 200", "a merge key (<<) is not read; allowed: an alias (*name) to reuse a whole block")]
    [InlineData("capacity_weekly_hours: 200", "capacity_weekly_hours: !hours 200", "the tag '!hours' is not read; allowed: values without tags")]
    public void YAML_that_would_be_read_wrongly_a_merge_key_or_a_tag_of_ones_own_is_refused_where_it_stands(string given, string changed, string message) =>
        AssertOneClearProblem(Valid.Replace(given, changed, StringComparison.Ordinal), 13, "", message);

    [Theory]
    [InlineData("name: \"Small \\q\"")]
    [InlineData("name: \"Small \\uD800\"")]
    public void A_quoted_name_with_an_escape_YAML_does_not_know_is_not_reported_as_an_unclosed_quote(string name) =>
        AssertOneClearProblem(Valid.Replace("name: Small", name, StringComparison.Ordinal), 1, "", "the quoted text that starts here has an escape (a backslash) YAML does not know, or half of a character; allowed: \\n,");

    [Fact]
    public void A_standard_tag_is_read_as_the_value_it_marks()
    {
        var (run, _, _) = RunWith(Valid.Replace("capacity_weekly_hours: 200", "capacity_weekly_hours: !!float 200", StringComparison.Ordinal));

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
    }

    [Fact]
    public void A_list_where_a_number_belongs_is_named_as_a_list() =>
        AssertOneClearProblem(Valid.Replace("capacity_weekly_hours: 200", "capacity_weekly_hours: [200]", StringComparison.Ordinal), 13, "providers[0].capacity_weekly_hours", "expected a number, found a list; allowed: a number of care hours a week ≥ 0");

    [Fact]
    public void A_zone_listed_twice_for_a_provider_is_refused_at_the_repeat() =>
        AssertOneClearProblem(Valid.Replace("zones: [north]", "zones: [north, north]", StringComparison.Ordinal), 13, "providers[0].zones[1]", "'north' is listed twice; allowed: each zone once");

    [Fact]
    public void A_horizon_shorter_than_one_weekly_step_is_the_one_problem_not_also_a_shock_after_it() =>
        AssertOneClearProblem(Valid.Replace("horizon_years: 1", "horizon_years: 0.001", StringComparison.Ordinal) + "\nshocks:\n  - { type: provider_exit, provider: lead, week: 26 }\n",
            3, "horizon_years", "0.001 years is less than one weekly step; allowed: at least 1/52 of a year");

    [Fact]
    public void A_start_date_whose_horizon_runs_past_the_calendars_end_is_refused() =>
        AssertOneClearProblem(Valid.Replace("start_date: 2020-04-01", "start_date: 9999-06-01", StringComparison.Ordinal), 2, "start_date", "9999-06-01 plus the 1-year horizon runs past 31 December 9999");

    [Fact]
    public void An_empty_list_is_the_one_problem_not_also_every_id_that_refers_to_it()
    {
        var references = Valid
            + "\nshocks:\n  - { type: provider_exit, provider: lead, week: 26 }\n"
            + "unmet_need:\n  cost_gbp_per_hour: 40\n  borne_by:\n    - { commissioner: council, share: 1 }\n";
        foreach (var (section, definition, unknown, next) in new[]
        {
            ("zones", "- id: north", "unknown zone 'north'", "providers:"),
            ("providers", "{ id: lead,", "unknown provider 'lead'", "commissioners:"),
            ("commissioners", "{ id: council,", "unknown commissioner 'council'", "shocks:"),
        })
        {
            var renamed = RunWith(references.Replace(definition, definition.Replace("id: ", "id: renamed_", StringComparison.Ordinal), StringComparison.Ordinal)).Run;
            Assert.Contains(renamed.ErrorLines, l => l.Contains(unknown, StringComparison.Ordinal));

            var start = references.IndexOf($"{section}:", StringComparison.Ordinal);
            var emptied = references[..start] + $"{section}: []\n" + references[references.IndexOf(next, StringComparison.Ordinal)..];
            var run = RunWith(emptied).Run;

            Assert.Equal(ExitCodes.BadInput, run.ExitCode);
            Assert.EndsWith($": {section}: empty list; allowed: at least one {section.TrimEnd('s')}", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_empty_list_of_zones_providers_or_commissioners_is_named_as_empty()
    {
        foreach (var (section, replaced) in new[]
        {
            ("zones", Valid[Valid.IndexOf("zones:", StringComparison.Ordinal)..Valid.IndexOf("providers:", StringComparison.Ordinal)]),
            ("providers", Valid[Valid.IndexOf("providers:", StringComparison.Ordinal)..Valid.IndexOf("commissioners:", StringComparison.Ordinal)]),
            ("commissioners", Valid[Valid.IndexOf("commissioners:", StringComparison.Ordinal)..]),
        })
        {
            var (run, dir, file) = RunWith(Valid.Replace(replaced, $"{section}: []\n", StringComparison.Ordinal));

            Assert.Equal(ExitCodes.BadInput, run.ExitCode);
            Assert.Contains(run.ErrorLines, l => l.StartsWith($"error: {file}:", StringComparison.Ordinal) && l.EndsWith($": {section}: empty list; allowed: at least one {section.TrimEnd('s')}", StringComparison.Ordinal));
            Assert.Equal(["scenario.yaml"], Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName));
        }
    }
}
