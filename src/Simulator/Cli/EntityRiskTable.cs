using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Statistics;
using MarketSim.Grains.Zones;
using MarketSim.Simulator.Reports;

namespace MarketSim.Simulator.Cli;

/// <summary>
/// What to print about entities after a run: the providers most at risk (the five most likely to
/// leave within the horizon, with the 95% interval of that chance and their most common cause) and
/// the zones that lose their lead provider in some runs (P(weeks_without_lead &gt; 0); the ten most
/// likely, the rest counted and left to zones.csv). Providers and zones that never left or lost a lead
/// in any run are not listed.
/// </summary>
internal static class EntityRiskTable
{
    /// <summary>How many providers are listed.</summary>
    public const int TopProviders = 5;

    /// <summary>How many zones that lose their lead are listed; a market of 150 zones printed 150 rows.</summary>
    public const int TopZones = 10;

    /// <summary>Prints both tables (either is left out when empty) to <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, IEnumerable<EntitySummary> summaries, bool colour, int width)
    {
        var console = TableConsole.For(output, colour, width);
        var list = summaries.ToList();
        foreach (var table in new[] { ProvidersAtRisk(list), ZonesLosingLead(list) })
        {
            if (table is not null)
            {
                console.Write(table);
            }
        }
        var more = Losing(list).Count - TopZones;
        if (more > 0)
        {
            output.WriteLine($"… and {more:N0} more {(more == 1 ? "zone" : "zones")} in zones.csv");
        }
    }

    /// <summary>The providers most likely to leave within the horizon, most likely first; null when none left in any run.</summary>
    public static FittedTable? ProvidersAtRisk(IEnumerable<EntitySummary> summaries)
    {
        var rows = AtRisk(summaries);
        if (rows.Count == 0)
        {
            return null;
        }
        var table = new FittedTable($"Providers most at risk: chance of leaving within the horizon ({rows[0].Runs:N0} runs; the median exit week is a P² estimate)")
            .Text("Provider").Number("P(exit)").Number("95% interval").Text("Most common cause").Number("Median exit week", FittedTable.Drop.ToFit);
        foreach (var s in rows)
        {
            var p = s.Exits!.WithinHorizon;
            table.AddRow(s.Block.Name, Percent(p.P), Interval(p), EntityFiles.CauseName(s.Exits.MostCommonCause).Replace('_', ' '),
                Numbers.Whole(s.Metric("exit_week").P50, Numbers.Readable));
        }
        return table;
    }

    /// <summary>The <see cref="TopZones"/> zones most often left without an open lead provider, most likely first; null when none was in any run.</summary>
    public static FittedTable? ZonesLosingLead(IEnumerable<EntitySummary> summaries)
    {
        var rows = Losing(summaries).Take(TopZones).ToList();
        if (rows.Count == 0)
        {
            return null;
        }
        var table = new FittedTable("Zones that lose their lead provider: chance that some week ends with no lead open, and for how many weeks of the horizon")
            .Text("Zone").Number("P(loses lead)").Number("95% interval").Number("Weeks without lead when lost (mean ± SE)")
            .Number("Weeks without lead, all futures (mean ± SE)", FittedTable.Drop.ToFit);
        foreach (var s in rows)
        {
            var weeks = s.Metric(ZoneMetrics.All[ZoneMetrics.WeeksWithoutLead].Name);
            table.AddRow(s.Block.Name, Percent(s.LosesLead!.P), Interval(s.LosesLead), MarketHtml.WhenLost(weeks, s.LosesLead),
                $"{Numbers.Readable(weeks.Mean)} ± {Numbers.Readable(weeks.StdError)}");
        }
        return table;
    }

    /// <summary>The same as plain lines, for a log or a test: one line per provider at risk, then per zone that loses its lead.</summary>
    public static IReadOnlyList<string> Lines(IEnumerable<EntitySummary> summaries)
    {
        var list = summaries.ToList();
        var lines = new List<string>();
        foreach (var s in AtRisk(list))
        {
            var p = s.Exits!.WithinHorizon;
            lines.Add($"provider {s.Block.Id} ({s.Block.Name}): P(exit within the horizon) {Percent(p.P)} (95% {Interval(p)}), most often by {EntityFiles.CauseName(s.Exits.MostCommonCause).Replace('_', ' ')}");
        }
        foreach (var s in list.Where(s => s.LosesLead is { Count: > 0 }).OrderByDescending(s => s.LosesLead!.P))
        {
            lines.Add($"zone {s.Block.Id} ({s.Block.Name}): P(loses its lead provider) {Percent(s.LosesLead!.P)} (95% {Interval(s.LosesLead)})");
        }
        return lines;
    }

    // The top providers by P(exit within the horizon), ties in row order; only those that left in some run.
    private static List<EntitySummary> AtRisk(IEnumerable<EntitySummary> summaries) =>
        [.. summaries.Where(s => s.Exits is { ByYear.Length: > 0 } e && e.WithinHorizon.Count > 0)
            .OrderByDescending(s => s.Exits!.WithinHorizon.P)
            .Take(TopProviders)];

    // The zones left without an open lead provider in some run, most likely first, ties in row order.
    private static List<EntitySummary> Losing(IEnumerable<EntitySummary> summaries) =>
        [.. summaries.Where(s => s.LosesLead is { Count: > 0 }).OrderByDescending(s => s.LosesLead!.P)];

    // As report.html writes a chance (Market sustainability), so one provider's P(exit) reads the same in both.
    private static string Percent(double p) => Quantity.Share(p);

    private static string Interval(Proportion p) => $"{Percent(p.Low95)} to {Percent(p.High95)}";
}
