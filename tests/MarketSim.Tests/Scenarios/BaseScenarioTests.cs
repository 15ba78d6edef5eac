using MarketSim.Simulator.Scenarios;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Scenarios;

/// <summary>A scenario may be written as a variant of another: `base: other.yaml` plus its changes.</summary>
public class BaseScenarioTests
{
    private static string WriteFiles(params (string Name, string Text)[] files)
    {
        var dir = Repo.TempDir();
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(dir, name), text);
        }
        return dir;
    }

    [Fact]
    public void A_variant_replaces_entries_by_id_adds_new_ones_and_replaces_top_level_fields()
    {
        var baseText = File.ReadAllText(Repo.Scenario("doncaster-ccash.yaml"));
        var dir = WriteFiles(("base.yaml", baseText), ("variant.yaml", """
            base: base.yaml
            name: Variant
            horizon_years: 2
            providers:
              - { id: slp_b, name: SLP B bigger, role: lead, zones: [zone_3], capacity_weekly_hours: 3000, rate_gbp_per_hour: 15 }
              - { id: newcomer, role: framework, zones: all, capacity_weekly_hours: 100, rate_gbp_per_hour: 15 }
            """));

        var variant = ScenarioLoader.Load(Path.Combine(dir, "variant.yaml"));
        var original = ScenarioLoader.Load(Path.Combine(dir, "base.yaml"));

        Assert.Equal("Variant", variant.Name);
        Assert.Equal(104, variant.HorizonWeeks);
        Assert.Equal(original.Providers.Length + 1, variant.Providers.Length);
        Assert.Equal(3000, variant.Providers.Single(p => p.Id == "slp_b").CapacityWeeklyHours);
        Assert.Equal(1, Array.FindIndex(variant.Providers, p => p.Id == "slp_b"));
        Assert.Equal("newcomer", variant.Providers[^1].Id);
        Assert.Equal(original.Zones.Length, variant.Zones.Length);
        Assert.Equal(original.Economy!.NlwGbpPerHour, variant.Economy!.NlwGbpPerHour);
    }

    [Fact]
    public void The_effective_scenario_of_a_variant_loads_to_the_same_market()
    {
        var path = Repo.Scenario("doncaster-lead-exit.yaml");
        var dir = WriteFiles(("effective.yaml", ScenarioLoader.EffectiveYaml(path)));

        var direct = ScenarioLoader.Load(path);
        var viaEffective = ScenarioLoader.Load(Path.Combine(dir, "effective.yaml"));

        Assert.Equal(direct.Name, viaEffective.Name);
        Assert.Equal(direct.Providers.Select(p => p.CapacityWeeklyHours), viaEffective.Providers.Select(p => p.CapacityWeeklyHours));
        Assert.Equal(Runner.OneRun(direct, seed: 3), Runner.OneRun(viaEffective, seed: 3));
    }

    [Fact]
    public void A_problem_inside_the_base_names_the_base_file()
    {
        var baseText = File.ReadAllText(Repo.Scenario("doncaster-ccash.yaml")).Replace("zones: [zone_3]\n    capacity_weekly_hours: { value: 1425,", "zones: [zone_3]\n    capacity_weekly_hours: { value: -1425,");
        var dir = WriteFiles(("base.yaml", baseText), ("variant.yaml", "base: base.yaml\nname: Variant\n"));

        var (_, problems) = ScenarioLoader.TryLoad(Path.Combine(dir, "variant.yaml"));

        var problem = Assert.Single(problems);
        Assert.Equal(Path.Combine(dir, "base.yaml"), problem.File);
        Assert.Equal("providers[1].capacity_weekly_hours.value", problem.FieldPath);
    }

    [Theory]
    [InlineData("base: missing.yaml\nname: x\n", "'missing.yaml' not found")]
    [InlineData("base: self.yaml\nname: x\n", "leads back to this file")]
    [InlineData("base: ../elsewhere/x.yaml\nname: x\n", "the file name of a scenario in the same folder")]
    public void A_bad_base_is_reported(string text, string expected)
    {
        var dir = WriteFiles(("self.yaml", text));

        var (_, problems) = ScenarioLoader.TryLoad(Path.Combine(dir, "self.yaml"));

        Assert.Contains(expected, Assert.Single(problems).Message);
    }

    [Fact]
    public void A_base_that_is_a_folder_or_a_broken_link_is_named_as_such_not_as_missing()
    {
        var dir = WriteFiles(("variant.yaml", "base: folder.yaml\nname: x\n"), ("linked.yaml", "base: broken.yaml\nname: x\n"));
        Directory.CreateDirectory(Path.Combine(dir, "folder.yaml"));
        File.CreateSymbolicLink(Path.Combine(dir, "broken.yaml"), Path.Combine(dir, "gone.yaml"));

        var folder = Assert.Single(ScenarioLoader.TryLoad(Path.Combine(dir, "variant.yaml")).Problems);
        var link = Assert.Single(ScenarioLoader.TryLoad(Path.Combine(dir, "linked.yaml")).Problems);
        var direct = Assert.Single(ScenarioLoader.TryLoad(Path.Combine(dir, "broken.yaml")).Problems);

        Assert.Equal("'folder.yaml' is a folder, not a scenario file; allowed: the file name of a scenario in the same folder", folder.Message);
        Assert.Equal(Path.Combine(dir, "linked.yaml"), link.File);
        Assert.Equal($"'broken.yaml' is a link to '{Path.Combine(dir, "gone.yaml")}', which does not exist; allowed: the file name of a scenario in the same folder", link.Message);
        Assert.Equal($"is a link to '{Path.Combine(dir, "gone.yaml")}', which does not exist; allowed: the path of a scenario YAML file", direct.Message);
    }

    private static IReadOnlyList<ScenarioProblem> VariantProblems(string variant, out string file)
    {
        var dir = WriteFiles(("base.yaml", File.ReadAllText(Repo.Scenario("doncaster-ccash.yaml"))), ("variant.yaml", variant));
        file = Path.Combine(dir, "variant.yaml");
        return ScenarioLoader.TryLoad(file).Problems;
    }

    [Fact]
    public void A_variant_listing_one_new_id_twice_is_refused_at_the_second_entry()
    {
        var problems = VariantProblems("""
            base: base.yaml
            providers:
              - { id: asp_11, role: framework, zones: all, capacity_weekly_hours: 700, rate_gbp_per_hour: 14.36 }
              - { id: asp_11, role: framework, zones: all, capacity_weekly_hours: 100, rate_gbp_per_hour: 14.36 }
            zones:
              - { id: zone_1, name: Zone 1 again, demand: { starting_caseload_people: 1, weekly_referrals_people: 1, weekly_hours: { distribution: fixed, mean: 1 }, package_length_weeks: { distribution: fixed, mean: 1 }, funding_mix: { council: 1 } } }
              - { id: zone_1, name: Zone 1 twice, demand: { starting_caseload_people: 1, weekly_referrals_people: 1, weekly_hours: { distribution: fixed, mean: 1 }, package_length_weeks: { distribution: fixed, mean: 1 }, funding_mix: { council: 1 } } }
            """, out var file);

        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Equal(file, p.File));
        Assert.Equal((4, "providers", "id 'asp_11' is used more than once; allowed: a different id for each entry"), (problems[0].Line, problems[0].FieldPath, problems[0].Message));
        Assert.Equal((7, "zones", "id 'zone_1' is used more than once; allowed: a different id for each entry"), (problems[1].Line, problems[1].FieldPath, problems[1].Message));
    }

    [Fact]
    public void A_problem_with_a_variants_entry_names_the_entrys_index_in_the_variant()
    {
        var problems = VariantProblems("""
            base: base.yaml
            providers:
              - { id: asp_11, zones: all, capacity_weekly_hours: 700, rate_gbp_per_hour: 14.36 }
            """, out var file);

        var problem = Assert.Single(problems);
        Assert.Equal($"{file}:3:5: providers[0]: missing required field 'role'; allowed: lead, framework, spot", problem.ToString());
    }

    [Fact]
    public void A_variant_replacing_provider_defaults_is_named_in_the_base_providers_missing_fields()
    {
        var problems = VariantProblems("""
            base: base.yaml
            provider_defaults:
              failure: { hazard_per_year: 0.05 }
            """, out var file);

        var baseFile = Path.Combine(Path.GetDirectoryName(file)!, "base.yaml");
        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Equal(baseFile, p.File));
        Assert.All(problems, p => Assert.Contains("missing required field '", p.Message, StringComparison.Ordinal));
        Assert.All(problems, p => Assert.Contains(" (variant.yaml's provider_defaults replaces the base's whole, so the base's providers no longer take the fields it left out: copy the base's provider_defaults and change what differs); allowed: ", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_variant_entry_with_a_base_id_and_missing_fields_is_told_it_replaces_the_whole_entry()
    {
        var problems = VariantProblems("""
            base: base.yaml
            providers:
              - { id: asp_11, role: framework, zones: all, capacity_weekly_hours: 700, rate_gbp_per_hour: 14.36 }
              - { id: asp_01, capacity_weekly_hours: 900 }
            """, out var file);

        Assert.Equal(3, problems.Count);
        Assert.All(problems, p => Assert.Equal((file, 4L, "providers[1]"), (p.File, p.Line, p.FieldPath)));
        Assert.All(problems, p => Assert.Contains(" (an entry with an id the base has replaces that entry whole: copy the entry from the base and change what differs); allowed: ", p.Message, StringComparison.Ordinal));
        Assert.All(problems, p => Assert.Single(System.Text.RegularExpressions.Regex.Matches(p.Message, "allowed:")));
        Assert.EndsWith("missing required field 'role' (an entry with an id the base has replaces that entry whole: copy the entry from the base and change what differs); allowed: lead, framework, spot", problems[0].Message, StringComparison.Ordinal);
        Assert.Equal(["role", "zones", "rate_gbp_per_hour"], problems.Select(p => p.Message.Split('\'')[1]));
    }

    [Fact]
    public void A_stream_a_variant_funds_a_second_time_is_reported_at_the_variants_commissioner()
    {
        var problems = VariantProblems("""
            base: base.yaml
            commissioners:
              - id: other
                funds: [council]
                annual_budgets_gbp: [1000]
            """, out var file);

        var problem = Assert.Single(problems);
        Assert.Equal(
            $"{file}:4:12: commissioners[0].funds: zones have council packages but it is funded by doncaster_council and other; allowed: exactly one commissioner whose funds list 'council'",
            problem.ToString());
    }

    [Fact]
    public void A_shock_after_the_horizon_is_reported_at_its_week_with_its_type_as_written()
    {
        var problems = VariantProblems("""
            base: base.yaml
            shocks:
              - { type: wage, increase: 0.1, week: 10 }
              - { type: provider_exit, provider: slp_c, week: 300 }
            """, out var file);

        var problem = Assert.Single(problems);
        Assert.Equal($"{file}:4:51: shocks[1].week: a provider_exit shock at week 300 is after the horizon; allowed: a week from 0 to 259", problem.ToString());
    }
}
