using System.Globalization;
using System.Net;
using System.Text;
using MarketSim.Grains.Scenario;
using MarketSim.Grains.Uncertainty;
using MarketSim.Simulator.Scenarios;
using MarketSim.Simulator.Statistics;

namespace MarketSim.Simulator.Reports;

/// <summary>
/// report.html's table of uncertain inputs: each one's distribution as written, and its sampled mean beside the exact one,
/// written to enough figures that inputs with close means (0.025 and 0.0283) stay apart.
/// </summary>
public static class UncertainInputsHtml
{
    /// <summary>The section's HTML; empty for a fixed-value scenario.</summary>
    public static string Section(OutcomeSummary summary, IReadOnlyList<UncertainInput> inputs, ScenarioCorrelations? correlations = null, MarketScenario? scenario = null)
    {
        if (inputs.Count == 0)
        {
            return "";
        }
        var html = new StringBuilder("<h3>Uncertain inputs</h3>\n<p class=\"muted\">Each drawn once per run (docs/scenario-format.md, \"Uncertain inputs\"); the sampled values are the input columns of runs.csv.</p>\n")
            .Append("<table><tr><th>Input</th><th>Unit</th><th>Distribution</th><th>Exact mean</th><th>Sampled mean ± SE</th><th>Sampled min</th><th>Sampled max</th></tr>");
        var start = summary.Schema.InputStart;
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var m = summary.Moments[start + i];
            var parameters = string.Join(", ", input.Distribution.Parameters.Select(p =>
                $"{p.Name} {(p.Values.Length == 1 ? N(p.Values[0]) : "[" + string.Join(", ", p.Values.Select(N)) + "]")}"));
            html.Append("<tr><td title=\"").Append(E(input.SharedPaths.Count > 1 ? string.Join(", ", input.SharedPaths) : input.Path)).Append("\">").Append(E(InputLabels.Of(input, scenario))).Append("</td><td>").Append(E(input.Unit is "as the field" ? "" : OutcomeLabels.Unit(input.Unit))).Append("</td><td>")
                .Append(E($"{input.Distribution.Kind} ({parameters})")).Append("</td><td>").Append(Numbers.Setting(input.Distribution.Mean))
                .Append("</td><td>").Append(Numbers.Setting(m.Mean)).Append(" ± ").Append(Numbers.Readable(m.StdError))
                .Append("</td><td>").Append(Numbers.Setting(m.Min)).Append("</td><td>").Append(Numbers.Setting(m.Max)).Append("</td></tr>");
        }
        html.Append("</table>\n");
        if (correlations is not null)
        {
            Correlations(html, correlations, inputs, scenario);
        }
        return html.ToString();
    }

    /// <summary>The rank correlations asked for and those induced (Iman–Conover within each block of 1,024 runs).</summary>
    private static void Correlations(StringBuilder html, ScenarioCorrelations correlations, IReadOnlyList<UncertainInput> inputs, MarketScenario? scenario)
    {
        html.Append("<p class=\"muted\">Rank correlations between inputs, induced by Iman–Conover within each block of 1,024 runs")
            .Append(correlations.Source is { } source ? $" (source: {E(source)})" : "").Append(".</p>\n")
            .Append("<table><tr><th>Input</th><th>Input</th><th>Rank correlation asked for</th><th>Used</th></tr>");
        var names = correlations.Requested.InputNames;
        for (var a = 0; a < names.Count; a++)
        {
            for (var b = a + 1; b < names.Count; b++)
            {
                if (correlations.Requested[a, b] == 0 && correlations.Used[a, b] == 0)
                {
                    continue;
                }
                html.Append("<tr><td>").Append(E(InputLabels.Of(names[a], inputs, scenario))).Append("</td><td>").Append(E(InputLabels.Of(names[b], inputs, scenario))).Append("</td><td>")
                    .Append(correlations.Requested[a, b].ToString("0.00", CultureInfo.InvariantCulture)).Append("</td><td>")
                    .Append(correlations.Used[a, b].ToString("0.00", CultureInfo.InvariantCulture)).Append("</td></tr>");
            }
        }
        html.Append("</table>\n");
        if (correlations.Repair is not null)
        {
            html.Append("<p class=\"warning\">The correlations asked for are not possible together (no joint distribution has them); the nearest valid matrix was used instead.</p>\n");
        }
    }

    private static string N(double x) => x.ToString("G6", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
