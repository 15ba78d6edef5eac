using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Statistics;
using MarketSim.Grains.Zones;

namespace MarketSim.Simulator.Reports.Charts;

/// <summary>
/// Unmet need by zone: each zone's mean unmet care hours over the horizon with its 95% interval (± 1.96 standard errors), largest
/// on top; past <see cref="TopZones"/> zones, those with the most, and the title says how many are left out (150 zones drew 6,170 px).
/// </summary>
public static class ZoneUnmetChart
{
    /// <summary>Most zones drawn.</summary>
    public const int TopZones = 30;

    /// <summary>Draws the chart; null when no zone had unmet need in any run. <paramref name="horizon"/> names the period in
    /// the title and axis, "5-year horizon".</summary>
    public static Chart? Draw(IEnumerable<EntitySummary> zones, string horizon = "horizon")
    {
        var metric = ZoneMetrics.All[ZoneMetrics.UnmetHours].Name;
        var rows = zones.Select(z => (Zone: z, Unmet: z.Metric(metric))).Where(r => r.Unmet.Runs > 0)
            .OrderByDescending(r => r.Unmet.Mean).ThenBy(r => r.Zone.Block.Name, StringComparer.Ordinal).ToList();
        if (rows.Count == 0 || rows.All(r => r.Unmet.Mean == 0 && r.Unmet.P95 == 0))
        {
            return null;
        }
        var left = rows.Count - TopZones;
        if (left > 0)
        {
            rows = rows[..TopZones];
        }
        var title = left > 0 ? $"Unmet need over the {horizon} in the {TopZones} zones with the most ({left:N0} more left out; zones.csv has every zone)" : $"Unmet need by zone over the {horizon}";
        var plot = ChartStyle.New(title, ChartStyle.AxisTitle($"Unmet need over the {horizon}, mean", "hours"), "");
        var n = rows.Count;
        var half = rows.Select(r => RunningMoments.Z95 * r.Unmet.StdError).ToList();
        BarRows.Add(plot, [.. rows.Select((r, i) => new BarRows.Segment(n - 1 - i, 0, r.Unmet.Mean, r.Unmet.Mean - half[i], r.Unmet.Mean + half[i]))], Palette.Colour(5), 0.6, "Mean unmet hours");
        BarRows.WhiskerLegend(plot, "95% interval of the mean");
        BarRows.Frame(plot, [.. rows.Select(r => r.Zone.Block.Name)], rows.Select((r, i) => r.Unmet.Mean + half[i]), "hours");
        plot.ShowLegend(ScottPlot.Edge.Bottom);
        var caption = $"Care hours of need not delivered in each zone over the horizon, mean over {rows.Max(r => r.Zone.Runs):N0} runs with its 95% interval"
            + (left > 0 ? $"; the {TopZones} zones with the most, of {TopZones + left:N0} with a value (zones.csv has every zone)." : ".");
        return new Chart("zone_unmet_need", caption, plot, height: BarRows.Height(n, 40));
    }
}
