using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;

namespace MarketSim.Simulator.Reports;

/// <summary>
/// Human labels for the columns of runs.csv, for tables, the console and report.html: the outcome in
/// words with the scenario's names for its commissioner, zone, pool, agreement or party in place of
/// ids, and its unit in words (£, hours, people). CSV column names themselves never change.
/// </summary>
public sealed class OutcomeLabels(MarketScenario scenario)
{
    private static readonly Dictionary<string, string> Market = new()
    {
        ["referrals_total"] = "New referrals",
        ["caseload_mean_people"] = "Caseload (people with or waiting for a package), mean over weeks",
        ["caseload_final_people"] = "Caseload at the end",
        ["paid_hours_per_week_first_4_weeks"] = "Paid care hours a week, first 4 weeks",
        ["paid_hours_per_week_mean"] = "Paid care hours a week, mean over the horizon",
        ["delivered_hours_total"] = "Care hours delivered",
        ["spot_hours_total"] = "Care hours bought on the spot market",
        ["unmet_hours_total"] = "Unmet need (care hours not delivered)",
        ["peak_waiting_list_people"] = "Peak waiting list",
        ["weeks_with_waiting_list"] = "Weeks with anyone waiting",
        ["self_funder_spend_gbp"] = "Self-funders' spend",
        ["provider_failures"] = "Provider failures",
        ["hand_backs"] = "Contract hand-backs",
        ["provider_exits"] = "Provider exits, any cause",
        ["first_failure_week"] = "Week of the first failure (futures with one)",
        ["entrants_joined"] = "New providers joining",
        ["self_funder_conversions"] = "Self-funders becoming council-funded",
        ["mean_rate_gbp_per_hour"] = "Mean hourly rate paid",
        ["rate_gap_gbp_per_hour"] = "Providers' cost above the hourly rate",
        ["final_year_rate_gbp_per_hour"] = "Mean hourly rate in the final year",
        ["final_year_rate_gap_gbp_per_hour"] = "Cost above the rate in the final year",
        ["hhi_final"] = "Market concentration at the end (HHI)",
        ["care_workers_final"] = "Care workers at the end",
        ["capacity_final_weekly_hours"] = "Providers' capacity at the end",
        ["unmet_need_cost_gbp"] = "Cost of unmet need",
        ["whole_system_cost_gbp"] = "Whole-system cost (spend plus cost of unmet need)",
        ["exits_hazard"] = "Failures from causes outside the model (hazard)",
        ["exits_reserves_exhausted"] = "Failures when reserves ran out",
        ["exits_forced"] = "Providers forced out by a shock",
    };

    private static readonly Dictionary<string, string> PerEntity = new()
    {
        ["spend_gbp"] = "spend",
        ["overspend_gbp"] = "overspend (negative: underspend)",
        ["unmet_need_cost_gbp"] = "cost of unmet need borne",
        ["whole_system_cost_gbp"] = "spend plus cost of unmet need",
        ["unmet_hours"] = "unmet need (care hours)",
        ["peak_waiting_list"] = "peak waiting list",
        ["provider_exits"] = "provider exits",
        ["weeks_without_lead"] = "weeks without a lead provider",
        ["pool_overspend_gbp"] = "overspend (negative: underspend)",
    };

    /// <summary>The label of <paramref name="column"/>, without its unit.</summary>
    public string Label(OutcomeColumn column)
    {
        var name = column.Name;
        if (Market.TryGetValue(name, out var label))
        {
            return label;
        }
        if (name.StartsWith("input_", StringComparison.Ordinal))
        {
            return "Sampled " + FieldLabels.Of(column.Description.Split(' ').FirstOrDefault(w => w.Contains('.', StringComparison.Ordinal)) ?? name[6..], scenario);
        }
        var parts = name.Split("__");
        if (parts.Length == 2 && PerEntity.TryGetValue(parts[0], out var what))
        {
            return $"{EntityName(parts[1])}: {what}";
        }
        if (parts.Length == 4 && scenario.PooledBudgets.FirstOrDefault(p => p.Id == parts[1]) is { } pool)
        {
            var model = pool.ModelsOrDefault.FirstOrDefault(m => m.Id == parts[2])?.Name ?? parts[2];
            var kind = parts[0].StartsWith("worst_year", StringComparison.Ordinal) ? "liability in its worst year" : "liability";
            return $"{PartyName(pool, parts[3])}: {kind} under {model}";
        }
        return column.Description;
    }

    /// <summary>The label of <paramref name="column"/> with its unit in words: "Unmet need (care hours not delivered), hours".</summary>
    public string WithUnit(OutcomeColumn column) => $"{Label(column)}, {Unit(column.Unit)}";

    /// <summary>A schema unit in words: £ for GBP, "£ an hour" for GBP per hour, otherwise as written.</summary>
    public static string Unit(string unit) => unit switch
    {
        "GBP" => "£",
        "GBP per hour" => "£ an hour",
        "week" => "week number",
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
