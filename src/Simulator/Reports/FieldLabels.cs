using MarketSim.Grains.Scenario;

namespace MarketSim.Simulator.Reports;

/// <summary>
/// A scenario field's path in words for people: ids replaced by the scenario's names, list indices
/// dropped, a `--vary` wildcard * as "all", underscores as spaces, units in brackets
/// ("economy.nlw_gbp_per_hour" becomes "economy › NLW (£ an hour)").
/// </summary>
public static class FieldLabels
{
    private static readonly (string Suffix, string Words)[] Units =
    [
        ("_gbp_per_hour", " (£ an hour)"),
        ("_gbp_per_contact_hour", " (£ a contact hour)"),
        ("_gbp_per_year", " (£ a year)"),
        ("_gbp_by_year", " (£ by year)"),
        ("_gbp", " (£)"),
        ("_per_year", " a year"),
        ("_per_hour", " an hour"),
    ];

    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["nlw"] = "NLW",
        ["cpi"] = "CPI",
        ["hhi"] = "HHI",
        ["nhs"] = "NHS",
        ["chc"] = "CHC",
        ["gbp"] = "£",
    };

    /// <summary>The words for <paramref name="path"/> (dots between fields, [i] after list items) in <paramref name="scenario"/>.</summary>
    public static string Of(string path, MarketScenario? scenario = null) =>
        string.Join(" › ", path.Split('.').Where(s => s.Length > 0).Select(s => Segment(s, scenario)));

    /// <summary>One field name in words: its unit suffix in brackets, underscores as spaces, known acronyms in capitals.</summary>
    public static string Field(string name)
    {
        var unit = "";
        foreach (var (suffix, words) in Units)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length)
            {
                name = name[..^suffix.Length];
                unit = words;
                break;
            }
        }
        return string.Join(' ', name.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(w => Words.GetValueOrDefault(w, w))) + unit;
    }

    private static string Segment(string segment, MarketScenario? scenario)
    {
        var bracket = segment.IndexOf('[', StringComparison.Ordinal);
        var name = bracket >= 0 ? segment[..bracket] : segment;
        if (name == "*")
        {
            return "all";
        }
        if (scenario is not null && Name(name, scenario) is { } entity)
        {
            return entity;
        }
        return Field(name);
    }

    private static string? Name(string id, MarketScenario scenario) =>
        scenario.Zones.FirstOrDefault(z => z.Id == id)?.Name
        ?? scenario.Providers.FirstOrDefault(p => p.Id == id)?.Name
        ?? scenario.Commissioners.FirstOrDefault(c => c.Id == id)?.Name
        ?? scenario.PooledBudgets.FirstOrDefault(p => p.Id == id)?.Name;
}
