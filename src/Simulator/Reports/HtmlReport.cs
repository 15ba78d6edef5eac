using System.Globalization;
using System.Net;
using System.Text;
using System.Xml.Linq;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;
using MarketSim.Grains.Uncertainty;
using MarketSim.Simulator.Drivers;
using MarketSim.Simulator.RiskShare;
using MarketSim.Simulator.Scenarios;
using MarketSim.Simulator.Statistics;

namespace MarketSim.Simulator.Reports;

/// <summary>
/// report.html: a self-contained page (inline CSS and SVG, no scripts, fonts or images from
/// anywhere) that answers each user's question in turn: a summary in sentences, market
/// sustainability, finance, uncertain inputs and their effects, distributions, assumptions and provenance.
/// </summary>
public static class HtmlReport
{
    internal const string Style = """
        body { font-family: "Segoe UI", Helvetica, Arial, sans-serif; color: #222; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; line-height: 1.45; }
        h1 { font-size: 1.7rem; margin-bottom: .2rem; } h2 { font-size: 1.25rem; margin-top: 2.2rem; border-bottom: 1px solid #ddd; padding-bottom: .3rem; }
        table { border-collapse: collapse; margin: .8rem 0; font-size: .9rem; } th, td { padding: .3rem .7rem; border-bottom: 1px solid #e6e6e6; text-align: right; }
        th:first-child, td:first-child { text-align: left; } th { background: #f4f6f8; }
        figure { margin: 1.2rem 0; } figcaption { font-size: .85rem; color: #555; max-width: 720px; } .muted { color: #666; font-size: .9rem; }
        svg { max-width: 100%; height: auto; } summary { cursor: pointer; margin: .6rem 0; } .warning { background: #fff4e5; border-left: 4px solid #e08a00; padding: .5rem .8rem; max-width: 900px; }
        """;

    /// <summary>The report's section headings (h2), in order.</summary>
    public static IReadOnlyList<string> Sections { get; } =
        ["Summary", "Market sustainability", "Finance", "Uncertain inputs and what drives the outcomes", "Distributions", "Assumptions", "Provenance"];

    /// <summary>
    /// The HTML of the report, in the order of <see cref="Sections"/>: the summary sentences and headline table, market
    /// sustainability, finance, the uncertain <paramref name="inputs"/> (with their rank <paramref name="correlations"/>)
    /// and <paramref name="driversSection"/>, the charts, every input of <paramref name="scenarioYaml"/> with its source,
    /// and the provenance. For a run a stop signal ended early, <paramref name="interruptedOf"/> is the number of runs asked for,
    /// and the page opens by saying so.
    /// </summary>
    public static string Render(MarketScenario scenario, OutcomeSummary summary, RiskShareComparison riskShare, IEnumerable<EntitySummary> entities,
        IEnumerable<(string File, string Caption, XElement Svg)> charts, IReadOnlyDictionary<string, string> provenance, IReadOnlyList<UncertainInput>? inputs = null,
        string driversSection = "", ScenarioCorrelations? correlations = null, string scenarioYaml = "", IReadOnlyList<OutcomeDrivers>? drivers = null, long? interruptedOf = null)
    {
        var entityList = entities.ToList();
        var chartList = charts.ToList();
        var assumptions = scenarioYaml.Length > 0 ? ScenarioAssumptions.Read(scenarioYaml) : [];
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(scenario.Name)).Append(" — MarketSim report</title><style>").Append(Style).Append("</style></head><body>\n")
            .Append("<h1>").Append(E(scenario.Name)).Append("</h1>\n");
        if (interruptedOf is { } asked)
        {
            html.Append("<p class=\"warning\">").Append(E(Interrupted(summary.Runs, asked))).Append("</p>\n");
        }
        html.Append("<p class=\"muted\">MarketSim results: ").Append(summary.Runs.ToString("N0", CultureInfo.InvariantCulture))
            .Append(" simulated futures of the ").Append(E(SummarySentences.Horizon(scenario, withWeeks: true))).Append(" from ")
            .Append(scenario.StartDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)).Append("; ")
            .Append(scenario.Zones.Length).Append(Plural(scenario.Zones.Length, " zone")).Append(", ").Append(scenario.Providers.Length).Append(Plural(scenario.Providers.Length, " provider")).Append(", ")
            .Append(scenario.Commissioners.Length).Append(Plural(scenario.Commissioners.Length, " commissioner")).Append(", ")
            .Append(scenario.PooledBudgets.Length).Append(Plural(scenario.PooledBudgets.Length, " pooled budget")).Append(".</p>\n");
        html.Append(SummaryHtml.Section(scenario, summary, SummarySentences.For(scenario, summary, entityList, riskShare, drivers)));
        html.Append(MarketHtml.Section(scenario, entityList));
        html.Append(FinanceHtml.Section(scenario, summary, riskShare, entityList, assumptions, chartList));
        html.Append("<h2 id=\"inputs\">Uncertain inputs and what drives the outcomes</h2>\n");
        if (inputs is not { Count: > 0 })
        {
            html.Append("<p class=\"muted\">Every input of this scenario is a fixed value, so the futures differ only by chance (demand, failures, wages and prices drawn run by run). Give inputs distributions (docs/scenario-format.md, \"Uncertain inputs\") to see which of them drive the outcomes.</p>\n");
        }
        html.Append(UncertainInputsHtml.Section(summary, inputs ?? [], correlations, scenario));
        html.Append(driversSection);
        Distributions(html, scenario, summary, chartList);
        if (scenarioYaml.Length > 0)
        {
            html.Append(AssumptionsHtml.Section(scenarioYaml, scenario));
        }
        html.Append("<h2 id=\"provenance\">Provenance</h2>\n<table>");
        foreach (var (key, value) in provenance)
        {
            html.Append("<tr><td>").Append(E(key)).Append("</td><td>").Append(E(value)).Append("</td></tr>");
        }
        html.Append("</table>\n</body></html>\n");
        return html.ToString();
    }

    /// <summary>The caption of a chart of an outcome for people, from its file name: what it shows, with the outcome's label and unit; null for a file this does not know (a fan chart brings its own).</summary>
    public static string? Caption(string file, OutcomeSummary summary, OutcomeLabels labels)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        var kind = name.Split('_', 2);
        if (kind.Length < 2)
        {
            return null;
        }
        var column = summary.Schema.Columns.FirstOrDefault(c => c.Name == kind[1]);
        return (kind[0], column) switch
        {
            ("histogram", { } c) => $"{labels.Label(c)} ({OutcomeLabels.Unit(c.Unit)}, over the horizon): how it is spread over the futures, with P5, P50 and P95 marked.",
            ("exceedance", { } c) => $"{labels.Label(c)} ({OutcomeLabels.Unit(c.Unit)}, over the horizon): the chance that it exceeds each value.",
            ("convergence", { } c) => $"{labels.Label(c)}: the running mean and its 95% confidence interval as runs are added; how many runs are enough.",
            _ => null,
        };
    }

    /// <summary>The report's first words for a run stopped early (a signal, or the workbench's Stop) after <paramref name="kept"/> of the <paramref name="asked"/> runs asked for.</summary>
    public static string Interrupted(long kept, long asked)
    {
        var runs = kept.ToString("N0", CultureInfo.InvariantCulture);
        return $"Interrupted: this run was stopped (a stop signal, or Stop in the workbench) after {runs} of the {asked.ToString("N0", CultureInfo.InvariantCulture)} runs asked for. "
            + $"Every figure below is of those {runs} runs, the first in run order, and the same as a run of {runs} runs with this seed gives.";
    }

    private static void Distributions(StringBuilder html, MarketScenario scenario, OutcomeSummary summary, List<(string File, string Caption, XElement Svg)> charts)
    {
        var labels = new OutcomeLabels(scenario);
        html.Append("<h2 id=\"distributions\">Distributions</h2>\n");
        var shown = charts.Where(c => !c.File.StartsWith("liability_", StringComparison.Ordinal)).ToList();
        if (shown.Count == 0)
        {
            html.Append("<p class=\"muted\">No outcome varied between runs, so there is no distribution to draw.</p>\n");
        }
        foreach (var (file, caption, svg) in shown)
        {
            Html.Figure(html, file, Caption(file, summary, labels) ?? caption, svg);
        }
    }

    private static string Plural(int count, string noun) => count == 1 ? noun : noun + "s";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
