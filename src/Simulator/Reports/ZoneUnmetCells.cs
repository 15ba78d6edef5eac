using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Zones;

namespace MarketSim.Simulator.Reports;

/// <summary>
/// The unmet-need cells of a zone table, as the console's zone table and report.html's write them: a zone's unmet care hours
/// over the horizon (mean ± SE), their share of its need and, when the scenario values unmet need, their cost in £ (mean ±
/// SE); hours and pounds on one <see cref="Footing"/> over the table's zones, so that a column's figures compare at a glance.
/// </summary>
public sealed class ZoneUnmetCells
{
    private readonly Footing _footing;
    private readonly double? _costGbpPerHour;

    /// <summary>The cells of a table of <paramref name="zones"/>.</summary>
    /// <param name="zones">Every zone the table lists.</param>
    /// <param name="costGbpPerHour">The cost of an unmet care hour in £; null when the scenario does not value unmet need, and the table has no cost column.</param>
    public ZoneUnmetCells(IEnumerable<EntitySummary> zones, double? costGbpPerHour)
    {
        _costGbpPerHour = costGbpPerHour;
        var cost = costGbpPerHour ?? 0;
        _footing = Footing.Of(zones.Select(Unmet).SelectMany(m => new[] { (m.Mean, "hours"), (m.StdError, "hours"), (m.Mean * cost, "GBP"), (m.StdError * cost, "GBP") }));
    }

    /// <summary>A zone's unmet care hours over the horizon, over the runs.</summary>
    public static MetricSummary Unmet(EntitySummary zone) => zone.Metric(ZoneMetrics.All[ZoneMetrics.UnmetHours].Name);

    /// <summary>The cells of <paramref name="zone"/>'s row: "624k ± 36k" hours, "16%" of need and, when unmet need is valued, "£57.4m ± £3.3m", each figure on the scale of its SE.</summary>
    public IReadOnlyList<string> Of(EntitySummary zone)
    {
        var unmet = Unmet(zone);
        var cells = new List<string>
        {
            _footing.PlusMinus(unmet.Mean, unmet.StdError, "hours"),
            ShareOfNeed(unmet.Mean, zone.Metric(ZoneMetrics.All[ZoneMetrics.DeliveredHours].Name).Mean),
        };
        if (_costGbpPerHour is { } perHour)
        {
            cells.Add(_footing.PlusMinus(unmet.Mean * perHour, unmet.StdError * perHour, "GBP"));
        }
        return cells;
    }

    /// <summary>A zone's unmet hours as a share of its need (unmet + delivered), as the summary's share of need: "27%", "under 0.1%", "0%".</summary>
    private static string ShareOfNeed(double unmet, double delivered) =>
        unmet <= 0 ? "0%" : unmet + delivered <= 0 ? "" : unmet / (unmet + delivered) is var share && share < 0.001 ? "under 0.1%" : Quantity.Share(share);
}
