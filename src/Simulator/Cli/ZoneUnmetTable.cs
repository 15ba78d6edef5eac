using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;
using MarketSim.Simulator.Reports;

namespace MarketSim.Simulator.Cli;

/// <summary>
/// How much need goes unmet in each zone over the horizon: the zone's unmet care hours (mean ± SE), their share of the
/// zone's need (unmet over unmet and delivered hours) and, when the scenario values unmet need, their cost in £ (mean ±
/// SE), as report.html's zone table gives them. The <see cref="TopZones"/> zones with the most unmet hours are listed,
/// the rest counted and left to zones.csv; nothing is printed when no run left need unmet.
/// </summary>
internal static class ZoneUnmetTable
{
    /// <summary>How many zones are listed.</summary>
    public const int TopZones = 10;

    /// <summary>Prints the table to <paramref name="output"/>, or nothing when no zone had unmet need in any run.</summary>
    public static void Write(TextWriter output, MarketScenario scenario, IEnumerable<EntitySummary> summaries, bool colour, int width)
    {
        var zones = summaries.Where(s => s.Block.Kind == EntityKind.Zone).ToList();
        var unmet = zones.Where(s => ZoneUnmetCells.Unmet(s).Mean > 0).OrderByDescending(s => ZoneUnmetCells.Unmet(s).Mean).ToList();
        if (unmet.Count == 0)
        {
            return;
        }
        var console = TableConsole.For(output, colour, width);
        console.Write(Build(scenario, [.. unmet.Take(TopZones)]));
        var more = unmet.Count - TopZones;
        if (more > 0)
        {
            output.WriteLine($"… and {more:N0} more {(more == 1 ? "zone" : "zones")} with unmet need in zones.csv");
        }
    }

    /// <summary>The table of <paramref name="zones"/>, in the order given.</summary>
    public static FittedTable Build(MarketScenario scenario, IReadOnlyList<EntitySummary> zones)
    {
        var cost = scenario.UnmetNeed?.CostGbpPerHour;
        var unmetCells = new ZoneUnmetCells(zones, cost);
        var horizon = SummarySentences.Horizon(scenario);
        var table = new FittedTable(cost is { } c
                ? $"Unmet need by zone over the {horizon}: care hours not delivered, their share of the zone's need and their cost at {Quantity.Format(c, "GBP per hour")} an hour"
                : $"Unmet need by zone over the {horizon}: care hours not delivered and their share of the zone's need (not valued in this scenario)")
            .Text("Zone").Number("Unmet need, hours (mean ± SE)").Number("Share of need");
        if (cost is not null)
        {
            table.Number("Cost of unmet need (mean ± SE)");
        }
        foreach (var s in zones)
        {
            table.AddRow([s.Block.Name, .. unmetCells.Of(s)]);
        }
        return table;
    }
}
