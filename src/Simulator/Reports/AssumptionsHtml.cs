using System.Globalization;
using System.Text;
using MarketSim.Grains.Scenario;
using static MarketSim.Simulator.Reports.Html;

namespace MarketSim.Simulator.Reports;

/// <summary>
/// report.html's "Assumptions": every scenario input with its value, unit and source, folded away under a line that
/// counts them (a large market has thousands), then the documents the scenario cites.
/// </summary>
public static class AssumptionsHtml
{
    /// <summary>
    /// The section's HTML for the scenario <paramref name="yaml"/> (as run); values that are ids of <paramref name="scenario"/>'s entities
    /// are shown by name. Unless <paramref name="folded"/> is false (the workbench's scenario page, where the table is the page), the
    /// table is folded under its count.
    /// </summary>
    public static string Section(string yaml, MarketScenario scenario, bool folded = true)
    {
        var html = new StringBuilder("<h2 id=\"assumptions\">Assumptions</h2>\n")
            .Append("<p class=\"muted\">Every input of the scenario as it was run (scenario.yaml in this folder), with the source the file gives for it: its own <code>source:</code>, or the one of the section it is in.</p>\n");
        var inputs = ScenarioAssumptions.Read(yaml, PartnerName(scenario));
        var labels = new OutcomeLabels(scenario);
        if (folded)
        {
            html.Append("<details><summary>Every input of the scenario (").Append(inputs.Count.ToString("N0", CultureInfo.InvariantCulture))
                .Append(inputs.Count == 1 ? " row" : " rows").Append(")</summary>\n");
        }
        Header(html, "Input", "Value", "Unit", "Source");
        string? previous = null;
        foreach (var a in inputs)
        {
            var value = NamesAnEntity(a.Path) ? labels.EntityName(a.Value) : ListsZones(a.Path) ? ZoneNames(a.Value, scenario) : a.Value;
            Row(html, $"<span title=\"{E(a.Path)}\">{E(a.Label)}</span>", E(value), E(a.Unit), a.Source == previous ? "<span class=\"muted\">as above</span>" : E(a.Source));
            previous = a.Source;
        }
        html.Append(folded ? "</table>\n</details>\n" : "</table>\n");
        var documents = ScenarioAssumptions.Documents(yaml);
        if (documents.Count > 0)
        {
            html.Append("<h3>Documents cited</h3>\n");
            Header(html, "Id", "File", "Title");
            foreach (var d in documents)
            {
                Row(html, E(d.Id), E(d.File), E(d.Title));
            }
            html.Append("</table>\n<p class=\"muted\">docs/sources.md gives each document's publisher, date and where to find it.</p>\n");
        }
        return html.ToString();
    }

    /// <summary>A commissioner's name from its id, for the keys of an agreement's <c>caps</c>, <c>shares</c> and <c>contingency_gbp</c>; null for another id.</summary>
    public static Func<string, string?> PartnerName(MarketScenario scenario) =>
        id => scenario.Commissioners.FirstOrDefault(c => c.Id == id)?.Name;

    /// <summary>Whether the input at <paramref name="path"/> is a provider's list of zone ids (<c>providers[3].zones</c>), shown by the zones' names.</summary>
    private static bool ListsZones(string path) => path.StartsWith("providers[", StringComparison.Ordinal) && path.EndsWith("].zones", StringComparison.Ordinal);

    /// <summary>"[north_west, east]" as "[North and West Dorset, East Dorset and Christchurch]"; <c>all</c>, and an id no zone has, as written.</summary>
    private static string ZoneNames(string value, MarketScenario scenario) =>
        value.StartsWith('[') && value.EndsWith(']')
            ? "[" + string.Join(", ", value[1..^1].Split(", ").Select(id => scenario.Zones.FirstOrDefault(z => z.Id == id)?.Name ?? id)) + "]"
            : value;

    /// <summary>
    /// Whether the input at <paramref name="path"/> holds an entity's id (a partner, a provider to exit), shown by the
    /// entity's name; a word the format defines (a role, a type) stays as written even where an entity has it as its id.
    /// </summary>
    private static bool NamesAnEntity(string path) => path[(path.LastIndexOf('.') + 1)..] is
        "commissioner" or "provider" or "partner" or "reference_partner" or "backstop" or "lead" or "payer" or "recipient";
}
