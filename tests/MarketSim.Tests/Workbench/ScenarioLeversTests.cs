using System.Text.Json;
using System.Text.Json.Serialization;
using MarketSim.Grains.Scenario;
using MarketSim.Simulator.Reports;
using MarketSim.Simulator.Scenarios;
using MarketSim.Simulator.Workbench.Levers;
using MarketSim.Simulator.Workbench.Pages;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Workbench;

/// <summary>The Levers page's model: a scenario's levers, and a filled-in form checked by the scenario validator and written as a variant.</summary>
public sealed class ScenarioLeversTests : IDisposable
{
    private const string Doncaster = "doncaster-ccash.yaml";
    private const string Dorset = "dorset-pool-2017.yaml";
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };
    private readonly string _dir = Repo.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Copies bundled scenarios into the temp folder (a variant's base must sit beside it) and returns the first one's path.</summary>
    private string Copy(params string[] files)
    {
        foreach (var file in files)
        {
            File.Copy(Repo.Scenario(file), Path.Combine(_dir, file));
        }
        return Path.Combine(_dir, files[0]);
    }

    private LeverCheck Check(string basePath, params (string Key, string Value)[] values) =>
        ScenarioLevers.Check(basePath, "Workbench variant", values.ToDictionary(v => v.Key, v => v.Value), Today);

    private MarketScenario SaveAndLoad(LeverCheck check)
    {
        Assert.True(check.IsValid, string.Join("\n", check.Problems.Select(p => $"{p.Key}: {p.Value}")));
        var path = Path.Combine(_dir, "variant.yaml");
        File.WriteAllText(path, check.Yaml);
        return ScenarioLoader.Load(path);
    }

    private static string Serialized(MarketScenario scenario) => JsonSerializer.Serialize(scenario with { Name = "" }, Json);

    [Theory]
    [InlineData("Lead exit, SLP A at £15.50/hour", "lead-exit-slp-a-at-15-50-hour")]
    [InlineData("Higher rate <i>test</i> & cap", "higher-rate-i-test-i-cap")]
    [InlineData("2026/27 budget", "2026-27-budget")]
    [InlineData("Rate 2.5% uplift", "rate-2-5-uplift")]
    [InlineData("£ / £", "variant")]
    [InlineData("A very long name for a variant of a scenario that goes on and on past sixty letters", "a-very-long-name-for-a-variant-of-a-scenario-that-goes-on-an")]
    public void A_variants_file_name_comes_from_its_whole_name_not_from_what_follows_a_slash_or_a_dot(string name, string stem) =>
        Assert.Equal(stem, ScenarioPages.Slug(name, "variant"));

    [Fact]
    public void Levers_of_doncaster_include_each_providers_rate_and_capacity()
    {
        var levers = ScenarioLevers.Read(Repo.Scenario(Doncaster)).ToDictionary(l => l.Key);
        var scenario = ScenarioLoader.Load(Repo.Scenario(Doncaster));

        foreach (var provider in scenario.Providers)
        {
            var rate = levers[$"providers.{provider.Id}.rate_gbp_per_hour"];
            var capacity = levers[$"providers.{provider.Id}.capacity_weekly_hours"];
            Assert.Equal(provider.RateGbpPerHour, double.Parse(rate.Value, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(provider.CapacityWeeklyHours, double.Parse(capacity.Value, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(("Hourly rates and uplift", "£ an hour"), (rate.Group, rate.Unit));
            Assert.Equal(("Provider capacity", "hours a week"), (capacity.Group, capacity.Unit));
        }
        Assert.Equal(new Lever("providers.slp_a.rate_gbp_per_hour", "Hourly rates and uplift", "SLP A: hourly rate", "£ an hour", "14.36", "004 para 22: the framework's standard rate, £14.36 an hour, paid to every SLP and ASP") { InputMode = "decimal" }, levers["providers.slp_a.rate_gbp_per_hour"]);
        Assert.Equal("17.23", levers["providers.spot_market.rate_gbp_per_hour"].Value);
        Assert.Contains("20% premium", levers["providers.spot_market.rate_gbp_per_hour"].Source);
        Assert.Equal("10640000", levers["commissioners.doncaster_council.annual_budgets_gbp.0"].Value);
        Assert.Equal("nlw_linked", levers["rate_setting.policy"].Value);
        Assert.Equal("0.02", levers["zones.zone_1.demand.annual_growth"].Value);
        Assert.All(levers.Keys, key => Assert.Matches("^[a-z0-9_.-]+$", key));
    }

    [Fact]
    public void A_lever_without_a_source_of_its_own_shows_the_source_of_the_mapping_around_it_as_the_report_does()
    {
        var levers = ScenarioLevers.Read(Repo.Scenario(Dorset)).ToDictionary(l => l.Key);
        var report = ScenarioAssumptions.Read(File.ReadAllText(Repo.Scenario(Dorset))).ToDictionary(a => a.Path);

        Assert.Equal("000 para 7.3: DCC rebased its 2017-18 budget to £53m", levers["commissioners.dcc.annual_budgets_gbp.0"].Source);
        Assert.Equal("assumption: 000 para 2 names price inflation; 2% a year", levers["rate_setting.percent"].Source);
        Assert.Equal(report["rate_setting.percent"].Source, levers["rate_setting.percent"].Source);
        Assert.Equal("assumption: a 20% spot premium", levers["providers.spot.rate_gbp_per_hour"].Source);
        Assert.StartsWith("assumption: an illustrative alternative", levers["pooled_budgets.dorset.risk_share_models.ccg_capped.caps.dorset_ccg.percent_of_contribution"].Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Budget_and_contribution_levers_number_model_years_from_1_as_the_outputs_do()
    {
        var banes = ScenarioLevers.Read(Repo.Scenario("banes-your-care-your-way.yaml")).ToDictionary(l => l.Key, l => l.Label);
        var doncaster = ScenarioLevers.Read(Repo.Scenario(Doncaster)).ToDictionary(l => l.Key, l => l.Label);

        Assert.Equal("Bath and North East Somerset Council: budget, model year 1", banes["commissioners.banes_council.annual_budgets_gbp.0"]);
        Assert.Equal("Bath and North East Somerset Council: budget, model year 3", banes["commissioners.banes_council.annual_budgets_gbp.2"]);
        Assert.Equal("Bath and North East Somerset Council: budget, model year 4 and later years", banes["commissioners.banes_council.annual_budgets_gbp.3"]);
        Assert.EndsWith("'s contribution, model year 1", banes.Single(l => l.Key.EndsWith("partners.banes_ccg.contribution_gbp_per_year.0", StringComparison.Ordinal)).Value, StringComparison.Ordinal);
        Assert.Equal("Doncaster Council: budget, every model year", doncaster["commissioners.doncaster_council.annual_budgets_gbp.0"]);
        Assert.DoesNotContain(banes.Values.Concat(doncaster.Values), label => label.Contains("year 0", StringComparison.Ordinal));
    }

    [Fact]
    public void Levers_come_in_the_forms_group_order()
    {
        var groups = ScenarioLevers.Read(Repo.Scenario("doncaster-uncertain.yaml")).Select(l => l.Group).Distinct().ToList();

        Assert.Equal(ScenarioLevers.Groups.Where(groups.Contains), groups);
    }

    [Fact]
    public void A_changed_rate_is_written_as_a_variant_the_loader_reads_back_with_that_rate()
    {
        var basePath = Copy(Doncaster);

        var check = Check(basePath, ("providers.slp_b.rate_gbp_per_hour", "15.10"));
        var variant = SaveAndLoad(check);

        var original = ScenarioLoader.Load(basePath);
        Assert.Equal(15.10, variant.Providers.Single(p => p.Id == "slp_b").RateGbpPerHour);
        var expected = original with { Providers = [.. original.Providers.Select(p => p.Id == "slp_b" ? p with { RateGbpPerHour = 15.10 } : p)] };
        Assert.Equal(Serialized(expected), Serialized(variant));
        Assert.Equal("Workbench variant", variant.Name);
        Assert.StartsWith("base: doncaster-ccash.yaml\n", check.Yaml);
        Assert.Contains("source: \"workbench lever: changed from 14.36 on 2026-11-30 (was: 004 para 22: the framework's standard rate, £14.36 an hour, paid to every SLP and ASP)\"", check.Yaml);
        Assert.DoesNotContain("slp_a", check.Yaml);
    }

    [Fact]
    public void The_command_line_runs_a_saved_variant()
    {
        SaveAndLoad(Check(Copy(Doncaster), ("providers.slp_c.capacity_weekly_hours", "3000"), ("providers.slp_c.rate_gbp_per_hour", "15")));

        var run = CliRun.Of("run", Path.Combine(_dir, "variant.yaml"), "--runs", "2", "--out", Path.Combine(_dir, "out"), "--quiet");

        Assert.True(run.ExitCode == 0, run.Error);
    }

    [Fact]
    public void A_negative_rate_gets_the_validators_message_under_its_lever_key()
    {
        var check = Check(Copy(Doncaster), ("providers.slp_a.rate_gbp_per_hour", "-3"));

        var (key, message) = Assert.Single(check.Problems);
        Assert.Equal("providers.slp_a.rate_gbp_per_hour", key);
        Assert.Equal("-3 is negative; allowed: a rate in pounds an hour > 0, at most 1,000", message);
        Assert.False(check.IsValid);
    }

    [Fact]
    public void A_rate_above_its_upper_bound_gets_a_message_stating_the_range()
    {
        var check = Check(Copy(Doncaster), ("providers.slp_a.rate_gbp_per_hour", "2000"));

        var (key, message) = Assert.Single(check.Problems);
        Assert.Equal(("providers.slp_a.rate_gbp_per_hour", "2000 is out of range; allowed: a rate in pounds an hour > 0, at most 1,000"), (key, message));
    }

    [Theory]
    [InlineData("providers.asp_03.capacity_weekly_hours", "lots", "'lots' is not a number; allowed: a number of care hours a week ≥ 0, at most 10,000,000")]
    [InlineData("providers.asp_03.rate_gbp_per_hour", "14,50", "'14,50' is not a number; allowed: a rate in pounds an hour > 0, at most 1,000")]
    [InlineData("commissioners.doncaster_council.annual_budgets_gbp.0", "", "'' is not a number; allowed: a budget in pounds ≥ 0, at most 1,000,000,000,000")]
    [InlineData("rate_setting.policy", "nlw_linkd", "'nlw_linkd' is not allowed; did you mean 'nlw_linked'? allowed: fixed, cpi_linked, nlw_linked, budget_capped")]
    public void A_value_that_is_not_a_number_gets_a_message_naming_what_is_allowed(string key, string typed, string expected)
    {
        var check = Check(Copy(Doncaster), (key, typed));

        Assert.Equal(expected, Assert.Single(check.Problems, p => p.Key == key).Value);
    }

    [Fact]
    public void A_form_that_changes_nothing_is_refused_with_nothing_changed()
    {
        var basePath = Copy(Doncaster);
        var form = ScenarioLevers.Read(basePath).ToDictionary(l => l.Key, l => l.Value);
        form["providers.slp_a.rate_gbp_per_hour"] = " 14.360 ";
        form["commissioners.doncaster_council.annual_budgets_gbp.0"] = Number(form["commissioners.doncaster_council.annual_budgets_gbp.0"]).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

        var check = ScenarioLevers.Check(basePath, "Unchanged", form, Today);

        Assert.False(check.IsValid);
        Assert.Equal("nothing changed; change a lever first", Assert.Single(check.Problems).Value);
        Assert.Equal("", check.Problems.Single().Key);
    }

    [Theory]
    [InlineData("10,650,000", 10_650_000)]
    [InlineData("10,640,000.50", 10_640_000.5)]
    [InlineData("10650000", 10_650_000)]
    public void A_budget_typed_with_thousands_separators_is_read_as_that_number(string typed, double expected)
    {
        var basePath = Copy(Doncaster);

        var variant = SaveAndLoad(Check(basePath, ("commissioners.doncaster_council.annual_budgets_gbp.0", typed)));

        Assert.Equal([expected], variant.Commissioners.Single(c => c.Id == "doncaster_council").AnnualBudgetsGbp);
    }

    [Fact]
    public void A_comma_that_does_not_separate_thousands_gets_the_validators_message()
    {
        var basePath = Copy(Doncaster);

        var check = Check(basePath, ("commissioners.doncaster_council.annual_budgets_gbp.0", "10,64"));

        Assert.False(check.IsValid);
        Assert.Contains("commissioners.doncaster_council.annual_budgets_gbp.0", check.Problems.Keys);
    }

    [Theory]
    [InlineData("£ a year", "10640000", "10,640,000")]
    [InlineData("£", "2750.5", "2,750.5")]
    [InlineData("£", "1234567.5", "1,234,567.5")]
    [InlineData("£", "12345.67", "12,345.67")]
    [InlineData("£", "61000.5", "61,000.5")]
    [InlineData("£ a year", "-12345.67", "-12,345.67")]
    [InlineData("£ an hour", "14.36", "14.36")]
    [InlineData("£ a year", "1234567.891234", "1,234,567.891234")]
    [InlineData("£ a year", "0.1234567890123456789", "0.1234567890123456789")]
    [InlineData("£ a year", "1e20", "100,000,000,000,000,000,000")]
    [InlineData("hours a week", "12000", "12000")]
    [InlineData("£ a year", "", "")]
    public void Money_on_the_levers_form_is_shown_with_thousands_separators_when_it_reads_back_as_the_same_number(string unit, string value, string shown) =>
        Assert.Equal(shown, ScenarioLevers.Shown(new Lever("key", "Budgets", "A budget", unit, value, null)));

    [Theory]
    [InlineData(Doncaster)]
    [InlineData(Dorset)]
    [InlineData("banes-your-care-your-way.yaml")]
    [InlineData("leicestershire-htlah.yaml")]
    public void A_form_sent_back_as_shown_changes_nothing(string file)
    {
        var basePath = Copy(file);
        var levers = ScenarioLevers.Read(basePath);

        var check = ScenarioLevers.Check(basePath, "As shown", levers.ToDictionary(l => l.Key, ScenarioLevers.Shown), Today);

        Assert.Contains(levers, l => l.Unit.StartsWith('£') && ScenarioLevers.Shown(l).Contains(',', StringComparison.Ordinal));
        Assert.Equal(ScenarioLevers.NothingChanged, Assert.Single(check.Problems).Value);
    }

    [Fact]
    public void Money_with_pence_is_shown_with_thousands_separators_and_its_pence_and_read_back_as_shown()
    {
        var basePath = Copy(Dorset);
        File.WriteAllText(basePath, File.ReadAllText(basePath).Replace("value: [18000000]", "value: [18000000.45]", StringComparison.Ordinal));
        var levers = ScenarioLevers.Read(basePath);
        const string Key = "commissioners.dorset_ccg.annual_budgets_gbp.0";

        var asShown = ScenarioLevers.Check(basePath, "As shown", levers.ToDictionary(l => l.Key, ScenarioLevers.Shown), Today);
        var changed = Check(basePath, (Key, "18,000,000.46"));

        Assert.Equal("18,000,000.45", ScenarioLevers.Shown(levers.Single(l => l.Key == Key)));
        Assert.Equal(ScenarioLevers.NothingChanged, Assert.Single(asShown.Problems).Value);
        Assert.True(changed.IsValid, string.Join("; ", changed.Problems.Values));
        Assert.Equal(18000000.46, SaveAndLoad(changed).Commissioners.Single(c => c.Id == "dorset_ccg").AnnualBudgetsGbp[0]);
    }

    private static double Number(string text) => double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_growth_change_in_a_shared_demand_block_changes_every_zone_that_shares_it()
    {
        var variant = SaveAndLoad(Check(Copy(Doncaster), ("zones.zone_1.demand.annual_growth", "0.03")));

        Assert.All(variant.Zones, z => Assert.Equal(0.03, z.Demand.AnnualGrowth));
    }

    [Fact]
    public void A_changed_uncertain_range_stays_one_input_shared_by_the_zones()
    {
        var basePath = Copy("doncaster-uncertain.yaml", Doncaster);
        var lever = ScenarioLevers.Read(basePath).Single(l => l.Key == "zones.zone_1.demand.annual_growth.max");
        Assert.Equal(("Uncertain ranges", "0.035"), (lever.Group, lever.Value));

        var check = Check(basePath, ("zones.zone_1.demand.annual_growth.max", "0.05"));
        Assert.True(check.IsValid);
        var path = Path.Combine(_dir, "variant.yaml");
        File.WriteAllText(path, check.Yaml);
        var variant = ScenarioLoader.LoadUncertain(path);

        var original = ScenarioLoader.LoadUncertain(basePath);
        Assert.Equal(original.Inputs.Select(i => i.Path), variant.Inputs.Select(i => i.Path));
        Assert.Equal(0.05, variant.Inputs.Single(i => i.Path == "zones.zone_1.demand.annual_growth").Distribution.Upper);
        Assert.Contains("workbench lever: max changed from 0.035 on 2026-11-30", check.Yaml);
    }

    [Fact]
    public void A_range_out_of_order_gets_the_validators_message_beside_its_parameters()
    {
        var check = Check(Copy("doncaster-uncertain.yaml", Doncaster), ("zones.zone_1.demand.annual_growth.max", "0.015"));

        var message = "min 0.01, mode 0.02, max 0.015 are out of order; allowed: min ≤ mode ≤ max with min < max (zones zone_1, zone_2, zone_3, zone_4, zone_5 and zone_6 share this block)";
        Assert.Equal(message, check.Problems["zones.zone_1.demand.annual_growth.max"]);
        Assert.Equal(message, check.Problems["zones.zone_1.demand.annual_growth.min"]);
    }

    [Fact]
    public void The_threshold_lever_is_a_partys_liability_over_the_horizon_not_an_overspend_a_year()
    {
        var threshold = ScenarioLevers.Read(Copy(Dorset)).Single(l => l.Key == "pooled_budgets.dorset.threshold_gbp");

        Assert.Equal("Dorset care markets pool: liability threshold reported", threshold.Label);
        Assert.Equal("£ of a party's liability over the horizon", threshold.Unit);
    }

    [Fact]
    public void The_dorset_risk_share_levers_round_trip()
    {
        var basePath = Copy(Dorset);
        var levers = ScenarioLevers.Read(basePath).Where(l => l.Group == "Risk-share agreements").ToDictionary(l => l.Key);
        Assert.Equal("0.85", levers["pooled_budgets.dorset.risk_share_models.dorset_favour_social_care.underspend.share"].Value);
        Assert.Equal("5", levers["pooled_budgets.dorset.risk_share_models.ccg_capped.caps.dorset_ccg.percent_of_contribution"].Value);
        Assert.Equal("1000000", levers["pooled_budgets.dorset.threshold_gbp"].Value);
        Assert.Equal("share (0–1)", levers["pooled_budgets.dorset.risk_share_models.dorset_favour_social_care.underspend.share"].Unit);

        var variant = SaveAndLoad(Check(
            basePath,
            ("pooled_budgets.dorset.risk_share_models.dorset_favour_social_care.underspend.share", "0.7"),
            ("pooled_budgets.dorset.risk_share_models.ccg_capped.caps.dorset_ccg.percent_of_contribution", "10")));

        var original = ScenarioLoader.Load(basePath);
        var pool = original.PooledBudgets.Single();
        var models = pool.ModelsOrDefault.Select(m => m.Id switch
        {
            "dorset_favour_social_care" => m with { UnderspendShare = 0.7, Name = "Dorset rule, underspend 85% to social care (changed: underspend share 0.7)" },
            "ccg_capped" => m with { CapsShareOfContribution = [double.PositiveInfinity, 0.1], Name = "CCG capped at 5% of its contribution, DCC backstop (changed: Dorset CCG (Continuing Healthcare) cap 10%)" },
            _ => m,
        });
        var expected = original with { PooledBudgets = [pool with { Models = [.. models] }] };
        Assert.Equal(Serialized(expected), Serialized(variant));
    }

    [Fact]
    public void A_fixed_split_named_by_its_shares_is_renamed_by_the_new_shares()
    {
        var basePath = Copy("banes-your-care-your-way.yaml");
        const string Shares = "pooled_budgets.banes.risk_share_models.equal_shares.shares";

        var variant = SaveAndLoad(Check(basePath, ($"{Shares}.banes_council", "0.6"), ($"{Shares}.banes_ccg", "0.4")));

        var models = variant.PooledBudgets.Single().ModelsOrDefault;
        Assert.Equal("Fixed 60 : 40", models.Single(m => m.Id == "equal_shares").Name);
        Assert.Equal([0.6, 0.4], models.Single(m => m.Id == "equal_shares").Shares!);
        Assert.Equal("Proportional to contributions", models.Single(m => m.Id == "proportional").Name);
    }

    [Fact]
    public void An_agreement_whose_name_states_numbers_says_which_terms_changed_and_one_without_keeps_its_name()
    {
        var basePath = Copy(Dorset);
        const string Agreements = "pooled_budgets.dorset.risk_share_models";

        var variant = SaveAndLoad(Check(
            basePath,
            ($"{Agreements}.dorset_rule.contribution_scaling.reference_outturn_gbp", "56000000"),
            ($"{Agreements}.dorset_rule_with_p4p.payment_for_performance.pot_gbp", "300000")));

        var models = variant.PooledBudgets.Single().ModelsOrDefault;
        Assert.Equal("Dorset rule (CCG scaled 53/55, overspend 53 : 17.35) (changed: contribution scaling reference outturn 56000000)", models.Single(m => m.Id == "dorset_rule").Name);
        Assert.Equal("Dorset rule with BCF payment for performance", models.Single(m => m.Id == "dorset_rule_with_p4p").Name);
    }

    [Fact]
    public void Shares_that_break_the_validators_sum_rule_get_its_message_beside_each_share()
    {
        var text = File.ReadAllText(Repo.Scenario(Dorset)).Replace("        type: aligned\n", "        type: fixed_shares\n        shares: { dcc: 0.6, dorset_ccg: 0.4 }\n");
        var basePath = Path.Combine(_dir, "dorset-fixed-shares.yaml");
        File.WriteAllText(basePath, text);
        const string Dcc = "pooled_budgets.dorset.risk_share_models.aligned.shares.dcc";
        const string Ccg = "pooled_budgets.dorset.risk_share_models.aligned.shares.dorset_ccg";
        Assert.Equal("0.6", ScenarioLevers.Read(basePath).Single(l => l.Key == Dcc).Value);

        var broken = Check(basePath, (Dcc, "0.7"));
        var kept = Check(basePath, (Dcc, "0.7"), (Ccg, "0.3"));

        var message = "shares sum to 1.1; allowed: shares that sum to 1 (dcc + dorset_ccg)";
        Assert.Equal(message, broken.Problems[Dcc]);
        Assert.Equal(message, broken.Problems[Ccg]);
        Assert.Equal([0.7, 0.3], SaveAndLoad(kept).PooledBudgets.Single().ModelsOrDefault.Single(m => m.Id == "aligned").Shares!);
    }

    [Fact]
    public void An_unknown_key_is_a_problem_under_that_key()
    {
        var check = Check(Copy(Doncaster), ("providers.slp_a.rate_gbp_per_hr", "15"));

        Assert.Equal(
            "unknown lever 'providers.slp_a.rate_gbp_per_hr'; did you mean 'providers.slp_a.rate_gbp_per_hour'? allowed: the keys of this scenario's levers",
            check.Problems["providers.slp_a.rate_gbp_per_hr"]);
    }

    [Fact]
    public void A_blank_optional_lever_leaves_the_field_out()
    {
        var variant = SaveAndLoad(Check(Copy(Dorset), ("zones.north_west.demand.annual_growth", "")));

        Assert.All(variant.Zones, z => Assert.Equal(0, z.Demand.AnnualGrowth));
    }

    [Fact]
    public void A_rate_policy_set_where_the_base_has_none_is_read_back()
    {
        var basePath = Path.Combine(_dir, "frozen.yaml");
        File.WriteAllText(basePath, File.ReadAllText(Repo.Scenario(Doncaster)).Replace("rate_setting:\n  policy: nlw_linked\n  source: \"assumption\"\n", ""));
        Assert.Null(ScenarioLoader.Load(basePath).RateSetting);
        Assert.Equal("", ScenarioLevers.Read(basePath).Single(l => l.Key == "rate_setting.policy").Value);

        var check = Check(basePath, ("rate_setting.policy", "fixed"), ("rate_setting.percent", "1.5"));
        var variant = SaveAndLoad(check);

        Assert.Equal(UpliftPolicy.Fixed, variant.RateSetting!.Policy);
        Assert.Equal(1.5, variant.RateSetting.FixedPercent);
        Assert.Contains("workbench lever: set (it was left out) on 2026-11-30", check.Yaml);
    }

    [Fact]
    public void A_policy_that_needs_a_percent_without_one_gets_the_message_beside_the_uplift_levers()
    {
        var check = Check(Copy(Doncaster), ("rate_setting.policy", "fixed"));

        Assert.Equal("missing required field 'percent'; allowed: an uplift in percent a year, from -50 to 100", check.Problems["rate_setting.percent"]);
    }

    [Theory]
    [InlineData("fixed", "rate_setting.percent", "missing required field 'percent'; allowed: an uplift in percent a year, from -50 to 100")]
    [InlineData("budget_capped", "rate_setting.base", "missing required field 'base'; allowed: fixed, cpi_linked, nlw_linked")]
    public void A_policy_that_needs_a_field_left_blank_gets_the_message_beside_that_field_alone(string policy, string field, string message)
    {
        var check = Check(Copy(Doncaster), ("rate_setting.policy", policy));

        Assert.Equal(message, check.Problems[field]);
        Assert.DoesNotContain("rate_setting.policy", check.Problems.Keys);
        Assert.All(check.Problems, p => Assert.StartsWith($"missing required field '{p.Key["rate_setting.".Length..]}'", p.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void Checking_leaves_no_file_behind()
    {
        var basePath = Copy(Doncaster);

        Check(basePath, ("providers.slp_a.rate_gbp_per_hour", "16"));

        Assert.Equal([basePath], Directory.GetFiles(_dir, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void An_invalid_base_is_a_scenario_exception()
    {
        var basePath = Path.Combine(_dir, "broken.yaml");
        File.WriteAllText(basePath, File.ReadAllText(Repo.Scenario(Doncaster)).Replace("{ value: 14.36, source:", "{ value: -1, source:"));

        Assert.Throws<ScenarioException>(() => ScenarioLevers.Read(basePath));
        Assert.Throws<ScenarioException>(() => Check(basePath));
    }
}
