using MarketSim.Grains.RiskShare;
using MarketSim.Simulator.Scenarios;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Scenarios;

/// <summary>Risk-share agreements in a scenario: read from the file, and bad ones rejected clearly.</summary>
public class RiskShareValidationTests
{
    private static readonly string Dorset = File.ReadAllText(Repo.Scenario("dorset-pool-2017.yaml"));

    private static string[] Problems(string yaml) =>
        [.. ScenarioLoader.Parse(yaml, "dorset.yaml").Problems.Select(p => p.ToString())];

    [Fact]
    public void The_Dorset_scenario_states_the_seed_agreement()
    {
        var pool = ScenarioLoader.Load(Repo.Scenario("dorset-pool-2017.yaml")).PooledBudgets.Single();
        var rule = pool.ModelsOrDefault.Single(m => m.Id == "dorset_rule");

        Assert.Equal(17.35, 18 * rule.Scaling!.Factor, 2);
        Assert.Equal(0, pool.PhasingStartShare);
        Assert.Equal(52, pool.PhasingFullByWeek);
        var capped = pool.ModelsOrDefault.Single(m => m.Id == "ccg_capped");
        Assert.Equal(0.05, capped.CapsShareOfContribution![1], 12);
        Assert.Equal(double.PositiveInfinity, capped.CapsGbp![1]);
        Assert.Equal(UnderspendRule.Weighted, pool.ModelsOrDefault.Single(m => m.Id == "dorset_favour_social_care").Underspend);
    }

    [Theory]
    [InlineData("caps: { dorset_ccg: { percent_of_contribution: 5 } }", "caps: { dorset_ccg: { gbp: -10 } }", "caps.dorset_ccg.gbp: -10 is negative")]
    [InlineData("backstop: dcc", "backstop: dcd", "'dcd' is not a partner of this pool; did you mean 'dcc'?")]
    [InlineData("underspend: { rule: weighted, partner: dcc, share: 0.85", "underspend: { rule: weighted, partner: ccg, share: 0.85", "'ccg' is not a partner of this pool")]
    [InlineData("type: aligned", "type: alinged", "'alinged' is not allowed; did you mean 'aligned'?")]
    public void A_bad_agreement_gets_one_clear_message(string good, string bad, string expected)
    {
        Assert.Contains(good, Dorset);

        var problem = Assert.Single(Problems(Dorset.Replace(good, bad)));

        Assert.Contains(expected, problem);
        Assert.StartsWith("dorset.yaml:", problem);
    }

    [Theory]
    [InlineData("backstop: dcc", "backstop: nobody_here", "backstop: 'nobody_here' is not a partner of this pool; allowed: dcc, dorset_ccg")]
    [InlineData("caps: { dorset_ccg: { percent_of_contribution: 5 } }", "caps: { dorset_ccg: { percent_of_contribution: 5, gbp: 10 } }", "caps.dorset_ccg: both gbp and percent_of_contribution are given; allowed: exactly one of gbp or percent_of_contribution")]
    [InlineData("        type: aligned\n", "        type: aligned\n        lead: dcc\n", ".lead: only for type lead_bears_all, and this agreement's type is aligned; allowed: leave it out, or type: lead_bears_all")]
    [InlineData("        type: aligned\n", "        type: aligned\n        caps: { dcc: { gbp: 10 } }\n", ".caps: only for type capped, and this agreement's type is aligned; allowed: leave it out, or type: capped")]
    [InlineData("reference_partner: dcc", "reference_partner: dcd", "contribution_scaling.reference_partner: 'dcd' is not a partner of this pool; did you mean 'dcc'?")]
    [InlineData("reference_partner: dcc", "reference_partner: dorset_ccg", "contribution_scaling.reference_partner: 'dorset_ccg' is the partner being scaled; allowed: another partner of this pool")]
    [InlineData("          reference_budget_gbp: 53000000\n", "", "contribution_scaling: missing required field 'reference_budget_gbp'; allowed: the reference partner's budget in pounds > 0")]
    public void A_bad_agreement_says_what_is_wrong_then_what_is_allowed_after_a_semicolon(string good, string bad, string expected)
    {
        Assert.Contains(good, Dorset);

        Assert.Contains(expected, Assert.Single(Problems(Dorset.Replace(good, bad))));
    }

    [Fact]
    public void A_misnamed_pool_partner_gets_one_message_and_no_knock_on_about_its_cap()
    {
        var yaml = Dorset.Replace("{ commissioner: dorset_ccg, contribution_gbp_per_year", "{ commissioner: nhs, contribution_gbp_per_year");
        Assert.NotEqual(Dorset, yaml);

        var problem = Assert.Single(Problems(yaml));

        Assert.Contains("commissioner: unknown commissioner 'nhs'", problem);
    }

    [Fact]
    public void A_missing_backstop_says_which_partners_are_allowed() =>
        Assert.Contains(
            "missing required field 'backstop'; allowed: a partner of this pool (dcc, dorset_ccg)",
            Assert.Single(Problems(Dorset.Replace("backstop: dcc", "backstop: ~"))));

    [Fact]
    public void A_cap_written_as_a_number_says_how_to_write_a_cap() =>
        Assert.Contains(
            "caps.dorset_ccg: expected a mapping of fields (key: value lines); allowed: { gbp: N } (pounds a year) or { percent_of_contribution: P }",
            Assert.Single(Problems(Dorset.Replace("caps: { dorset_ccg: { percent_of_contribution: 5 } }", "caps: { dorset_ccg: 180000 }"))));

    [Fact]
    public void More_yearly_budgets_than_the_horizon_has_years_load_with_a_warning_naming_the_list()
    {
        var yaml = Dorset.Replace("annual_budgets_gbp: { value: [53000000],", "annual_budgets_gbp: { value: [53000000, 54000000, 55000000],", StringComparison.Ordinal);
        Assert.NotEqual(Dorset, yaml);

        var (loaded, problems) = ScenarioLoader.ParseUncertain(yaml, "dorset.yaml");

        Assert.Empty(problems);
        var warning = Assert.Single(loaded!.Warnings);
        Assert.Equal("dorset.yaml:138:25: commissioners[0].annual_budgets_gbp: 3 budgets for a horizon of 2 model years: the last is never used; check horizon_years or the list", warning.ToString());
        Assert.Empty(ScenarioLoader.ParseUncertain(Dorset, "dorset.yaml").Scenario!.Warnings);
    }

    [Fact]
    public void Fixed_shares_that_do_not_sum_to_one_are_rejected()
    {
        var yaml = Dorset.Replace("        type: aligned\n", "        type: fixed_shares\n        shares: { dcc: 0.6, dorset_ccg: 0.3 }\n");

        Assert.Contains("shares sum to 0.9; allowed: shares that sum to 1", Assert.Single(Problems(yaml)));
    }

    [Theory]
    [InlineData("        type: aligned\n", "        type: fixed_shares\n        shares: { dcc: 0.7, poole: 0.3 }\n", "shares.poole: 'poole' is not a partner of this pool; allowed: dcc, dorset_ccg")]
    [InlineData("caps: { dorset_ccg: { percent_of_contribution: 5 } }", "caps: { dorset_ccg: { percent_of_contribution: 5 }, poole: { gbp: 10 } }", "caps.poole: 'poole' is not a partner of this pool; allowed: dcc, dorset_ccg")]
    [InlineData("        type: aligned\n", "        type: aligned\n        contingency_gbp: { dcc: 100000, dorset_cgg: 5 }\n", "contingency_gbp.dorset_cgg: 'dorset_cgg' is not a partner of this pool; did you mean 'dorset_ccg'? allowed: dcc, dorset_ccg")]
    public void A_key_by_partner_that_names_no_partner_gets_one_message_saying_so_not_unknown_field(string good, string bad, string expected)
    {
        Assert.Contains(good, Dorset);

        Assert.EndsWith(expected, Assert.Single(Problems(Dorset.Replace(good, bad))));
    }

    [Theory]
    [InlineData("backstop: dcc", "backstop: dorset_ccg", "caps.dorset_ccg: dorset_ccg is the backstop")]
    [InlineData("caps: { dorset_ccg: { percent_of_contribution: 5 } }", "caps: { dorset_ccg: { percent_of_contribution: 5 }, dcc: { gbp: 100 } }", "caps.dcc: dcc is the backstop")]
    public void A_cap_on_the_backstop_partner_is_refused_as_it_would_hold_no_one(string good, string bad, string expected)
    {
        Assert.Contains(good, Dorset);

        var problem = Assert.Single(Problems(Dorset.Replace(good, bad)));

        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.Contains("which pays whatever the capped partners cannot, so it cannot have a cap itself; allowed: caps on the other partners only", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_partner_listed_twice_is_named_at_the_repeat()
    {
        var problems = Problems(Dorset.Replace("- { commissioner: dorset_ccg, contribution_gbp_per_year: { value: 18000000,", "- { commissioner: dcc, contribution_gbp_per_year: { value: 18000000,", StringComparison.Ordinal));

        Assert.Contains(problems, p => p.EndsWith("pooled_budgets[0].partners[1].commissioner: 'dcc' is listed twice (also pooled_budgets[0].partners[0]); allowed: each partner once", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("dcc, dcc", StringComparison.Ordinal));
    }

    [Fact]
    public void A_payment_for_performance_paid_to_its_own_payer_is_refused() =>
        Assert.EndsWith("payment_for_performance.recipient: 'dorset_ccg' is also the payer; allowed: another partner of this pool (dcc)",
            Assert.Single(Problems(Dorset.Replace("payer: dorset_ccg\n          recipient: dcc", "payer: dorset_ccg\n          recipient: dorset_ccg", StringComparison.Ordinal))));

    [Fact]
    public void A_misspelt_underspend_rule_is_the_one_problem_not_also_its_partner_and_share() =>
        Assert.Contains("underspend.rule: 'weightd' is not allowed; did you mean 'weighted'?",
            Assert.Single(Problems(Dorset.Replace("underspend: { rule: weighted, partner: dcc", "underspend: { rule: weightd, partner: dcc"))));

    [Fact]
    public void Overlapping_tier_bands_are_rejected()
    {
        var yaml = Dorset.Replace("        type: aligned\n", """
                    type: tiered
                    tiers:
                      - { up_to_gbp: 2000000, shares: { dcc: 0.5, dorset_ccg: 0.5 } }
                      - { up_to_gbp: 1000000, shares: { dcc: 0.7, dorset_ccg: 0.3 } }
                      - { shares: { dcc: 1 } }

            """);

        Assert.Contains("overlapping tier bands", Assert.Single(Problems(yaml)));
    }

    [Theory]
    [InlineData("        type: capped\n", "")]
    [InlineData("        type: capped\n", "        type: caped\n")]
    public void A_missing_or_misspelt_type_is_the_one_problem_not_also_the_fields_of_the_type_meant(string good, string bad)
    {
        Assert.Contains(good, Dorset);

        var problem = Assert.Single(Problems(Dorset.Replace(good, bad, StringComparison.Ordinal)));

        Assert.Contains("type", problem, StringComparison.Ordinal);
        Assert.EndsWith("allowed: proportional, fixed_shares, aligned, capped, tiered, lead_bears_all", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing required field 'partners'; allowed: a list of partners, each { commissioner: ID, contribution_gbp_per_year: N }", "")]
    [InlineData("a pooled budget needs at least one partner; allowed: a list of partners", "    partners: []\n")]
    public void A_pool_without_partners_is_the_one_problem_not_also_every_partner_its_agreements_name(string expected, string partners)
    {
        var start = Dorset.IndexOf("    partners:\n", StringComparison.Ordinal);
        var end = Dorset.IndexOf("    phasing:", StringComparison.Ordinal);
        Assert.True(start > 0 && end > start);

        var problem = Assert.Single(Problems(string.Concat(Dorset.AsSpan(0, start), partners, Dorset.AsSpan(end))));

        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("        caps: { dorset_ccg: { percent_of_contribution: 5 } }\n", "", "missing required field 'caps'; allowed: { PARTNER: CAP } for each capped partner (dcc, dorset_ccg), a CAP being { gbp: N } (pounds a year) or { percent_of_contribution: P }")]
    [InlineData("        type: aligned\n", "        type: fixed_shares\n", "missing required field 'shares'; allowed: { PARTNER: share, … }, a share from 0 to 1 for each partner (dcc, dorset_ccg; one left out has 0), the shares summing to 1")]
    [InlineData("        type: aligned\n", "        type: fixed_shares\n        shares: [0.7, 0.3]\n", "shares: expected a mapping of fields (key: value lines); allowed: { PARTNER: share, … }")]
    [InlineData("        type: aligned\n", "        type: tiered\n", "missing required field 'tiers'; allowed: a list of bands { up_to_gbp: N, shares: { PARTNER: share, … } } in increasing order of overspend")]
    [InlineData("        type: aligned\n", "        type: tiered\n        tiers: []\n", "tiers: empty list; allowed: a list of bands")]
    [InlineData("{ commissioner: dcc, contribution_gbp_per_year: { value: 53000000, source: \"000 para 7.3, 7.6: DCC's rebased 2017-18 budget of £53m is its contribution\" }, source:", "{ commissioner: dcc, source:", "partners[0]: missing required field 'contribution_gbp_per_year'; allowed: a contribution in pounds a year ≥ 0")]
    public void A_missing_or_empty_part_of_an_agreement_says_what_is_allowed(string good, string bad, string expected)
    {
        Assert.Contains(good, Dorset);

        Assert.Contains(expected, Assert.Single(Problems(Dorset.Replace(good, bad, StringComparison.Ordinal))), StringComparison.Ordinal);
    }

    private const string Capped = "        type: capped\n        caps: { dorset_ccg: { percent_of_contribution: 5 } }\n        backstop: dcc\n";
    private const string Weighted = "underspend: { rule: weighted, partner: dcc, share: 0.85, source: \"000 para 7.7: some degree in favour of social care; 85% an assumption\" }";
    private const string FullPool = "        name: \"Full pool of both out-turns (53 : 18)\"\n";
    private const string Mapping = "expected a mapping of fields (key: value lines); allowed: a mapping of the fields";

    /// <summary>The one problem of Dorset with <paramref name="good"/> made <paramref name="bad"/>, which must name the file, then <paramref name="pathAndMessage"/>.</summary>
    private static void AssertOneProblem(string good, string bad, string pathAndMessage)
    {
        Assert.Contains(good, Dorset);

        var problem = Assert.Single(Problems(Dorset.Replace(good, bad, StringComparison.Ordinal)));

        Assert.StartsWith("dorset.yaml:", problem, StringComparison.Ordinal);
        Assert.EndsWith($": pooled_budgets[0].{pathAndMessage}", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("    phasing:\n      starting_share: 0\n      full_by_week: 52\n      source: \"000 para 7.1: aligned budgets from April 2017, a full pool for 100% of activity by the end of the first year\"\n", "    phasing: yes\n",
        "phasing: " + Mapping + " starting_share, full_by_week, source")]
    [InlineData("    partners:\n", "    partners:\n      - dcc\n", "partners[0]: " + Mapping + " commissioner, contribution_gbp_per_year, source")]
    [InlineData("    risk_share_models:\n", "    risk_share_models:\n      - proportional\n",
        "risk_share_models[0]: " + Mapping + " id, name, type, underspend, contingency_gbp, contribution_scaling, gain_loss, payment_for_performance, shares, caps, backstop, tiers, lead, source")]
    [InlineData("contribution_scaling: { partner: dorset_ccg, reference_budget_gbp: 53000000, reference_outturn_gbp: 55000000, source: \"000 para 7.5-7.6: as dorset_rule, 18 × 53/55 = 17.35\" }\n        underspend", "contribution_scaling: dorset_ccg\n        underspend",
        "risk_share_models[1].contribution_scaling: " + Mapping + " partner, reference_budget_gbp, reference_outturn_gbp, reference_partner, source")]
    [InlineData(FullPool, FullPool + "        gain_loss: 0.5\n", "risk_share_models[3].gain_loss: " + Mapping + " expected_spend_gbp, provider_share, cap_gbp, collar_gbp, source")]
    [InlineData(FullPool, FullPool + "        payment_for_performance: 234000\n",
        "risk_share_models[3].payment_for_performance: " + Mapping + " payer, recipient, pot_gbp, baseline_waiting_people, target_waiting_people, source")]
    [InlineData(FullPool, FullPool + "        contingency_gbp: 100000\n",
        "risk_share_models[3].contingency_gbp: expected a mapping of fields (key: value lines); allowed: { PARTNER: N } (pounds a year) for each partner that keeps a contingency (dcc, dorset_ccg)")]
    [InlineData(Capped, "        type: tiered\n        tiers: [1000]\n", "risk_share_models[5].tiers[0]: " + Mapping + " up_to_gbp, shares, source")]
    public void A_pool_or_agreement_block_written_as_one_value_names_its_fields(string good, string bad, string pathAndMessage) =>
        AssertOneProblem(good, bad, pathAndMessage);

    [Theory]
    [InlineData("underspend: [retained]", "risk_share_models[1].underspend: expected a rule or a mapping of fields, found a list; allowed: same_split, retained, or a mapping of the fields rule, partner, share, source, such as { rule: weighted, partner: ID, share: 0.7 }")]
    [InlineData("underspend: retaind", "risk_share_models[1].underspend: 'retaind' is not allowed; did you mean 'retained'? allowed: same_split, retained, or a mapping of the fields rule, partner, share, source, such as { rule: weighted, partner: ID, share: 0.7 }")]
    public void An_underspend_that_is_neither_a_rule_nor_a_mapping_names_the_rules_and_the_fields(string bad, string pathAndMessage) =>
        AssertOneProblem(Weighted, bad, pathAndMessage);

    [Fact]
    public void An_underspend_written_as_a_rule_alone_is_read() =>
        Assert.Empty(Problems(Dorset.Replace(Weighted, "underspend: retained", StringComparison.Ordinal)));

    [Fact]
    public void A_tier_that_is_not_a_mapping_is_the_one_problem_and_the_last_tier_is_still_the_last_entry() =>
        AssertOneProblem(Capped, "        type: tiered\n        tiers: [{ up_to_gbp: 1000000, shares: { dcc: 1 } }, 1000, { shares: { dcc: 0.5, dorset_ccg: 0.5 } }]\n",
            "risk_share_models[5].tiers[1]: " + Mapping + " up_to_gbp, shares, source");

    [Fact]
    public void A_tier_missing_its_edge_is_the_one_problem_not_also_the_edge_of_the_tier_after_it() =>
        AssertOneProblem(Capped, "        type: tiered\n        tiers: [{ up_to_gbp: 1000000, shares: { dcc: 1 } }, { shares: { dcc: 1 } }, { up_to_gbp: 3000000, shares: { dcc: 1 } }, { shares: { dcc: 1 } }]\n",
            "risk_share_models[5].tiers[1]: missing required field 'up_to_gbp'; allowed: the band's upper edge in pounds of overspend, above the band before it (leave out on the last band), from 0 to 1,000,000,000,000");

    [Fact]
    public void An_upper_edge_on_the_last_tier_is_refused_at_that_tier() =>
        AssertOneProblem(Capped, "        type: tiered\n        tiers: [{ up_to_gbp: 1000000, shares: { dcc: 1 } }, { up_to_gbp: 2000000, shares: { dcc: 1 } }]\n",
            "risk_share_models[5].tiers[1].up_to_gbp: the last band has an upper edge, so a larger overspend would be split by no band; allowed: leave out up_to_gbp on the last band");

    [Fact]
    public void A_percentage_cap_above_ten_times_the_contribution_is_refused_saying_why() =>
        AssertOneProblem("percent_of_contribution: 5 }", "percent_of_contribution: 5000 }",
            "risk_share_models[5].caps.dorset_ccg.percent_of_contribution: 5000 is out of range; allowed: a cap as a percentage of the partner's contribution in each year (pro rata in a part year), from 0 to 1,000 (ten times the contribution; a larger number is most likely a cap in pounds, written gbp: N)");
}
