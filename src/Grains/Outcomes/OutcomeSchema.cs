using MarketSim.Grains.Scenario;

namespace MarketSim.Grains.Outcomes;

/// <summary>
/// The columns a run of a scenario reports, in order: market-wide ones first, then one group per
/// commissioner, zone and pooled budget. The indices let the market write a run's outcomes into a
/// plain span of doubles.
/// </summary>
public sealed class OutcomeSchema
{
    /// <summary>Index of referrals_total.</summary>
    public const int Referrals = 0;
    /// <summary>Index of caseload_mean_people.</summary>
    public const int CaseloadMean = 1;
    /// <summary>Index of caseload_final_people.</summary>
    public const int CaseloadFinal = 2;
    /// <summary>Index of paid_hours_per_week_first_4_weeks.</summary>
    public const int PaidHoursFirstMonth = 3;
    /// <summary>Index of paid_hours_per_week_mean.</summary>
    public const int PaidHoursMean = 4;
    /// <summary>Index of delivered_hours_total.</summary>
    public const int DeliveredHours = 5;
    /// <summary>Index of spot_hours_total.</summary>
    public const int SpotHours = 6;
    /// <summary>Index of unmet_hours_total.</summary>
    public const int UnmetHours = 7;
    /// <summary>Index of peak_waiting_list_people.</summary>
    public const int PeakWaiting = 8;
    /// <summary>Index of weeks_with_waiting_list.</summary>
    public const int WeeksWithWaiting = 9;
    /// <summary>Index of self_funder_spend_gbp.</summary>
    public const int SelfFunderSpend = 10;

    private readonly List<OutcomeColumn> _columns =
    [
        new("referrals_total", "people", "New packages referred over the horizon", false),
        new("caseload_mean_people", "people", "Mean over weeks of people with a package or waiting for one, at week end", true),
        new("caseload_final_people", "people", "People with a package or waiting for one at the end of the horizon", false),
        new("paid_hours_per_week_first_4_weeks", "hours a week", "Commissioner-paid care hours a week, mean of weeks 1-4", true),
        new("paid_hours_per_week_mean", "hours a week", "Commissioner-paid care hours a week, mean over the horizon", true),
        new("delivered_hours_total", "hours", "Care hours delivered by all providers over the horizon, all funders", false),
        new("spot_hours_total", "hours", "Care hours delivered by spot providers over the horizon", true),
        new("unmet_hours_total", "hours", "Care hours of need not delivered because people were waiting", true),
        new("peak_waiting_list_people", "people", "Largest waiting list summed over zones at a week end", true),
        new("weeks_with_waiting_list", "weeks", "Weeks that ended with anyone waiting in any zone", false),
        new("self_funder_spend_gbp", "GBP", "What self-funders paid providers over the horizon", false),
    ];

    /// <summary>Builds the schema of <paramref name="scenario"/>.</summary>
    public OutcomeSchema(MarketScenario scenario)
    {
        CommissionerStart = _columns.Count;
        foreach (var c in scenario.Commissioners)
        {
            _columns.Add(new($"spend_gbp__{c.Id}", "GBP", $"What {c.Name} paid for delivered care over the horizon", true));
            _columns.Add(new($"overspend_gbp__{c.Id}", "GBP", $"{c.Name}'s spend minus its budgets over the horizon (negative: underspend)", true));
        }
        ZoneStart = _columns.Count;
        foreach (var z in scenario.Zones)
        {
            _columns.Add(new($"unmet_hours__{z.Id}", "hours", $"Unmet care hours in {z.Name}", false));
            _columns.Add(new($"peak_waiting_list__{z.Id}", "people", $"Largest waiting list in {z.Name}", false));
        }
        PoolStart = _columns.Count;
        foreach (var p in scenario.PooledBudgets)
        {
            _columns.Add(new($"pool_overspend_gbp__{p.Id}", "GBP", $"{p.Name}: out-turn minus contributions, summed over years (negative: underspend)", true));
            foreach (var partner in p.Partners)
            {
                _columns.Add(new($"pool_share_gbp__{p.Id}__{partner.CommissionerId}", "GBP", $"{p.Name}: {partner.CommissionerId}'s share of the overspend, in proportion to contributions", true));
            }
        }
        Columns = _columns;
    }

    /// <summary>All columns in output order.</summary>
    public IReadOnlyList<OutcomeColumn> Columns { get; }

    /// <summary>How many numbers one run reports.</summary>
    public int Count => Columns.Count;

    /// <summary>Index of the first commissioner column; each commissioner has two (spend, overspend).</summary>
    public int CommissionerStart { get; }

    /// <summary>Index of the first zone column; each zone has two (unmet hours, peak waiting list).</summary>
    public int ZoneStart { get; }

    /// <summary>Index of the first pooled-budget column; each pool has one plus one per partner.</summary>
    public int PoolStart { get; }

    /// <summary>The index of the column called <paramref name="name"/>.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Name == name)
            {
                return i;
            }
        }
        throw new ArgumentException($"No outcome column is called '{name}'.", nameof(name));
    }
}
