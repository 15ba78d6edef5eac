using MarketSim.Grains.Scenario;

namespace MarketSim.Simulator.Comparison;

/// <summary>
/// Labels for people of runs.csv columns, with the unit where the numbers do not carry it (money
/// is shown with £): "Unmet care (hours)", "Spend: Doncaster Council", "Liability: Dorset pool,
/// Dorset rule, dorset_ccg". A column without a label of its own keeps its name.
/// </summary>
public static class OutcomeLabel
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        ["referrals_total"] = "Referrals (people)",
        ["caseload_mean_people"] = "Caseload, mean (people)",
        ["caseload_final_people"] = "Caseload at the end (people)",
        ["paid_hours_per_week_first_4_weeks"] = "Paid care, weeks 1-4 (hours a week)",
        ["paid_hours_per_week_mean"] = "Paid care, mean (hours a week)",
        ["delivered_hours_total"] = "Delivered care (hours)",
        ["spot_hours_total"] = "Spot-market care (hours)",
        ["unmet_hours_total"] = "Unmet care (hours)",
        ["peak_waiting_list_people"] = "Peak waiting list (people)",
        ["weeks_with_waiting_list"] = "Weeks with a waiting list",
        ["self_funder_spend_gbp"] = "Self-funders' spend",
        ["provider_failures"] = "Provider failures (providers)",
        ["hand_backs"] = "Contract hand-backs (providers)",
        ["provider_exits"] = "Provider exits, all causes (providers)",
        ["first_failure_week"] = "Week of the first failure",
        ["entrants_joined"] = "New providers joined",
        ["self_funder_conversions"] = "Self-funders turned council-funded (people)",
        ["mean_rate_gbp_per_hour"] = "Mean rate (an hour)",
        ["rate_gap_gbp_per_hour"] = "Rate gap, cost − rate (an hour)",
        ["final_year_rate_gbp_per_hour"] = "Final-year rate (an hour)",
        ["final_year_rate_gap_gbp_per_hour"] = "Final-year rate gap (an hour)",
        ["hhi_final"] = "Market concentration at the end (HHI)",
        ["care_workers_final"] = "Care workers at the end (people)",
        ["capacity_final_weekly_hours"] = "Capacity at the end (hours a week)",
        ["unmet_need_cost_gbp"] = "Cost of unmet need",
        ["whole_system_cost_gbp"] = "Whole-system cost (spend + unmet need)",
        ["exits_hazard"] = "Exits: hazard (providers)",
        ["exits_reserves_exhausted"] = "Exits: reserves exhausted (providers)",
        ["exits_forced"] = "Exits: forced out (providers)",
    };

    private static readonly Dictionary<string, string> EntityLabels = new()
    {
        ["spend_gbp"] = "Spend",
        ["overspend_gbp"] = "Overspend",
        ["unmet_need_cost_gbp"] = "Cost of unmet need",
        ["whole_system_cost_gbp"] = "Whole-system cost",
        ["unmet_hours"] = "Unmet care (hours)",
        ["peak_waiting_list"] = "Peak waiting list (people)",
        ["provider_exits"] = "Provider exits",
        ["weeks_without_lead"] = "Weeks without a lead provider",
        ["pool_overspend_gbp"] = "Pool overspend",
        ["liability_gbp"] = "Liability",
        ["worst_year_liability_gbp"] = "Worst-year liability",
    };

    /// <summary>The label of column <paramref name="name"/> of <paramref name="scenario"/>'s runs.csv.</summary>
    public static string Of(string name, MarketScenario scenario)
    {
        if (Labels.TryGetValue(name, out var label))
        {
            return label;
        }
        var parts = name.Split("__");
        if (parts.Length < 2 || !EntityLabels.TryGetValue(parts[0], out var stem))
        {
            return name;
        }
        var pool = scenario.PooledBudgets.FirstOrDefault(p => p.Id == parts[1]);
        var names = parts.Length == 4 && pool is not null
            ? [pool.Name, pool.ModelsOrDefault.FirstOrDefault(m => m.Id == parts[2])?.Name ?? parts[2], Party(parts[3], scenario)]
            : parts[1..].Select(id => pool?.Name ?? Entity(id, scenario));
        return $"{stem}: {string.Join(", ", names)}";
    }

    private static string Party(string id, MarketScenario scenario) =>
        scenario.Commissioners.FirstOrDefault(c => c.Id == id)?.Name ?? id;

    private static string Entity(string id, MarketScenario scenario) =>
        scenario.Commissioners.FirstOrDefault(c => c.Id == id)?.Name ?? scenario.Zones.FirstOrDefault(z => z.Id == id)?.Name ?? id;
}
