using MarketSim.Grains.Scenario;

namespace MarketSim.Grains.Outcomes;

/// <summary>
/// What one run reports, in row order: the scalar columns (market-wide, then per commissioner, zone
/// and pooled budget), then each monthly series month by month (together <see cref="RowWidth"/>
/// numbers, what runs.csv and series.csv show), then each entity's block (<see cref="Entities"/>),
/// <see cref="Stride"/> numbers in all. The indices let the market write a run's outcomes into a
/// plain span of doubles. NaN means "not applicable" (no failure happened, costs not modelled) and
/// is left out of means and quantiles.
/// </summary>
public sealed class OutcomeSchema
{
#pragma warning disable CS1591 // the indices are named after their columns, documented in docs/outputs.md
    public const int Referrals = 0;
    public const int CaseloadMean = 1;
    public const int CaseloadFinal = 2;
    public const int PaidHoursFirstMonth = 3;
    public const int PaidHoursMean = 4;
    public const int DeliveredHours = 5;
    public const int SpotHours = 6;
    public const int UnmetHours = 7;
    public const int PeakWaiting = 8;
    public const int WeeksWithWaiting = 9;
    public const int SelfFunderSpend = 10;
    public const int ProviderFailures = 11;
    public const int HandBacks = 12;
    public const int ProviderExits = 13;
    public const int FirstFailureWeek = 14;
    public const int EntrantsJoined = 15;
    public const int SelfFunderConversions = 16;
    public const int MeanRate = 17;
    public const int RateGap = 18;
    public const int FinalYearRate = 19;
    public const int FinalYearRateGap = 20;
    public const int HhiFinal = 21;
    public const int CareWorkersFinal = 22;
    public const int CapacityFinal = 23;
    public const int UnmetNeedCost = 24;
    public const int WholeSystemCost = 25;
    public const int ExitsHazard = 26;
    public const int ExitsReservesExhausted = 27;
    public const int ExitsForced = 28;

    public const int SeriesCaseload = 0;
    public const int SeriesWaiting = 1;
    public const int SeriesCapacity = 2;
    public const int SeriesRate = 3;
    public const int SeriesRateGap = 4;
    public const int SeriesCumulativeOverspend = 5;
    public const int SeriesOpenProviders = 6;
#pragma warning restore CS1591

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
        new("provider_failures", "providers", "Providers that failed: exits_hazard plus exits_reserves_exhausted", true),
        new("hand_backs", "providers", "Providers that handed back their contracts after their weekly result stayed negative (income below costs) for the weeks allowed", true),
        new("provider_exits", "providers", "Providers that left for any cause: exits_hazard + exits_reserves_exhausted + hand_backs + exits_forced", false),
        new("first_failure_week", "week", "Week of the first failure; empty when none", true),
        new("entrants_joined", "providers", "New providers that joined through dynamic purchasing", false),
        new("self_funder_conversions", "people", "Self-funders whose savings reached the capital limit and became council-funded", true),
        new("mean_rate_gbp_per_hour", "GBP per hour", "Hours-weighted mean hourly rate paid over the horizon (before self-funder premiums)", false),
        new("rate_gap_gbp_per_hour", "GBP per hour", "Hours-weighted mean of cost minus rate over the horizon (positive: rates below cost); empty when costs are not modelled", true),
        new("final_year_rate_gbp_per_hour", "GBP per hour", "Hours-weighted mean hourly rate in the final model year", false),
        new("final_year_rate_gap_gbp_per_hour", "GBP per hour", "Hours-weighted mean of cost minus rate in the final model year", false),
        new("hhi_final", "index 0-10000", "Herfindahl-Hirschman index of providers' shares of committed hours at the end", false),
        new("care_workers_final", "people", "Care workers in post at the end, over providers with a modelled workforce; empty when none", false),
        new("capacity_final_weekly_hours", "hours a week", "Capacity of open providers at the end", false),
        new("unmet_need_cost_gbp", "GBP", "Unmet care hours valued at the scenario's unmet_need cost an hour (0 without that section)", true),
        new("whole_system_cost_gbp", "GBP", "All commissioners' spend plus the cost of unmet need: what the scenario costs when need that went unmet is not counted as a saving", true),
        new("exits_hazard", "providers", "Providers that failed when the exogenous hazard struck (a cause outside the model)", true),
        new("exits_reserves_exhausted", "providers", "Providers that failed when their reserves fell below zero (income below costs)", true),
        new("exits_forced", "providers", "Providers forced out by a provider-exit shock", true),
    ];

    private readonly Dictionary<EntityBlock, IReadOnlyList<EntityMetric>> _metrics = [];

    /// <summary>Builds the schema of <paramref name="scenario"/>.</summary>
    public OutcomeSchema(MarketScenario scenario)
        : this(scenario, [])
    {
    }

    /// <summary>Builds the schema of <paramref name="scenario"/> with a column for each uncertain input's sampled value after the pooled-budget columns.</summary>
    public OutcomeSchema(MarketScenario scenario, IReadOnlyList<OutcomeColumn> inputColumns)
    {
        CommissionerStart = _columns.Count;
        foreach (var c in scenario.Commissioners)
        {
            _columns.Add(new($"spend_gbp__{c.Id}", "GBP", $"What {c.Name} paid for delivered care over the horizon", true));
            _columns.Add(new($"overspend_gbp__{c.Id}", "GBP", $"{c.Name}'s spend minus its budgets over the horizon (negative: underspend)", true));
            _columns.Add(new($"unmet_need_cost_gbp__{c.Id}", "GBP", $"The cost of unmet need borne by {c.Name}", false));
            _columns.Add(new($"whole_system_cost_gbp__{c.Id}", "GBP", $"{c.Name}'s spend plus the cost of unmet need it bears", false));
        }
        ZoneStart = _columns.Count;
        foreach (var z in scenario.Zones)
        {
            _columns.Add(new($"unmet_hours__{z.Id}", "hours", $"Unmet care hours in {z.Name}", false));
            _columns.Add(new($"peak_waiting_list__{z.Id}", "people", $"Largest waiting list in {z.Name}", false));
            _columns.Add(new($"provider_exits__{z.Id}", "providers", $"Providers serving {z.Name} that failed, handed back or were forced out", false));
            _columns.Add(new($"weeks_without_lead__{z.Id}", "weeks", $"Weeks {z.Name} ended with no open lead provider", false));
        }
        PoolStart = _columns.Count;
        foreach (var p in scenario.PooledBudgets)
        {
            _columns.Add(new($"pool_overspend_gbp__{p.Id}", "GBP", $"{p.Name}: out-turn minus contributions, summed over years (negative: underspend)", true));
            foreach (var model in p.ModelsOrDefault)
            {
                foreach (var party in p.Parties(model))
                {
                    _columns.Add(new($"liability_gbp__{p.Id}__{model.Id}__{party}", "GBP", $"{p.Name}, {model.Name}: what {PartyName(scenario, party)} pays beyond its contribution, summed over years (negative: a saving)", false));
                }
            }
            foreach (var model in p.ModelsOrDefault)
            {
                foreach (var party in p.Parties(model))
                {
                    _columns.Add(new($"worst_year_liability_gbp__{p.Id}__{model.Id}__{party}", "GBP", $"{p.Name}, {model.Name}: the largest liability of {PartyName(scenario, party)} in any one year", false));
                }
            }
        }
        InputStart = _columns.Count;
        _columns.AddRange(inputColumns);
        Columns = _columns;
        Months = scenario.HorizonWeeks * 12 / MarketScenario.WeeksPerYear;
        StartDate = scenario.StartDate;
        Years = scenario.HorizonYears;
        var offset = RowWidth;
        var entities = new List<EntityBlock>();
        foreach (var (kind, id, name, metrics) in EntityMetrics.Entities(scenario))
        {
            var block = new EntityBlock(kind, id, name, offset, metrics.Count);
            entities.Add(block);
            _metrics.Add(block, metrics);
            offset += metrics.Count;
        }
        Entities = entities;
        Stride = offset;
    }


    /// <summary>The monthly series, in row order after the scalar columns.</summary>
    public static IReadOnlyList<OutcomeSeries> Series { get; } =
    [
        new("caseload_people", "people", "People with a package or waiting for one", Whole: true),
        new("waiting_list_people", "people", "People waiting for a package, all zones", Whole: true),
        new("capacity_weekly_hours", "hours a week", "Capacity of open providers"),
        new("mean_rate_gbp_per_hour", "GBP per hour", "Hours-weighted mean hourly rate that week"),
        new("rate_gap_gbp_per_hour", "GBP per hour", "Hours-weighted mean of cost minus rate that week"),
        new("cumulative_overspend_gbp", "GBP", "Commissioners' spend to date minus their budgets to date (pro rata)"),
        new("open_providers", "providers", "Providers open at the end of the month", Whole: true),
    ];

    /// <summary>The scalar columns in output order.</summary>
    public IReadOnlyList<OutcomeColumn> Columns { get; }

    /// <summary>How many scalar columns there are.</summary>
    public int Count => Columns.Count;

    /// <summary>Whole model months in the horizon (12 a model year).</summary>
    public int Months { get; }

    /// <summary>The scenario's first day, for dating months.</summary>
    public DateOnly StartDate { get; }

    /// <summary>How many numbers one run reports: scalars, then each series' months.</summary>
    public int RowWidth => Count + (Series.Count * Months);

    /// <summary>Model years the horizon touches.</summary>
    public int Years { get; }

    /// <summary>Each entity's block of outcomes, after the series, in row order (see <see cref="EntityMetrics.Entities"/>).</summary>
    public IReadOnlyList<EntityBlock> Entities { get; }

    /// <summary>How many numbers one run reports in all: <see cref="RowWidth"/> plus every entity block; rows are this far apart.</summary>
    public int Stride { get; }

    /// <summary>The metrics of <paramref name="block"/>, one per number of the block.</summary>
    public IReadOnlyList<EntityMetric> MetricsOf(EntityBlock block) =>
        _metrics.TryGetValue(block, out var metrics) ? metrics : throw new ArgumentException($"{block.Kind} block '{block.Id}' is not one of this schema's.", nameof(block));

    /// <summary>The entity blocks of kind <paramref name="kind"/>, in row order.</summary>
    public IEnumerable<EntityBlock> EntitiesOf(EntityKind kind) => Entities.Where(b => b.Kind == kind);

    /// <summary>Index in a row of month <paramref name="month"/> of series <paramref name="series"/>.</summary>
    public int SeriesIndex(int series, int month) => Count + (series * Months) + month;

    /// <summary>Index of the first commissioner column; each commissioner has <see cref="ColumnsPerCommissioner"/> (spend, overspend, unmet-need cost, whole-system cost).</summary>
    public int CommissionerStart { get; }

    /// <summary>How many scalar columns each commissioner has.</summary>
    public const int ColumnsPerCommissioner = 4;

    /// <summary>Index of the first zone column; each zone has four.</summary>
    public int ZoneStart { get; }

    /// <summary>Index of the first pooled-budget column; each pool has its overspend, then a liability per agreement and party, then a worst year per agreement and party.</summary>
    public int PoolStart { get; }

    /// <summary>Index of the first uncertain input's column (the sampled values, one per input); equals <see cref="Count"/> when there are none.</summary>
    public int InputStart { get; }

    /// <summary>The last week (0-based) of model month <paramref name="month"/>: months split each 52-week year into 12.</summary>
    public static int MonthEndWeek(int month) => (int)Math.Floor(((month + 1) * MarketScenario.WeeksPerYear / 12.0) + 0.5) - 1;

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

    /// <summary>A party to a pool in the columns' descriptions: the partner commissioner's name, "the providers" or "the pool (what it retains)".</summary>
    private static string PartyName(MarketScenario scenario, string party) => party switch
    {
        "providers" => "the providers",
        "retained" => "the pool (what it retains)",
        _ => scenario.Commissioners.FirstOrDefault(c => c.Id == party)?.Name ?? party,
    };
}
