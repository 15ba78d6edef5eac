namespace MarketSim.Simulator.Scenarios;

/// <summary>The unit of a scenario field, read from its name (units are in field names, docs/scenario-format.md), for output labels.</summary>
internal static class FieldUnits
{
    private static readonly (string Suffix, string Unit)[] BySuffix =
    [
        ("_gbp_per_hour", "GBP per hour"),
        ("_gbp_per_contact_hour", "GBP per contact hour"),
        ("_gbp_per_year", "GBP a year"),
        ("_hours_per_contact_hour", "hours per contact hour"),
        ("_hours_per_capacity_hour", "hours per capacity hour"),
        ("other_work_hours_sd", "hours per capacity hour"),
        ("_hours_per_worker_per_week", "hours a week"),
        ("_per_hour", "GBP per hour"),
        ("_gbp", "GBP"),
        ("weekly_hours", "hours a week"),
        ("weekly_referrals_people", "people a week"),
        ("_hours", "hours"),
        ("_week_of_year", "week of the year (0 = first week of January)"),
        ("week", "week"),
        ("_weeks", "weeks"),
        ("weeks", "weeks"),
        ("_weeks_below_cost", "weeks"),
        ("_people", "people"),
        ("_per_year", "a year"),
        ("_years", "years"),
        ("percent", "percent"),
        ("percent_of_contribution", "percent"),
    ];

    private static readonly (string Parent, string Unit)[] ByParent =
    [
        ("funding_mix", "fraction"),
        ("shares", "fraction"),
        ("contingency_gbp", "GBP a year"),
    ];

    /// <summary>
    /// The unit of the field at <paramref name="path"/>; "fraction" for rates, shares and the like, else "as the field"
    /// (a number with no unit, such as an elasticity, a correlation or a persistence). The mean or sd of a distribution
    /// field (weekly_hours.mean) is in the unit of that field.
    /// </summary>
    public static string Of(string path)
    {
        var segments = path.Split('.');
        var name = Name(segments[^1]);
        if (segments.Length > 1 && name is "mean" or "sd")
        {
            return Of(path[..path.LastIndexOf('.')]);
        }
        if (segments.Length > 1 && ByParent.FirstOrDefault(p => p.Parent == Name(segments[^2])).Unit is { } byParent)
        {
            return byParent;
        }
        if (name == "gbp")
        {
            return "GBP";
        }
        foreach (var (suffix, unit) in BySuffix)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return unit;
            }
        }
        string[] fractions = ["growth", "rate", "amplitude", "share", "fraction", "turnover", "increase", "volatility", "premium", "margin"];
        return name.Contains("multiplier", StringComparison.Ordinal) ? "factor" : fractions.Any(name.Contains) ? "fraction" : "as the field";
    }

    private static string Name(string segment)
    {
        var bracket = segment.IndexOf('[', StringComparison.Ordinal);
        return bracket >= 0 ? segment[..bracket] : segment;
    }
}
