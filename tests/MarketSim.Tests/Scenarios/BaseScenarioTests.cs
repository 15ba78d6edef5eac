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
        var baseText = File.ReadAllText(Repo.Scenario("doncaster-ccash.yaml")).Replace("zones: [zone_3], capacity_weekly_hours: 1425", "zones: [zone_3], capacity_weekly_hours: -1425");
        var dir = WriteFiles(("base.yaml", baseText), ("variant.yaml", "base: base.yaml\nname: Variant\n"));

        var (_, problems) = ScenarioLoader.TryLoad(Path.Combine(dir, "variant.yaml"));

        var problem = Assert.Single(problems);
        Assert.Equal(Path.Combine(dir, "base.yaml"), problem.File);
        Assert.Equal("providers[1].capacity_weekly_hours", problem.FieldPath);
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
}
