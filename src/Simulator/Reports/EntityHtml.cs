using System.Globalization;
using System.Net;
using System.Text;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Statistics;
using MarketSim.Grains.Zones;

namespace MarketSim.Simulator.Reports;

/// <summary>
/// The report's section on entities, as an HTML fragment (headings and tables, every text escaped):
/// each provider's chance of leaving within the horizon by cause and its delivered share, each
/// zone's unmet hours, waiting list and chance of losing its lead provider, and each
/// commissioner's spend, overspend, cost of unmet need and whole-system cost. The full figures are in the entity CSV files.
/// </summary>
public static class EntityHtml
{
    /// <summary>The section's HTML; empty when there are no summaries.</summary>
    public static string Section(IEnumerable<EntitySummary> summaries)
    {
        var list = summaries.ToList();
        if (list.Count == 0)
        {
            return "";
        }
        var html = new StringBuilder();
        html.Append("<h2>Providers, zones and commissioners</h2>\n")
            .Append("<p class=\"muted\">Each entity over ").Append(list.Max(s => s.Runs).ToString("N0", CultureInfo.InvariantCulture))
            .Append(" runs; chances with their 95% (Wilson) interval, means ± their standard error. Every figure of every entity is in providers.csv, zones.csv, service_users.csv, commissioners.csv and pooled_budgets.csv.</p>\n");
        Providers(html, [.. list.Where(s => s.Block.Kind == EntityKind.Provider)]);
        Zones(html, [.. list.Where(s => s.Block.Kind == EntityKind.Zone)]);
        Commissioners(html, [.. list.Where(s => s.Block.Kind == EntityKind.Commissioner)]);
        return html.ToString();
    }

    private static void Providers(StringBuilder html, List<EntitySummary> providers)
    {
        if (providers.Count == 0)
        {
            return;
        }
        html.Append("<h3>Providers</h3>\n<table><tr><th>Provider</th><th>P(exit within the horizon)</th><th>P(failure: hazard)</th><th>P(failure: reserves exhausted)</th><th>P(hand-back)</th><th>P(forced exit)</th><th>Median exit week</th><th>Share of delivered hours</th></tr>");
        foreach (var s in providers)
        {
            var last = s.Exits?.ByYear is { Length: > 0 } years ? years[^1] : null;
            html.Append("<tr><td title=\"").Append(E(s.Block.Id)).Append("\">").Append(E(s.Block.Name)).Append("</td><td>")
                .Append(last is null ? "" : WithInterval(last.Any)).Append("</td><td>")
                .Append(last is null ? "" : Percent(last.Hazard.P)).Append("</td><td>")
                .Append(last is null ? "" : Percent(last.ReservesExhausted.P)).Append("</td><td>")
                .Append(last is null ? "" : Percent(last.HandBack.P)).Append("</td><td>")
                .Append(last is null ? "" : Percent(last.ForcedExit.P)).Append("</td><td>")
                .Append(Readable(s.Metric("exit_week").P50)).Append("</td><td>")
                .Append(Percent(s.Metric("delivered_share").Mean)).Append("</td></tr>");
        }
        html.Append("</table>\n");
    }

    private static void Zones(StringBuilder html, List<EntitySummary> zones)
    {
        if (zones.Count == 0)
        {
            return;
        }
        html.Append("<h3>Zones</h3>\n<table><tr><th>Zone</th><th>Unmet hours (mean ± SE)</th><th>Mean waiting list</th><th>Peak waiting list (P95)</th><th>P(loses its lead provider)</th><th>Delivered hours (mean)</th></tr>");
        foreach (var s in zones)
        {
            var unmet = s.Metric(ZoneMetrics.All[ZoneMetrics.UnmetHours].Name);
            html.Append("<tr><td title=\"").Append(E(s.Block.Id)).Append("\">").Append(E(s.Block.Name)).Append("</td><td>")
                .Append(Readable(unmet.Mean)).Append(" ± ").Append(Readable(unmet.StdError)).Append("</td><td>")
                .Append(Readable(s.Metric(ZoneMetrics.All[ZoneMetrics.MeanWaiting].Name).Mean)).Append("</td><td>")
                .Append(Readable(s.Metric(ZoneMetrics.All[ZoneMetrics.PeakWaiting].Name).P95)).Append("</td><td>")
                .Append(s.LosesLead is { } lead ? WithInterval(lead) : "").Append("</td><td>")
                .Append(Readable(s.Metric(ZoneMetrics.All[ZoneMetrics.DeliveredHours].Name).Mean)).Append("</td></tr>");
        }
        html.Append("</table>\n");
    }

    private static void Commissioners(StringBuilder html, List<EntitySummary> commissioners)
    {
        if (commissioners.Count == 0)
        {
            return;
        }
        html.Append("<h3>Commissioners</h3>\n<table><tr><th>Commissioner</th><th>Spend, GBP (mean ± SE)</th><th>Overspend, GBP (mean ± SE)</th><th>Overspend P5</th><th>Overspend P95</th>")
            .Append("<th>Unmet need cost, GBP (mean ± SE)</th><th>Whole-system cost, GBP (mean ± SE)</th></tr>");
        foreach (var s in commissioners)
        {
            var spend = s.Metric("spend_gbp");
            var over = s.Metric("overspend_gbp");
            var unmet = s.Metric("unmet_need_cost_gbp");
            var whole = s.Metric("whole_system_cost_gbp");
            html.Append("<tr><td title=\"").Append(E(s.Block.Id)).Append("\">").Append(E(s.Block.Name)).Append("</td><td>")
                .Append(Readable(spend.Mean)).Append(" ± ").Append(Readable(spend.StdError)).Append("</td><td>")
                .Append(Readable(over.Mean)).Append(" ± ").Append(Readable(over.StdError)).Append("</td><td>")
                .Append(Readable(over.P5)).Append("</td><td>").Append(Readable(over.P95)).Append("</td><td>")
                .Append(Readable(unmet.Mean)).Append(" ± ").Append(Readable(unmet.StdError)).Append("</td><td>")
                .Append(Readable(whole.Mean)).Append(" ± ").Append(Readable(whole.StdError)).Append("</td></tr>");
        }
        html.Append("</table>\n");
    }

    private static string WithInterval(Proportion p) => $"{Percent(p.P)} ({Percent(p.Low95)} – {Percent(p.High95)})";

    private static string Percent(double p) => double.IsNaN(p) ? "" : p.ToString("0.0%", CultureInfo.InvariantCulture);

    private static string Readable(double x) => double.IsNaN(x) ? "" : Numbers.Readable(x);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
