using MarketSim.Grains.Scenario;
using MarketSim.Simulator.Cli;
using MarketSim.Simulator.Scenarios;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Scenarios;

/// <summary>The market-dynamics fields get the same clear messages as the rest of the format.</summary>
public class DynamicsValidationTests
{
    private const string Valid = """
        name: Dynamics
        start_date: 2020-04-01
        horizon_years: 2
        zones:
          - id: north
            demand:
              starting_caseload_people: 10
              weekly_referrals_people: 1
              weekly_hours: { distribution: fixed, mean: 10 }
              package_length_weeks: { distribution: exponential, mean: 10 }
              funding_mix: { council: 0.8, self_funder: 0.2 }
        economy:
          nlw_gbp_per_hour: [8.72, 8.91]
          cpi: { annual_rate: 0.02 }
        rate_setting: { policy: nlw_linked }
        self_funders: { rate_premium: 0.2, savings_gbp: { distribution: lognormal, mean: 60000, sd: 40000 } }
        provider_defaults:
          workforce: { contact_hours_per_worker_per_week: 22, annual_turnover: 0.3 }
          costs: { wage_premium_over_nlw_gbp_per_hour: 0.2, travel_hours_per_contact_hour: 0.2, on_costs_fraction: 0.25, running_costs_fixed_share: 0.3, other_work_hours_per_capacity_hour: 0.4, other_work_hours_sd: 0.2, other_work_persistence: 0.6, other_work_margin_on_cost: 0.3 }
          failure: { reserves_gbp: 100000, hazard_per_year: 0.05, hand_back_after_weeks_below_cost: 26 }
        providers:
          - { id: lead, role: lead, zones: [north], capacity_weekly_hours: 200, rate_gbp_per_hour: 16 }
          - { id: other, role: framework, zones: all, capacity_weekly_hours: 50, rate_gbp_per_hour: 16, workforce: { starting_share: 0.5 }, costs: { other_work_margin_on_cost: 0.1 } }
        commissioners:
          - { id: council, funds: [council], annual_budgets_gbp: [100000] }
        shocks:
          - { type: provider_exit, provider: lead, week: 30 }
          - { type: demand_surge, week: 40, weeks: 8, multiplier: 1.3 }
        dynamic_purchasing: { join_delay_weeks: 12 }
        """;

    private static string[] Problems(string yaml)
    {
        var (_, problems) = ScenarioLoader.Parse(yaml, "dynamics.yaml");
        return [.. problems.Select(p => p.ToString())];
    }

    [Fact]
    public void The_valid_dynamics_scenario_loads_with_every_block()
    {
        var (scenario, problems) = ScenarioLoader.Parse(Valid, "dynamics.yaml");

        Assert.Empty(problems);
        Assert.Equal(UpliftPolicy.NlwLinked, scenario!.RateSetting!.Policy);
        Assert.Equal(0.5, scenario.Providers[1].Workforce!.StartingShare);
        Assert.Equal(0.3, scenario.Providers[1].Workforce!.AnnualTurnover);
        Assert.Equal(100_000, scenario.Providers[0].FailureOrNone.ReservesGbp);
        Assert.Equal(new CostSpec(0.2, 0.2, 0.25, 0, 0, 0.3, 0.4, 0.3, 0.2, 0.6), scenario.Providers[0].Costs);
        Assert.Equal(new CostSpec(0.2, 0.2, 0.25, 0, 0, 0.3, 0.4, 0.1, 0.2, 0.6), scenario.Providers[1].Costs);
        Assert.Equal(2, scenario.Shocks!.Length);
        Assert.Equal(12, scenario.DynamicPurchasing!.JoinDelayWeeks);
    }

    [Fact]
    public void A_demand_surge_names_the_zones_it_raises_or_every_zone_when_it_names_none()
    {
        var twoZones = Valid.Replace("\neconomy:", "\n" + """
              - id: south
                demand:
                  starting_caseload_people: 10
                  weekly_referrals_people: 1
                  weekly_hours: { distribution: fixed, mean: 10 }
                  package_length_weeks: { distribution: exponential, mean: 10 }
                  funding_mix: { council: 1 }
            economy:
            """);
        ShockSpec Surge(string zones) => ScenarioLoader.Parse(twoZones.Replace("weeks: 8, multiplier", $"weeks: 8{zones}, multiplier"), "dynamics.yaml").Scenario!.Shocks![1];

        Assert.Equal(["south"], Surge(", zones: [south]").ZoneIds!);
        Assert.True(Surge(", zones: [south]").Reaches("south"));
        Assert.False(Surge(", zones: [south]").Reaches("north"));
        Assert.Null(Surge("").ZoneIds);
        Assert.Null(Surge(", zones: all").ZoneIds);
        Assert.Null(Surge(", zones: [north, south]").ZoneIds);
    }

    private static string[] Warnings(string yaml)
    {
        var (loaded, problems) = ScenarioLoader.ParseUncertain(yaml, "dynamics.yaml");
        Assert.Empty(problems);
        return [.. loaded!.Warnings.Select(p => p.ToString())];
    }

    [Fact]
    public void The_valid_dynamics_scenario_warns_of_nothing() => Assert.Empty(Warnings(Valid));

    [Theory]
    [InlineData("other_work_hours_sd: 0.2", "other_work_hours_sd: 0", "dynamics.yaml:19:235: provider_defaults.costs.other_work_persistence: has no effect while other_work_hours_sd is 0 (every provider's other work stays at its mean); set a spread above 0 or leave this out")]
    [InlineData("other_work_hours_per_capacity_hour: 0.4", "other_work_hours_per_capacity_hour: 0", "dynamics.yaml:19:206: provider_defaults.costs.other_work_hours_sd: has no effect while other_work_hours_per_capacity_hour is 0 (no other work); set that above 0 or leave this out")]
    public void Other_work_fields_that_another_field_turns_off_load_with_a_warning_naming_the_switch(string good, string bad, string expected)
    {
        var warnings = Warnings(Valid.Replace(good, bad, StringComparison.Ordinal));

        Assert.Contains(expected, warnings);
    }

    [Theory]
    [InlineData("hazard_per_year: 0.05", "hazard_per_year: 3", "dynamics.yaml:20:53: provider_defaults.failure.hazard_per_year: a hazard of 3 a year makes about 95% of providers fail within a year (this field takes a fraction, 0.03 = 3%); for 3% write 0.03")]
    [InlineData("cpi: { annual_rate: 0.02 }", "cpi: { annual_rate: { value: 1, source: ONS } }", "dynamics.yaml:14:32: economy.cpi.annual_rate: 1 is 100% a year (this field takes a fraction, 0.03 = 3%); for 1% write 0.01")]
    [InlineData("rate_setting: { policy: nlw_linked }", "rate_setting: { policy: fixed, percent: 0.03 }", "dynamics.yaml:15:41: rate_setting.percent: 0.03 is 0.03% (this field is in percent, 3 = 3%); for 3% write 3")]
    [InlineData("multiplier: 1.3 }", "multiplier: 1.3 }\n  - { type: wage, week: 20, increase: 1 }", "dynamics.yaml:29:39: shocks[2].increase: 1 is a rise of 100% (this field takes a fraction, 0.03 = 3%); for 1% write 0.01")]
    public void A_rate_written_in_the_other_scale_loads_with_a_warning_saying_what_to_write(string good, string bad, string expected)
    {
        var warnings = Warnings(Valid.Replace(good, bad, StringComparison.Ordinal));

        Assert.Equal([expected], warnings);
    }

    [Theory]
    [InlineData("hazard_per_year: 0.05", "hazard_per_year: 0.99")]
    [InlineData("rate_setting: { policy: nlw_linked }", "rate_setting: { policy: fixed, percent: 0.5 }")]
    [InlineData("rate_setting: { policy: nlw_linked }", "rate_setting: { policy: fixed, percent: 0 }")]
    [InlineData("cpi: { annual_rate: 0.02 }", "cpi: { annual_rate: { distribution: uniform, min: 0.01, max: 0.04 } }")]
    public void A_rate_of_a_plausible_size_for_its_scale_loads_without_a_warning(string good, string other) =>
        Assert.Empty(Warnings(Valid.Replace(good, other, StringComparison.Ordinal)));

    [Fact]
    public void Other_work_turned_off_warns_once_for_each_field_the_file_writes_not_once_for_each_provider()
    {
        var warnings = Warnings(Valid.Replace("other_work_hours_per_capacity_hour: 0.4", "other_work_hours_per_capacity_hour: 0", StringComparison.Ordinal));

        Assert.Equal(
            ["provider_defaults.costs.other_work_hours_sd", "provider_defaults.costs.other_work_persistence", "provider_defaults.costs.other_work_margin_on_cost", "providers[1].costs.other_work_margin_on_cost"],
            warnings.Select(w => w.Split(": ")[1]).ToArray());
    }

    [Theory]
    [InlineData("rate_setting: { policy: nlw_linked }", "rate_setting: 5", "rate_setting", "a mapping of the fields policy, percent, base, commissioner, source")]
    [InlineData("- { type: provider_exit, provider: lead, week: 30 }", "- provider_exit", "shocks[0]", "a mapping of the fields type, week, increase, multiplier, weeks, zones, provider, source")]
    [InlineData("dynamic_purchasing: { join_delay_weeks: 12 }", "dynamic_purchasing: { join_delay_weeks: 12, workforce: 0.5 }", "dynamic_purchasing.workforce", "a mapping of the fields contact_hours_per_worker_per_week, annual_turnover, recruitment_wage_elasticity, gap_closing_weeks, starting_share, recruiting, overtime_share, source")]
    public void A_dynamics_block_written_as_one_value_names_its_fields(string good, string bad, string path, string fields)
    {
        Assert.Contains(good, Valid);

        var problem = Assert.Single(Problems(Valid.Replace(good, bad, StringComparison.Ordinal)));

        Assert.StartsWith("dynamics.yaml:", problem);
        Assert.EndsWith($": {path}: expected a mapping of fields (key: value lines); allowed: {fields}", problem);
    }

    [Theory]
    [InlineData("{ type: provider_exit, provider: lead, week: 30 }", "{ type: provider_exitt, provider: lead, week: 30 }", "shocks[0].type: 'provider_exitt' is not allowed; did you mean 'provider_exit'?")]
    [InlineData("rate_setting: { policy: nlw_linked }", "rate_setting: { policy: budget_caped, base: fixed, commissioner: council }", "rate_setting.policy: 'budget_caped' is not allowed; did you mean 'budget_capped'?")]
    public void A_misspelt_type_or_policy_is_the_one_problem_not_also_the_fields_of_the_one_meant(string good, string bad, string expected)
    {
        Assert.Contains(good, Valid);

        Assert.Contains(expected, Assert.Single(Problems(Valid.Replace(good, bad, StringComparison.Ordinal))));
    }

    [Theory]
    [InlineData("weekly_referrals_people: 0", "dynamics.yaml:8:32: zones[0].demand.weekly_referrals_people: 0 people a week: no one will be referred to zone north over the whole horizon, so the caseload only falls as packages end; if that is not meant, give the number of people referred a week")]
    [InlineData("weekly_referrals_people: { value: 0, source: council }", "dynamics.yaml:8:41: zones[0].demand.weekly_referrals_people: 0 people a week: no one will be referred to zone north")]
    public void No_referrals_to_a_zone_loads_with_a_warning_that_no_one_will_be_referred(string referrals, string expected)
    {
        var warnings = Warnings(Valid.Replace("weekly_referrals_people: 1", referrals, StringComparison.Ordinal));

        Assert.StartsWith(expected, Assert.Single(warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void No_referrals_in_a_demand_block_that_zones_share_warns_once_naming_every_zone()
    {
        var shared = Valid
            .Replace("    demand:\n", "    demand: &demand\n", StringComparison.Ordinal)
            .Replace("weekly_referrals_people: 1", "weekly_referrals_people: 0", StringComparison.Ordinal)
            .Replace("\neconomy:", "\n  - { id: south, demand: *demand }\neconomy:", StringComparison.Ordinal);

        Assert.Contains("no one will be referred to zones north and south over the whole horizon", Assert.Single(Warnings(shared)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("policy: nlw_linked", "policy: nlw_linkd", "rate_setting.policy: 'nlw_linkd' is not allowed; did you mean 'nlw_linked'?")]
    [InlineData("reserves_gbp: 100000", "reserves_gbp: -5", "provider_defaults.failure.reserves_gbp: -5 is negative")]
    [InlineData("provider: lead, week: 30", "provider: leed, week: 30", "shocks[0].provider: unknown provider 'leed'; did you mean 'lead'?")]
    [InlineData("annual_turnover: 0.3", "annual_turnover: 1.5", "provider_defaults.workforce.annual_turnover: 1.5 is out of range")]
    [InlineData("week: 40, weeks: 8", "week: 400, weeks: 8", "shocks[1].week: a demand_surge shock at week 400 is after the horizon")]
    [InlineData("other_work_margin_on_cost: 0.3", "other_work_margin_on_cost: 3", "provider_defaults.costs.other_work_margin_on_cost: 3 is out of range")]
    [InlineData("running_costs_fixed_share: 0.3", "running_costs_fixed_share: 1.5", "provider_defaults.costs.running_costs_fixed_share: 1.5 is out of range")]
    [InlineData("other_work_hours_sd: 0.2", "other_work_hours_sd: -1", "provider_defaults.costs.other_work_hours_sd: -1 is negative")]
    [InlineData("other_work_persistence: 0.6", "other_work_persistence: 1.5", "provider_defaults.costs.other_work_persistence: 1.5 is out of range")]
    [InlineData("join_delay_weeks: 12", "join_delay_week: 12", "did you mean 'join_delay_weeks'?")]
    [InlineData("week: 40, weeks: 8", "week: 40, weeks: 8, zones: [nort]", "shocks[1].zones[0]: unknown zone 'nort'; did you mean 'north'?")]
    [InlineData("week: 40, weeks: 8", "week: 40, weeks: 8, zones: []", "shocks[1].zones: empty list, so the surge would raise no zone's referrals; allowed: a list of one or more zone ids (north), or the word all")]
    [InlineData("provider: lead, week: 30", "provider: lead, week: 30, zones: [north]", "shocks[0].zones: unknown field 'zones'")]
    public void A_bad_dynamics_value_gets_one_clear_message(string good, string bad, string expected)
    {
        var problems = Problems(Valid.Replace(good, bad));

        var problem = Assert.Single(problems);
        Assert.Contains(expected, problem);
        Assert.StartsWith("dynamics.yaml:", problem);
    }

    [Theory]
    [InlineData("{ policy: nlw_linked, percent: 3 }", "nlw_linked follows the NLW")]
    [InlineData("{ policy: cpi_linked, percent: 2 }", "cpi_linked follows CPI")]
    [InlineData("{ policy: budget_capped, base: nlw_linked, commissioner: council, percent: 3 }", "nlw_linked follows the NLW")]
    public void A_percent_with_a_policy_that_does_not_use_it_is_refused_rather_than_ignored(string rates, string why)
    {
        var problem = Assert.Single(Problems(Valid.Replace("rate_setting: { policy: nlw_linked }", $"rate_setting: {rates}")));

        Assert.Contains($"rate_setting.percent: only for policy fixed (or budget_capped with base: fixed); {why}; allowed: leave it out", problem);
    }

    [Fact]
    public void The_entrants_workforce_takes_the_fields_it_leaves_out_from_provider_defaults()
    {
        var (scenario, problems) = ScenarioLoader.Parse(Valid.Replace("dynamic_purchasing: { join_delay_weeks: 12 }", "dynamic_purchasing: { join_delay_weeks: 12, workforce: { starting_share: 0.3 } }", StringComparison.Ordinal), "dynamics.yaml");

        Assert.Empty(problems);
        var workforce = scenario!.DynamicPurchasing!.Workforce!;
        Assert.Equal(0.3, workforce.StartingShare);
        Assert.Equal(22, workforce.ContactHoursPerWorkerPerWeek);
        Assert.Equal(0.3, workforce.AnnualTurnover);
    }

    [Fact]
    public void A_percent_with_a_budget_cap_on_a_fixed_uplift_is_read()
    {
        var (scenario, problems) = ScenarioLoader.Parse(Valid.Replace("rate_setting: { policy: nlw_linked }", "rate_setting: { policy: budget_capped, base: fixed, commissioner: council, percent: 3 }"), "dynamics.yaml");

        Assert.Empty(problems);
        Assert.Equal(3, scenario!.RateSetting!.FixedPercent);
    }

    [Theory]
    [InlineData("rate_setting: { policy: nlw_linked }", "rate_setting: { policy: budget_capped, base: cpi_linked }", "rate_setting: missing required field 'commissioner'; allowed: the id of the commissioner whose budget caps the uplift (council)")]
    [InlineData("{ type: provider_exit, provider: lead, week: 30 }", "{ type: provider_exit, week: 30 }", "shocks[0]: missing required field 'provider'; allowed: the id of the provider that leaves (lead, other)")]
    [InlineData("- { type: demand_surge, week: 40", "- { type: provider_exit, provider: lead, week: 50 }\n  - { type: demand_surge, week: 40", "shocks[1].provider: 'lead' is already forced out by shocks[0] (week 30); allowed: one provider_exit a provider")]
    [InlineData("economy:\n  nlw_gbp_per_hour: [8.72, 8.91]\n  cpi: { annual_rate: 0.02 }", "economy: 0.02", "economy: expected a mapping of fields (key: value lines); allowed: a mapping of the fields nlw_gbp_per_hour")]
    [InlineData("savings_gbp: { distribution: lognormal, mean: 60000, sd: 40000 }", "savings_gbp: 60000", "self_funders.savings_gbp: expected a mapping of fields (key: value lines); allowed: a distribution such as { distribution: fixed, mean: 60000 }")]
    public void A_missing_or_mistyped_field_says_what_is_allowed(string good, string bad, string expected)
    {
        var problem = Assert.Single(Problems(Valid.Replace(good, bad)));

        Assert.Contains(expected, problem);
    }

    [Fact]
    public void Costs_without_an_economy_are_rejected()
    {
        var yaml = Valid.Replace("rate_setting: { policy: nlw_linked }", "rate_setting: { policy: fixed, percent: 2 }");
        yaml = yaml[..yaml.IndexOf("economy:", StringComparison.Ordinal)] + yaml[yaml.IndexOf("rate_setting:", StringComparison.Ordinal)..];

        var problem = Assert.Single(Problems(yaml));

        Assert.Contains("providers have costs but the scenario has no economy block", problem);
    }

    [Fact]
    public void The_bundled_stress_scenarios_exist_and_name_their_sources()
    {
        foreach (var file in new[] { "doncaster-lead-exit.yaml", "leicestershire-htlah.yaml", "banes-your-care-your-way.yaml", "dorset-pool-2017.yaml" })
        {
            var run = CliRun.Of("validate", Repo.Scenario(file));
            Assert.Equal(ExitCodes.Ok, run.ExitCode);
            Assert.Contains("source:", File.ReadAllText(Repo.Scenario(file)));
        }
    }
}
