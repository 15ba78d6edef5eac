using System.Globalization;
using System.Net;
using System.Text;
using System.Xml.Linq;
using MarketSim.Grains.Scenario;
using MarketSim.Simulator.Drivers;
using MarketSim.Simulator.Reports.Charts;

namespace MarketSim.Simulator.Reports;

/// <summary>
/// report.html's "What drives the outcomes": for each headline outcome that varies, a tornado of its uncertain
/// inputs' rank-regression coefficients with intervals, and a table with Spearman's rho and contribution to variance.
/// </summary>
public static class InputDriversHtml
{
    /// <summary>One chart per outcome, named drivers_OUTCOME, titled and labelled in words as the console and the section are.</summary>
    public static List<Chart> Charts(IReadOnlyList<OutcomeDrivers> drivers, MarketScenario scenario)
    {
        var labels = new OutcomeLabels(scenario);
        return [.. drivers.Select(d =>
        {
            var label = labels.Label(d.Outcome);
            return DriverTornadoChart.Draw($"drivers_{d.Outcome.Name}",
                $"What drives {labels.InSentence(d.Outcome)} ({OutcomeLabels.Unit(d.Outcome.Unit)}, over the horizon): each uncertain input's standardised rank-regression coefficient with its 95% bootstrap interval, over {d.Result.RunsUsed:N0} runs; R² on ranks {d.Result.RankRSquared:0.00}.",
                $"What drives: {label}", d.Result, input => d.InputLabel(input, scenario));
        })];
    }

    /// <summary>The section's HTML; empty when there is nothing to show.</summary>
    public static string Section(IReadOnlyList<OutcomeDrivers> drivers, IReadOnlyList<(string File, string Caption, XElement Svg)> charts, MarketScenario? scenario = null)
    {
        if (drivers.Count == 0)
        {
            return "";
        }
        var labels = scenario is null ? null : new OutcomeLabels(scenario);
        var html = new StringBuilder("<h3>What drives the outcomes</h3>\n")
            .Append("<p class=\"muted\">From the one simulation, on ranks: Spearman's rho between each uncertain input and each outcome, the standardised rank-regression coefficient (SRRC: the input's effect holding the others fixed) and its contribution to variance (SRRC² scaled to the regression's R² on ranks). Intervals are 95%. Outcomes that are the same in every run are left out. All figures cover the whole horizon; input_sensitivity.csv has every number.</p>\n");
        for (var i = 0; i < drivers.Count; i++)
        {
            var d = drivers[i];
            html.Append("<h4>").Append(E(labels?.Label(d.Outcome) ?? d.Outcome.Name)).Append(" <span class=\"muted\">(").Append(E(OutcomeLabels.Unit(d.Outcome.Unit))).Append(")</span></h4>\n")
                .Append("<table><tr><th>Input</th><th>Spearman's rho (95% CI)</th><th>SRRC (95% CI)</th><th>Contribution to variance</th></tr>");
            foreach (var input in d.Result.Tornado)
            {
                html.Append("<tr><td>").Append(E(d.InputLabel(input.Name, scenario))).Append("</td><td>")
                    .Append(R(input.Spearman)).Append(" (").Append(R(input.SpearmanInterval.Low)).Append(" to ").Append(R(input.SpearmanInterval.High)).Append(")</td><td>")
                    .Append(R(input.Srrc)).Append(" (").Append(R(input.SrrcInterval.Low)).Append(" to ").Append(R(input.SrrcInterval.High)).Append(")</td><td>")
                    .Append(Quantity.Share(input.ContributionToVariance)).Append("</td></tr>");
            }
            html.Append("</table>\n");
            var (file, caption, svg) = charts[i];
            Html.Figure(html, file, labels is null ? caption : $"What drives {OutcomeLabels.OverTheHorizon(labels.InSentence(d.Outcome))}: each uncertain input's standardised rank-regression coefficient with its 95% bootstrap interval.", svg);
        }
        return html.ToString();
    }

    private static string R(double x) => x.ToString("+0.00;−0.00;0.00", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
