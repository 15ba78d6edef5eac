using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;
using MarketSim.Grains.Uncertainty;

namespace MarketSim.Simulator.Reports;

/// <summary>
/// Human labels for the columns of runs.csv, for tables, the console and report.html: the outcome in
/// words with the scenario's names for its commissioner, zone, pool, agreement or party in place of
/// ids, and its unit in words (£, hours, people). Each column has a long label (report, console, and
/// the workbook, whose sheets give the unit beside it) and a short one with its unit (comparison and
/// sensitivity tables), kept side by side here. CSV column names themselves never change.
/// </summary>
public sealed class OutcomeLabels(MarketScenario scenario, IReadOnlyList<UncertainInput>? inputs = null)
{
    /// <summary>Market-wide columns: the report's label, and the short one with its unit for tables.</summary>
    private static readonly Dictionary<string, (string Long, string Short)> Market = new()
    {
        ["referrals_total"] = ("New referrals", "Referrals (people)"),
        ["caseload_mean_people"] = ("Caseload (people with or waiting for a package), mean over weeks", "Caseload, mean (people)"),
        ["caseload_final_people"] = ("Caseload at the end", "Caseload at the end (people)"),
        ["paid_hours_per_week_first_4_weeks"] = ("Paid care hours a week, first 4 weeks", "Paid care, weeks 1-4 (hours a week)"),
        ["paid_hours_per_week_mean"] = ("Paid care hours a week, mean over the horizon", "Paid care, mean (hours a week)"),
        ["delivered_hours_total"] = ("Care hours delivered", "Delivered care (hours)"),
        ["spot_hours_total"] = ("Care hours bought on the spot market", "Spot-market care (hours)"),
        ["unmet_hours_total"] = ("Unmet need (care hours not delivered)", "Unmet care (hours)"),
        ["peak_waiting_list_people"] = ("Peak waiting list", "Peak waiting list (people)"),
        ["weeks_with_waiting_list"] = ("Weeks with anyone waiting", "Weeks with a waiting list"),
        ["self_funder_spend_gbp"] = ("Self-funders' spend", "Self-funders' spend"),
        ["provider_failures"] = ("Provider failures", "Provider failures (providers)"),
        ["hand_backs"] = ("Contract hand-backs", "Contract hand-backs (providers)"),
        ["provider_exits"] = ("Provider exits, any cause", "Provider exits, all causes (providers)"),
        ["first_failure_week"] = ("Week of the first failure (futures with one)", "Week of the first failure"),
        ["entrants_joined"] = ("New providers joining", "New providers joined"),
        ["self_funder_conversions"] = ("Self-funders becoming council-funded", "Self-funders turned council-funded (people)"),
        ["mean_rate_gbp_per_hour"] = ("Mean hourly rate paid", "Mean rate (an hour)"),
        ["rate_gap_gbp_per_hour"] = ("Providers' cost above the hourly rate", "Rate gap, cost − rate (an hour)"),
        ["final_year_rate_gbp_per_hour"] = ("Mean hourly rate in the final year", "Final-year rate (an hour)"),
        ["final_year_rate_gap_gbp_per_hour"] = ("Cost above the rate in the final year", "Final-year rate gap (an hour)"),
        ["hhi_final"] = ("Market concentration at the end (HHI)", "Market concentration at the end (HHI)"),
        ["care_workers_final"] = ("Care workers at the end", "Care workers at the end (people)"),
        ["capacity_final_weekly_hours"] = ("Providers' capacity at the end", "Capacity at the end (hours a week)"),
        ["unmet_need_cost_gbp"] = ("Cost of unmet need", "Cost of unmet need"),
        ["whole_system_cost_gbp"] = ("Whole-system cost (spend plus cost of unmet need)", "Whole-system cost (spend + unmet need)"),
        ["exits_hazard"] = ("Failures from causes outside the model (hazard)", "Exits: hazard (providers)"),
        ["exits_reserves_exhausted"] = ("Failures when reserves ran out", "Exits: reserves exhausted (providers)"),
        ["exits_forced"] = ("Providers forced out by a shock", "Exits: forced out (providers)"),
    };

    /// <summary>Per-entity stems (before <c>__</c>): the report's lower-case phrase (none where only pools have it) and the short stem.</summary>
    private static readonly Dictionary<string, (string? Long, string Short)> PerEntity = new()
    {
        ["spend_gbp"] = ("spend", "Spend"),
        ["overspend_gbp"] = ("overspend (negative: underspend)", "Overspend"),
        ["unmet_need_cost_gbp"] = ("cost of unmet need borne", "Cost of unmet need"),
        ["whole_system_cost_gbp"] = ("spend plus cost of unmet need", "Whole-system cost"),
        ["unmet_hours"] = ("unmet need (care hours)", "Unmet care (hours)"),
        ["peak_waiting_list"] = ("peak waiting list", "Peak waiting list (people)"),
        ["provider_exits"] = ("provider exits", "Provider exits"),
        ["weeks_without_lead"] = ("weeks without a lead provider", "Weeks without a lead provider"),
        ["pool_overspend_gbp"] = ("overspend (negative: underspend)", "Pool overspend"),
        ["liability_gbp"] = (null, "Liability"),
        ["worst_year_liability_gbp"] = (null, "Worst-year liability"),
    };

    /// <summary>
    /// The report's phrase for a per-entity outcome <paramref name="stem"/> (the name before <c>__</c>, such as
    /// <c>spend_gbp</c>: "spend"), without an entity or unit; null for a stem without one.
    /// </summary>
    public static string? EntityPhrase(string stem) => PerEntity.TryGetValue(stem, out var what) ? what.Long : null;

    /// <summary>The label of <paramref name="column"/>, without its unit.</summary>
    public string Label(OutcomeColumn column)
    {
        var name = column.Name;
        if (Market.TryGetValue(name, out var label))
        {
            return label.Long;
        }
        if (name.StartsWith("input_", StringComparison.Ordinal))
        {
            var path = column.Description.Split(' ').FirstOrDefault(w => w.Contains('.', StringComparison.Ordinal)) ?? name[6..];
            return "Sampled " + InputLabels.Of(path, inputs ?? [], scenario);
        }
        var parts = name.Split("__");
        if (parts.Length == 2 && PerEntity.TryGetValue(parts[0], out var what) && what.Long is { } phrase)
        {
            return $"{EntityName(parts[1])}: {phrase}";
        }
        if (parts.Length == 4 && scenario.PooledBudgets.FirstOrDefault(p => p.Id == parts[1]) is { } pool)
        {
            var model = pool.ModelsOrDefault.FirstOrDefault(m => m.Id == parts[2])?.Name ?? parts[2];
            var kind = parts[0].StartsWith("worst_year", StringComparison.Ordinal) ? "liability in its worst year" : "liability";
            return $"{PartyName(pool, parts[3])}: {kind} under {model}";
        }
        return column.Description;
    }

    /// <summary>
    /// The short label of column <paramref name="name"/>, with its unit where the numbers do not carry it
    /// (money is shown with £), for the comparison and sensitivity tables: "Unmet care (hours)",
    /// "Spend: Doncaster Council", "Overspend: Doncaster Council (negative: underspend)", "Liability: Dorset pool, Dorset rule, Dorset CCG". A column without
    /// a label of its own keeps its name.
    /// </summary>
    public string Short(string name) =>
        Market.TryGetValue(name, out var label) ? label.Short
        : ShortParts(name) is { } parts ? $"{parts.Stem}: {string.Join(", ", parts.Names)}{SignNote(name)}"
        : name;

    /// <summary>
    /// The short label of column <paramref name="name"/> for a comparison of this scenario, the base, with
    /// <paramref name="other"/>: where the two name one of its entities differently (an agreement of the same
    /// id with other terms), both names, "Liability: Dorset pool, CCG capped at 5% (base) vs CCG capped at 10% (other), Dorset CCG".
    /// </summary>
    public string Short(string name, OutcomeLabels other) => Short(name, [(this, "base"), (other, "other")]);

    /// <summary>
    /// The short label of column <paramref name="name"/> for a comparison of several experiments, the first the
    /// base: where they name one of its entities differently, each name with the tags of the experiments that
    /// use it, in order of first use, "Spend: North Council (base, 2) vs North County Council (1)".
    /// </summary>
    public static string Short(string name, IReadOnlyList<(OutcomeLabels Labels, string Tag)> experiments)
    {
        ArgumentNullException.ThrowIfNull(experiments);
        var parts = experiments.Select(e => e.Labels.ShortParts(name)).ToList();
        if (parts[0] is not { } first || parts.Any(p => p is null || p.Value.Names.Count != first.Names.Count))
        {
            return experiments[0].Labels.Short(name);
        }
        var names = first.Names.Select((_, k) =>
        {
            var byName = experiments.Select((e, i) => (Name: parts[i]!.Value.Names[k], e.Tag)).GroupBy(n => n.Name).ToList();
            return byName.Count == 1 ? byName[0].Key : string.Join(" vs ", byName.Select(g => $"{g.Key} ({string.Join(", ", g.Select(n => n.Tag))})"));
        });
        return $"{first.Stem}: {string.Join(", ", names)}{SignNote(name)}";
    }

    /// <summary>What a negative value means, after the short label of a column whose sign reads both ways ("Overspend: Doncaster Council (negative: underspend)"); empty for others.</summary>
    private static string SignNote(string name) =>
        name.StartsWith("overspend_gbp__", StringComparison.Ordinal) || name.StartsWith("pool_overspend_gbp__", StringComparison.Ordinal) ? " (negative: underspend)" : "";

    // A per-entity column's short stem and the names of its entities (pool, agreement and party, or one
    // commissioner, zone or pool); null for a column that is not per entity.
    private (string Stem, IReadOnlyList<string> Names)? ShortParts(string name)
    {
        var parts = name.Split("__");
        if (parts.Length < 2 || !PerEntity.TryGetValue(parts[0], out var stem))
        {
            return null;
        }
        var pool = scenario.PooledBudgets.FirstOrDefault(p => p.Id == parts[1]);
        string[] names = parts.Length == 4 && pool is not null
            ? [pool.Name, pool.ModelsOrDefault.FirstOrDefault(m => m.Id == parts[2])?.Name ?? parts[2], scenario.Commissioners.FirstOrDefault(c => c.Id == parts[3])?.Name ?? parts[3]]
            : [.. parts[1..].Select(id => pool?.Name ?? EntityName(id))];
        return (stem.Short, names);
    }

    /// <summary>The label of <paramref name="column"/> with its unit in words: "Unmet need (care hours not delivered), hours".</summary>
    public string WithUnit(OutcomeColumn column) => $"{Label(column)}, {Unit(column.Unit)}";

    /// <summary>
    /// The label of <paramref name="column"/> to stand before its figures: with its unit in words ("Unmet need (care hours not
    /// delivered), hours"), except for an amount in pounds, whose figures are written with £ ("Whole-system cost (spend plus
    /// cost of unmet need)"), so that it does not say ", £" as well.
    /// </summary>
    public string BeforeFigures(OutcomeColumn column) => column.Unit == "GBP" ? Label(column) : WithUnit(column);

    /// <summary>A label as it reads inside a sentence, its first letter in lower case: "What drives unmet need (…)".</summary>
    public static string InSentence(string label) => label.Length == 0 ? label : char.ToLowerInvariant(label[0]) + label[1..];

    /// <summary>
    /// The label of <paramref name="column"/> as it reads inside a sentence: its first letter in lower case ("What drives
    /// unmet need (…)"), except where the label starts with the name of a commissioner, zone, pool or provider, which
    /// keeps its capital ("What drives Doncaster Council: spend", not "doncaster council: spend").
    /// </summary>
    public string InSentence(OutcomeColumn column)
    {
        var label = Label(column);
        return StartsWithAName(label) ? label : InSentence(label);
    }

    /// <summary>
    /// <paramref name="phrase"/> (a label in a sentence) followed by " over the horizon", unless it already says so
    /// ("paid care hours a week, mean over the horizon"), so that no caption reads "over the horizon over the horizon".
    /// </summary>
    public static string OverTheHorizon(string phrase) =>
        phrase.EndsWith("over the horizon", StringComparison.Ordinal) ? phrase : phrase + " over the horizon";

    private bool StartsWithAName(string label) =>
        scenario.Commissioners.Select(c => c.Name)
            .Concat(scenario.Zones.Select(z => z.Name))
            .Concat(scenario.PooledBudgets.Select(p => p.Name))
            .Concat(scenario.Providers.Select(p => p.Name))
            .Any(name => !string.IsNullOrEmpty(name) && label.StartsWith(name, StringComparison.Ordinal));

    /// <summary>
    /// A schema unit in words: money with £ ("£ an hour" for GBP per hour), as the figures show it; every other
    /// unit in the schema's own words (week, hours, people), as summary.json and runs.parquet give it.
    /// </summary>
    public static string Unit(string unit) => unit switch
    {
        "GBP" => "£",
        "GBP per hour" => "£ an hour",
        "GBP per contact hour" => "£ a contact hour",
        "GBP a year" => "£ a year",
        _ => unit,
    };

    /// <summary>The name of a party to a pool: the partner commissioner's name, or "Providers" / "Retained by the pool".</summary>
    public string PartyName(PooledBudgetSpec pool, string party) => party switch
    {
        "providers" => "Providers",
        "retained" => "Retained by the pool",
        _ => scenario.Commissioners.FirstOrDefault(c => c.Id == party)?.Name ?? party,
    };

    /// <summary>The name of the commissioner, zone, provider or pool called <paramref name="id"/>, or the id when none is.</summary>
    public string EntityName(string id) =>
        scenario.Commissioners.FirstOrDefault(c => c.Id == id)?.Name
        ?? scenario.Zones.FirstOrDefault(z => z.Id == id)?.Name
        ?? scenario.PooledBudgets.FirstOrDefault(p => p.Id == id)?.Name
        ?? scenario.Providers.FirstOrDefault(p => p.Id == id)?.Name
        ?? id;
}
