using System.Globalization;
using System.Net;
using System.Text;
using System.Xml.Linq;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;
using MarketSim.Grains.Uncertainty;
using MarketSim.Simulator.RiskShare;
using MarketSim.Simulator.Scenarios;
using MarketSim.Simulator.Statistics;

namespace MarketSim.Simulator.Reports;

/// <summary>
/// report.html: a self-contained page (inline CSS and SVG, no scripts, fonts or images from
/// anywhere) with the scenario, the headline table, the charts, the risk-share comparison and the
/// provenance of the results.
/// </summary>
public static class HtmlReport
{
    internal const string Style = """
        body { font-family: "Segoe UI", Helvetica, Arial, sans-serif; color: #222; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; line-height: 1.45; }
        h1 { font-size: 1.7rem; margin-bottom: .2rem; } h2 { font-size: 1.25rem; margin-top: 2.2rem; border-bottom: 1px solid #ddd; padding-bottom: .3rem; }
        table { border-collapse: collapse; margin: .8rem 0; font-size: .9rem; } th, td { padding: .3rem .7rem; border-bottom: 1px solid #e6e6e6; text-align: right; }
        th:first-child, td:first-child { text-align: left; } th { background: #f4f6f8; }
        figure { margin: 1.2rem 0; } figcaption { font-size: .85rem; color: #555; max-width: 720px; } .muted { color: #666; font-size: .9rem; }
        svg { max-width: 100%; height: auto; } .warning { background: #fff4e5; border-left: 4px solid #e08a00; padding: .5rem .8rem; max-width: 900px; }
        """;

    /// <summary>The HTML of the report; with <paramref name="inputs"/>, a table of the uncertain inputs follows the headline table, with the rank <paramref name="correlations"/> between them, then <paramref name="driversSection"/> (what drives the outcomes).</summary>
    public static string Render(MarketScenario scenario, OutcomeSummary summary, RiskShareComparison riskShare, IEnumerable<EntitySummary> entities,
        IEnumerable<(string File, string Caption, XElement Svg)> charts, IReadOnlyDictionary<string, string> provenance, IReadOnlyList<UncertainInput>? inputs = null, string driversSection = "", ScenarioCorrelations? correlations = null)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(scenario.Name)).Append(" — MarketSim report</title><style>").Append(Style).Append("</style></head><body>\n")
            .Append("<h1>").Append(E(scenario.Name)).Append("</h1>\n")
            .Append("<p class=\"muted\">MarketSim results: ").Append(summary.Runs.ToString("N0", CultureInfo.InvariantCulture))
            .Append(" simulated futures of ").Append(scenario.HorizonWeeks).Append(" weeks from ").Append(scenario.StartDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)).Append(".</p>\n")
            .Append("<h2>Scenario</h2>\n<p>").Append(scenario.Zones.Length).Append(" zones, ").Append(scenario.Providers.Length).Append(" providers, ")
            .Append(scenario.Commissioners.Length).Append(" commissioners, ").Append(scenario.PooledBudgets.Length).Append(" pooled budgets.</p>\n");
        Headline(html, summary);
        html.Append(UncertainInputsHtml.Section(summary, inputs ?? [], correlations));
        html.Append(driversSection);
        if (UnmetNeedNote.Text(scenario, summary) is { } note)
        {
            html.Append("<p class=\"warning\">").Append(E(note)).Append("</p>\n");
        }
        RiskShare(html, riskShare);
        html.Append(EntityHtml.Section(entities));
        html.Append("<h2>Charts</h2>\n");
        foreach (var (file, caption, svg) in charts)
        {
            html.Append("<figure id=\"").Append(E(Path.GetFileNameWithoutExtension(file))).Append("\">")
                .Append(svg.ToString(SaveOptions.DisableFormatting))
                .Append("<figcaption>").Append(E(caption)).Append(" (also in charts/").Append(E(file)).Append(" and charts/").Append(E(Path.ChangeExtension(file, ".png"))).Append(")</figcaption></figure>\n");
        }
        html.Append("<h2>Provenance</h2>\n<table>");
        foreach (var (key, value) in provenance)
        {
            html.Append("<tr><td>").Append(E(key)).Append("</td><td>").Append(E(value)).Append("</td></tr>");
        }
        html.Append("</table>\n</body></html>\n");
        return html.ToString();
    }

    private static void Headline(StringBuilder html, OutcomeSummary summary)
    {
        html.Append("<h2>Headline outcomes</h2>\n<table><tr><th>Outcome</th><th>Unit</th><th>Mean ± SE</th><th>P5</th><th>P50</th><th>P95</th></tr>");
        for (var c = 0; c < summary.Schema.Count; c++)
        {
            var column = summary.Schema.Columns[c];
            var m = summary.Moments[c];
            if (!column.Headline || m.Count == 0)
            {
                continue;
            }
            html.Append("<tr><td title=\"").Append(E(column.Description)).Append("\">").Append(E(column.Name)).Append("</td><td>").Append(E(column.Unit))
                .Append("</td><td>").Append(Numbers.Readable(m.Mean)).Append(" ± ").Append(Numbers.Readable(m.StdError))
                .Append("</td><td>").Append(Numbers.Readable(summary.Quantile(c, 0.05)!.Value))
                .Append("</td><td>").Append(Numbers.Readable(summary.Quantile(c, 0.5)!.Value))
                .Append("</td><td>").Append(Numbers.Readable(summary.Quantile(c, 0.95)!.Value)).Append("</td></tr>");
        }
        html.Append("</table>\n");
    }

    private static void RiskShare(StringBuilder html, RiskShareComparison riskShare)
    {
        foreach (var pool in riskShare.Lines.GroupBy(l => l.Pool.Id))
        {
            html.Append("<h2>Risk share: ").Append(E(pool.First().Pool.Name)).Append("</h2>\n")
                .Append("<p class=\"muted\">Liability: what each party pays beyond its contribution over the horizon (GBP; negative is a saving). Every agreement is applied to the same futures.</p>\n")
                .Append("<table><tr><th>Agreement</th><th>Party</th><th>Mean ± SE</th><th>P(any overspend)</th><th>P(&gt; threshold)</th><th>VaR 95%</th><th>CVaR 95%</th><th>Worst year (mean)</th></tr>");
            foreach (var l in pool)
            {
                html.Append("<tr><td>").Append(E(l.ModelName)).Append("</td><td>").Append(E(l.Party)).Append("</td><td>")
                    .Append(Numbers.Readable(l.Liability.Mean)).Append(" ± ").Append(Numbers.Readable(l.Liability.StdError)).Append("</td><td>")
                    .Append(l.ProbabilityOfOverspend.ToString("0.0%", CultureInfo.InvariantCulture)).Append("</td><td>")
                    .Append(l.ProbabilityAboveThreshold.ToString("0.0%", CultureInfo.InvariantCulture)).Append("</td><td>")
                    .Append(Numbers.Readable(l.ValueAtRisk)).Append("</td><td>").Append(Numbers.Readable(l.ConditionalValueAtRisk)).Append("</td><td>")
                    .Append(Numbers.Readable(l.WorstYear.Mean)).Append("</td></tr>");
            }
            html.Append("</table>\n");
        }
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
