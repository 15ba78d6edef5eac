using MarketSim.Grains.Uncertainty;
using MarketSim.Grains.Uncertainty.Distributions;
using MarketSim.Simulator.Reports;
using MarketSim.Simulator.Scenarios;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Reports;

/// <summary>An uncertain input's label says every place its one draw is used, so a growth shared by all zones is not read as one zone's.</summary>
public sealed class InputLabelsTests
{
    private static readonly Lazy<Grains.Scenario.MarketScenario> Doncaster = new(() => ScenarioLoader.Load(Repo.Scenario("doncaster-ccash.yaml")));

    [Fact]
    public void A_growth_drawn_once_for_every_zone_through_an_alias_is_labelled_for_all_zones_and_keeps_its_column()
    {
        var loaded = ScenarioLoader.LoadUncertain(Repo.Scenario("doncaster-uncertain.yaml"));
        var growth = Assert.Single(loaded.Inputs, i => i.Path.EndsWith(".demand.annual_growth", StringComparison.Ordinal));

        Assert.Equal([.. Enumerable.Range(1, 6).Select(z => $"zones.zone_{z}.demand.annual_growth")], growth.SharedPaths);
        Assert.Equal("zones › all › demand › annual growth", InputLabels.Of(growth, loaded.Median));
        Assert.Equal("zones › all › demand › annual growth", InputLabels.Of(growth.Path, loaded.Inputs, loaded.Median));
        Assert.Equal("input_zones_zone_1_demand_annual_growth", growth.ColumnName);
    }

    [Fact]
    public void An_input_used_at_its_own_path_only_reads_as_its_path()
    {
        var loaded = ScenarioLoader.LoadUncertain(Repo.Scenario("doncaster-uncertain.yaml"));
        var cpi = Assert.Single(loaded.Inputs, i => i.Path == "economy.cpi.annual_rate");

        Assert.Empty(cpi.SharedPaths);
        Assert.Equal("economy › CPI › annual rate", InputLabels.Of(cpi, loaded.Median));
    }

    [Fact]
    public void A_draw_shared_by_some_zones_names_each_of_them() =>
        Assert.Equal("zones › Zone 1, Zone 3 and Zone 4 › demand › annual growth",
            InputLabels.Of(Shared("zones.zone_1.demand.annual_growth", "zones.zone_3.demand.annual_growth", "zones.zone_4.demand.annual_growth"), Doncaster.Value));

    [Fact]
    public void A_draw_shared_by_unlike_places_says_how_many_it_serves() =>
        Assert.Equal("zones › Zone 1 › demand › annual growth (one draw, shared by 2 places)",
            InputLabels.Of(Shared("zones.zone_1.demand.annual_growth", "economy.cpi.annual_rate"), Doncaster.Value));

    private static UncertainInput Shared(params string[] paths) =>
        new(paths[0], InputDistributions.Triangular(0.01, 0.02, 0.035), WholeNumber: false, "fraction") { SharedPaths = paths };
}
