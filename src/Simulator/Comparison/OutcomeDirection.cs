namespace MarketSim.Simulator.Comparison;

/// <summary>
/// Which direction is worse for each runs.csv column, read from its name: more unmet need, waiting,
/// spend, overspend, liability, cost, failures and exits is worse; an earlier first failure and less
/// capacity or workforce at the end are worse; volumes of care and caseload are neither.
/// </summary>
public static class OutcomeDirection
{
    private static readonly string[] LowerIsWorse = ["first_failure_week", "capacity_final_weekly_hours", "care_workers_final"];

    private static readonly string[] Neither =
    [
        "referrals_total", "caseload_mean_people", "caseload_final_people", "paid_hours_per_week_first_4_weeks",
        "paid_hours_per_week_mean", "delivered_hours_total", "self_funder_spend_gbp", "entrants_joined",
        "mean_rate_gbp_per_hour", "final_year_rate_gbp_per_hour",
    ];

    /// <summary>The worse direction of column <paramref name="name"/>; per-entity columns (<c>name__id</c>) go by their stem.</summary>
    public static WorseWhen Of(string name)
    {
        var stem = name.Split("__")[0];
        if (LowerIsWorse.Contains(stem))
        {
            return WorseWhen.Lower;
        }
        return Neither.Contains(stem) ? WorseWhen.Neither : WorseWhen.Higher;
    }

    /// <summary>"higher", "lower" or "neither", as compare.csv writes it.</summary>
    public static string Text(WorseWhen direction) => direction switch
    {
        WorseWhen.Higher => "higher",
        WorseWhen.Lower => "lower",
        _ => "neither",
    };
}
