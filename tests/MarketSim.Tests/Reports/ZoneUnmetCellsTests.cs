using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Zones;
using MarketSim.Simulator.Reports;

namespace MarketSim.Tests.Reports;

public sealed class ZoneUnmetCellsTests
{
    [Theory]
    [InlineData(25.0, 75.0, "25%")]
    [InlineData(1.0, 9_999.0, "under 0.1%")]
    [InlineData(0.0, 500.0, "0%")]
    [InlineData(0.0, 0.0, "0%")]
    public void The_share_of_need_is_unmet_hours_over_unmet_and_delivered_hours(double unmet, double delivered, string expected)
    {
        var zone = Zone(unmet, delivered);

        var cells = new ZoneUnmetCells([zone], costGbpPerHour: null).Of(zone);

        Assert.Equal(2, cells.Count);
        Assert.Equal(expected, cells[1]);
    }

    [Fact]
    public void Unmet_need_valued_in_pounds_adds_a_cost_cell_at_the_hourly_cost()
    {
        var zone = Zone(unmet: 1_000, delivered: 3_000);

        var cells = new ZoneUnmetCells([zone], costGbpPerHour: 92.11).Of(zone);

        Assert.Equal(3, cells.Count);
        Assert.StartsWith("£92.1k ± £", cells[2], StringComparison.Ordinal);
    }

    private static EntitySummary Zone(double unmet, double delivered)
    {
        var metrics = ZoneMetrics.All.Select(m => new MetricSummary(m, 10, 0, 0, 0, 0, 0)).ToArray();
        metrics[ZoneMetrics.UnmetHours] = metrics[ZoneMetrics.UnmetHours] with { Mean = unmet, StdError = unmet / 10 };
        metrics[ZoneMetrics.DeliveredHours] = metrics[ZoneMetrics.DeliveredHours] with { Mean = delivered };
        return new EntitySummary(new EntityBlock(EntityKind.Zone, "north", "North", 0, metrics.Length), 10, metrics);
    }
}
