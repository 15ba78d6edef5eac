namespace MarketSim.Simulator.Scenarios;

/// <summary>The unit of a scenario field, read from its name (units are in field names, docs/scenario-format.md), for output labels.</summary>
internal static class FieldUnits
{
    private static readonly (string Suffix, string Unit)[] BySuffix =
    [
        ("_gbp_per_hour", "GBP per hour"),
        ("_per_hour", "GBP per hour"),
        ("_gbp", "GBP"),
        ("weekly_hours", "hours a week"),
        ("_hours", "hours"),
        ("week", "week"),
        ("_weeks", "weeks"),
        ("weeks", "weeks"),
        ("_people", "people"),
        ("_per_year", "a year"),
    ];

    /// <summary>The unit of the field at <paramref name="path"/>; "fraction" for rates, shares and the like, else "as the field".</summary>
    public static string Of(string path)
    {
        var last = path.Split('.')[^1];
        var bracket = last.IndexOf('[', StringComparison.Ordinal);
        var name = bracket >= 0 ? last[..bracket] : last;
        foreach (var (suffix, unit) in BySuffix)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return unit;
            }
        }
        string[] fractions = ["growth", "rate", "amplitude", "share", "fraction", "turnover", "increase", "volatility", "premium", "margin", "elasticity"];
        return name.Contains("multiplier", StringComparison.Ordinal) ? "factor" : fractions.Any(name.Contains) ? "fraction" : "as the field";
    }
}
