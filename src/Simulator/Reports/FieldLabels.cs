using MarketSim.Grains.Scenario;

namespace MarketSim.Simulator.Reports;

/// <summary>
/// A scenario field's path in words for people: ids and entries of entity lists (providers[4]) replaced by the
/// scenario's names, a yearly list's index as "year N", other indices kept, a `--vary` wildcard * as "all", underscores as spaces, units in brackets
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
        var index = bracket >= 0 && segment.EndsWith(']') && int.TryParse(segment[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture, out var i) && i >= 0 ? i : -1;
        if (index < 0)
        {
            return Field(name);
        }
        if (scenario is not null && ListEntry(name, index, scenario) is { } listed)
        {
            return $"{Field(name)} › {listed}";
        }
        return name.StartsWith("annual_", StringComparison.Ordinal) || name.EndsWith("_by_year", StringComparison.Ordinal)
            ? $"{Field(name)}, year {index + 1}"
            : $"{Field(name)} [{index}]";
    }

    /// <summary>The name of entry <paramref name="index"/> of a list of entities (<c>providers[4]</c>), or null.</summary>
    private static string? ListEntry(string list, int index, MarketScenario scenario) => list switch
    {
        "zones" when index < scenario.Zones.Length => scenario.Zones[index].Name,
        "providers" when index < scenario.Providers.Length => scenario.Providers[index].Name,
        "commissioners" when index < scenario.Commissioners.Length => scenario.Commissioners[index].Name,
        "pooled_budgets" when index < scenario.PooledBudgets.Length => scenario.PooledBudgets[index].Name,
        _ => null,
    };

    private static string? Name(string id, MarketScenario scenario) =>
        scenario.Zones.FirstOrDefault(z => z.Id == id)?.Name
        ?? scenario.Providers.FirstOrDefault(p => p.Id == id)?.Name
        ?? scenario.Commissioners.FirstOrDefault(c => c.Id == id)?.Name
        ?? scenario.PooledBudgets.FirstOrDefault(p => p.Id == id)?.Name;
}
