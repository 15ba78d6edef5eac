using System.Globalization;
using System.Text;
using MarketSim.Grains.Demand;
using MarketSim.Grains.Failure;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Providers;
using MarketSim.Grains.Scenario;
using MarketSim.Grains.Statistics;
using MarketSim.Grains.Zones;
using MarketSim.Simulator.Statistics;
using static MarketSim.Simulator.Reports.Html;

namespace MarketSim.Simulator.Reports;

/// <summary>
/// report.html's "Market sustainability": the providers most at risk (chance of leaving within the
/// horizon ± SE, its interval, most common cause and the year most exits come; the <see cref="TopProviders"/>
/// most at risk, the rest counted and left to providers.csv), the zones that lose their lead provider (chance
/// and weeks without one), and unmet need and its cost by zone. Providers that never left are named (the first 20) in one
/// line; causes that never happened are left out.
/// </summary>
public static class MarketHtml
{
    /// <summary>Most providers the table of those most at risk lists; a market of 2,000 providers made it 2,000 rows.</summary>
    public const int TopProviders = 20;

    private static readonly (ExitReason Cause, string Header, Func<ExitsByYear, Proportion> Of)[] Causes =
    [
        (ExitReason.HandBack, "P(hand-back)", e => e.HandBack),
        (ExitReason.ReservesExhausted, "P(failure: reserves ran out)", e => e.ReservesExhausted),
        (ExitReason.Hazard, "P(failure: cause outside the model)", e => e.Hazard),
        (ExitReason.ForcedExit, "P(forced exit)", e => e.ForcedExit),
    ];

    /// <summary>The section's HTML; says so when the run has no entity summaries.</summary>
    public static string Section(MarketScenario scenario, IEnumerable<EntitySummary> summaries)
    {
        var list = summaries.ToList();
        var html = new StringBuilder("<h2 id=\"market\">Market sustainability</h2>\n");
        if (list.Count == 0)
        {
            return html.Append("<p class=\"muted\">No per-entity outcomes were kept for this run.</p>\n").ToString();
        }
        var horizon = SummarySentences.Horizon(scenario);
        html.Append("<p class=\"muted\">Over ").Append(list.Max(s => s.Runs).ToString("N0", CultureInfo.InvariantCulture))
            .Append(" simulated futures of the ").Append(E(horizon)).Append(". Chances are shown ± one standard error with their 95% (Wilson) interval; means ± one standard error. Every figure of every entity is in ").Append(E(Files(list))).Append(".</p>\n");
        Providers(html, [.. list.Where(s => s.Block.Kind == EntityKind.Provider)], horizon);
        Zones(html, scenario, [.. list.Where(s => s.Block.Kind == EntityKind.Zone)], [.. list.Where(s => s.Block.Kind == EntityKind.ServiceUsers)], horizon);
        return html.ToString();
    }

    private static void Providers(StringBuilder html, List<EntitySummary> providers, string horizon)
    {
        if (providers.Count == 0)
        {
            return;
        }
        var leaving = providers.Where(s => s.Exits is { ByYear.Length: > 0 } e && e.WithinHorizon.Count > 0).OrderByDescending(s => s.Exits!.WithinHorizon.P).ToList();
        html.Append("<h3>Providers most at risk</h3>\n");
        if (leaving.Count > 0)
        {
            var causes = Causes.Where(c => leaving.Any(s => c.Of(s.Exits!.ByYear[^1]).Count > 0)).ToList();
            Header(html, [$"Provider", $"P(leaves within the {horizon}) ± SE", "95% interval", "Most common cause", "Year most exits come", .. causes.Select(c => c.Header), "Share of delivered hours (mean)"]);
            foreach (var s in leaving.Take(TopProviders))
            {
                var last = s.Exits!.ByYear[^1];
                var p = last.Any;
                Row(html, [E(s.Block.Name), E(Chance(p)), E(Interval(p)), E(SummarySentences.Cause(s.Exits.MostCommonCause)), $"year {SummarySentences.PeakYear(s.Exits)}",
                    .. causes.Select(c => E(Quantity.Share(c.Of(last).P))), E(Quantity.Share(s.Metric("delivered_share").Mean))]);
            }
            html.Append("</table>\n");
            if (leaving.Count > TopProviders)
            {
                html.Append("<p class=\"muted\">… and ").Append((leaving.Count - TopProviders).ToString("N0", CultureInfo.InvariantCulture))
                    .Append(" more that leave in some future, in providers.csv.</p>\n");
            }
        }
        var stayed = providers.Except(leaving).Select(s => s.Block.Name).ToList();
        SummaryHtml.Line(html, $"Never left in any future over the {horizon}", stayed.Count <= TopProviders ? stayed
            : [.. stayed.Take(TopProviders), $"and {(stayed.Count - TopProviders).ToString("N0", CultureInfo.InvariantCulture)} more, in providers.csv"]);
    }

    private static void Zones(StringBuilder html, MarketScenario scenario, List<EntitySummary> zones, List<EntitySummary> serviceUsers, string horizon)
    {
        if (zones.Count == 0)
        {
            return;
        }
        var cost = scenario.UnmetNeed?.CostGbpPerHour;
        var leads = zones.Any(s => s.LosesLead is not null);
        html.Append("<h3>Zones: lead providers and unmet need</h3>\n");
        html.Append("<p class=\"muted\">");
        if (cost is { } c)
        {
            html.Append("Unmet need is valued at ").Append(E(Quantity.Format(c, "GBP per hour"))).Append(" an hour (the scenario's cost of an unmet care hour). ");
        }
        if (leads)
        {
            html.Append("Weeks without a lead are given over the futures in which the zone loses its lead (how long it lasts when it happens) and averaged over all futures, counting those that keep their lead as 0. ");
        }
        html.Append("The share of need unmet is the zone's unmet care hours over its unmet and delivered hours (means of the runs). ");
        html.Append("The waiting list is the number of people waiting at a week's end, averaged over the weeks of the ").Append(E(horizon))
            .Append("; the wait is the mean weeks from referral to a first package of those placed over it, by funding stream (service_users.csv).</p>\n");
        Header(html, [
            "Zone",
            .. leads ? new[] { "P(left without its lead provider) ± SE", "95% interval", "Weeks without a lead, in the futures that lose it (mean ± SE)", "Weeks without a lead, all futures (mean ± SE)" } : [],
            $"Unmet need over the {horizon}, hours (mean ± SE)",
            "Share of need unmet",
            .. cost is null ? Array.Empty<string>() : ["Cost of unmet need, £ (mean ± SE)"],
            "Peak waiting list, people (P95)",
            "Waiting list, people (mean over weeks ± SE)",
            "Wait for a package, weeks (mean ± SE)",
        ]);
        var unmetCells = new ZoneUnmetCells(zones, cost);
        foreach (var s in zones)
        {
            var weeks = s.Metric(ZoneMetrics.All[ZoneMetrics.WeeksWithoutLead].Name);
            var cells = new List<string> { E(s.Block.Name) };
            if (leads)
            {
                cells.AddRange(s.LosesLead is { } lead
                    ? [E(Chance(lead)), E(Interval(lead)), E(WhenLost(weeks, lead)), E($"{Numbers.Readable(weeks.Mean)} ± {Numbers.Readable(weeks.StdError)}")]
                    : ["no lead provider", "", "", ""]);
            }
            cells.AddRange(unmetCells.Of(s).Select(E));
            cells.Add(E(Quantity.Count(s.Metric(ZoneMetrics.All[ZoneMetrics.PeakWaiting].Name).P95)));
            var waiting = s.Metric(ZoneMetrics.All[ZoneMetrics.MeanWaiting].Name);
            cells.Add(E($"{Numbers.Readable(waiting.Mean)} ± {Numbers.Readable(waiting.StdError)}"));
            cells.Add(E(Wait(serviceUsers.Where(u => ServiceUserMetrics.Parse(u.Block.Id).ZoneId == s.Block.Id).ToList())));
            Row(html, [.. cells]);
        }
        html.Append("</table>\n");
    }

    /// <summary>
    /// The mean wait for a package in a zone's service users: "2.89 ± 0.14" for one funding stream, "council 2.89 ± 0.14;
    /// NHS CHC 3.10 ± 0.20" for several, each over the runs that placed someone; "none placed" when none was.
    /// </summary>
    private static string Wait(List<EntitySummary> streams)
    {
        var waits = streams.Select(u => (Stream: FieldLabels.Field(FundingStreams.Names[(int)ServiceUserMetrics.Parse(u.Block.Id).Stream]), Wait: u.Metric(ServiceUserMetrics.All[ServiceUserMetrics.MeanWait].Name)))
            .Where(w => w.Wait.Runs > 0).ToList();
        return waits.Count switch
        {
            0 => "none placed",
            1 when streams.Count == 1 => $"{Numbers.Readable(waits[0].Wait.Mean)} ± {Numbers.Readable(waits[0].Wait.StdError)}",
            _ => string.Join("; ", waits.Select(w => $"{w.Stream} {Numbers.Readable(w.Wait.Mean)} ± {Numbers.Readable(w.Wait.StdError)}")),
        };
    }

    /// <summary>The entity files this run wrote, in words: "providers.csv, zones.csv and commissioners.csv".</summary>
    private static string Files(IEnumerable<EntitySummary> summaries) =>
        WordList.And([.. summaries.Select(s => s.Block.Kind).Distinct().Order().Select(EntityFiles.FileName)]);

    /// <summary>The mean weeks without a lead over the futures that lose it, "188.3 ± 2.95"; "never lost" when no run did.</summary>
    internal static string WhenLost(MetricSummary weeks, Proportion lead)
    {
        if (lead.Count == 0)
        {
            return "never lost";
        }
        var (mean, error) = WhenItHappens.Of(weeks, lead.Count);
        return $"{Numbers.Readable(mean)} ± {Numbers.Readable(error)}";
    }

    private static string Chance(Proportion p) => $"{Quantity.Share(p.P)} ± {Quantity.Share(p.StdError)}";

    private static string Interval(Proportion p) => $"{Quantity.Share(p.Low95)} to {Quantity.Share(p.High95)}";
}
