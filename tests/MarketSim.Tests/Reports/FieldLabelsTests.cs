using MarketSim.Simulator.Reports;
using MarketSim.Simulator.Scenarios;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Reports;

/// <summary>Scenario paths in words, as sensitivity's tables and charts label the inputs they vary.</summary>
public sealed class FieldLabelsTests
{
    private static readonly Lazy<Grains.Scenario.MarketScenario> Doncaster = new(() => ScenarioLoader.Load(Repo.Scenario("doncaster-ccash.yaml")));

    [Theory]
    [InlineData("providers.slp_a.capacity_weekly_hours", "providers › SLP A › capacity weekly hours")]
    [InlineData("providers[4].capacity_weekly_hours", "providers › ASP 1 › capacity weekly hours")]
    [InlineData("zones[0].demand.annual_growth", "zones › Zone 1 › demand › annual growth")]
    [InlineData("commissioners.doncaster_council.annual_budgets_gbp[1]", "commissioners › Doncaster Council › annual budgets (£), year 2")]
    [InlineData("shocks[0].week", "shocks [0] › week")]
    [InlineData("zones.*.demand.annual_growth", "zones › all › demand › annual growth")]
    public void A_path_reads_with_names_and_keeps_what_tells_entries_apart(string path, string expected) =>
        Assert.Equal(expected, FieldLabels.Of(path, Doncaster.Value));
}
