using System.Text;
using MarketSim.Grains.Scenario;
using MarketSim.Simulator.Statistics;
using static MarketSim.Simulator.Reports.Html;

namespace MarketSim.Simulator.Reports;

/// <summary>
/// report.html's first section: the summary sentences, then every headline outcome with a human
/// label and unit (mean ± SE, P5, P50, P95); outcomes that are the same in every run, or never had a
/// value, are collected in the lines of <see cref="ConstantOutcomes"/> instead of rows of zeros.
/// </summary>
public static class SummaryHtml
{
    /// <summary>
    /// "Headline outcomes over the 5-year horizon" ("30-week horizon" for a part year): the title of the headline
    /// table here, in the console and on results.xlsx's Summary sheet, which says that spend and hours are totals over it.
    /// </summary>
    public static string HeadlineTitle(MarketScenario scenario) => $"Headline outcomes over the {SummarySentences.Horizon(scenario)}";

    /// <summary>The footing of the headline table's figures: every headline outcome's mean, standard error and percentiles, by unit.</summary>
    public static Footing HeadlineFooting(OutcomeSummary summary) =>
        Footing.Of(Enumerable.Range(0, summary.Schema.Count)
            .Where(c => summary.Schema.Columns[c].Headline && summary.Moments[c].Count > 0)
            .SelectMany(c => new[] { summary.Moments[c].Mean, summary.Moments[c].StdError, summary.Quantile(c, 0.05) ?? 0, summary.Quantile(c, 0.5) ?? 0, summary.Quantile(c, 0.95) ?? 0 }
                .Select(x => (x, summary.Schema.Columns[c].Unit))));

    /// <summary>The section's HTML.</summary>
    public static string Section(MarketScenario scenario, OutcomeSummary summary, IReadOnlyList<string> sentences)
    {
        var labels = new OutcomeLabels(scenario);
        var html = new StringBuilder("<h2 id=\"summary\">Summary</h2>\n<ul class=\"summary\">\n");
        foreach (var sentence in sentences)
        {
            html.Append("<li>").Append(E(sentence)).Append("</li>\n");
        }
        html.Append("</ul>\n<h3>").Append(E(HeadlineTitle(scenario))).Append("</h3>\n");
        Header(html, "Outcome", "Unit", "Mean ± SE", "P5", "P50", "P95");
        var footing = HeadlineFooting(summary);
        for (var c = 0; c < summary.Schema.Count; c++)
        {
            var column = summary.Schema.Columns[c];
            var m = summary.Moments[c];
            if (!column.Headline || m.Count == 0 || m.Min == m.Max)
            {
                continue;
            }
            var whole = summary.IsWhole(c);
            string Q(double p) => E(whole ? footing.Count(summary.Quantile(c, p)!.Value, column.Unit) : footing.Format(summary.Quantile(c, p)!.Value, column.Unit));
            Row(html, $"<span title=\"{E(column.Description)}\">{E(labels.Label(column))}</span>", E(OutcomeLabels.Unit(column.Unit)),
                E(footing.PlusMinus(m.Mean, m.StdError, column.Unit)), Q(0.05), Q(0.5), Q(0.95));
        }
        html.Append("</table>\n");
        foreach (var (heading, outcomes) in ConstantOutcomes.Lines(scenario, summary))
        {
            Line(html, heading, outcomes);
        }
        if (UnmetNeedNote.Text(scenario, summary) is { } note)
        {
            html.Append("<p class=\"warning\">").Append(E(note)).Append("</p>\n");
        }
        return html.ToString();
    }

    /// <summary>Appends "Heading: a, b, c." as a muted paragraph, or nothing for an empty list.</summary>
    internal static void Line(StringBuilder html, string heading, IReadOnlyList<string> items)
    {
        if (items.Count > 0)
        {
            html.Append("<p class=\"muted\">").Append(E(ConstantOutcomes.Text(heading, items))).Append("</p>\n");
        }
    }
}
