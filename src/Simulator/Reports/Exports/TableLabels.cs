using System.Globalization;
using System.Text.RegularExpressions;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;

namespace MarketSim.Simulator.Reports.Exports;

/// <summary>
/// The labels in words, with units, that results.xlsx's table sheets show above the CSV files' column names, for
/// readers who should not have to decode <c>var95_gbp</c>: "VaR 95% over the horizon (£)". An entity file's labels are
/// derived from its kind's metrics (the report's phrase for the metric where it has one, the unit in the report's
/// words) and the statistic (mean, SE, P5, median, P95); the risk-share files' columns are fixed. Ids of pools,
/// agreements and parties are named as the scenario names them. A column not known here keeps its name as its label.
/// </summary>
internal sealed partial class TableLabels
{
    private const string RiskShareFile = "risk_share.csv";
    private const string DifferencesFile = "risk_share_differences.csv";

    /// <summary>The id columns of the risk-share files, in words; each has a <c>_name</c> column beside it on the sheet.</summary>
    private static readonly Dictionary<string, string> Ids = new(StringComparer.Ordinal)
    {
        ["pool"] = "Pooled budget",
        ["agreement"] = "Agreement",
        ["agreement_a"] = "Agreement A",
        ["agreement_b"] = "Agreement B",
        ["party"] = "Party",
        ["partner"] = "Partner",
    };

    /// <summary>risk_share.csv's measures (docs/outputs.md), money without its unit, which its <c>_gbp</c> suffix gives.</summary>
    private static readonly Dictionary<string, string> RiskShare = new(StringComparer.Ordinal)
    {
        ["runs"] = "Runs simulated",
        ["mean_liability_gbp"] = "Liability beyond contribution over the horizon, mean",
        ["se_gbp"] = "Liability beyond contribution over the horizon, SE",
        ["p_any_overspend"] = "P(liability over the horizon > £0)",
        ["threshold_gbp"] = "The pool's threshold, for the liability over the horizon",
        ["p_above_threshold"] = "P(liability over the horizon above the threshold)",
        ["var95_gbp"] = "VaR 95% over the horizon",
        ["cvar95_gbp"] = "CVaR 95% over the horizon, mean of the worst 5% of runs",
        ["worst_year_mean_gbp"] = "Liability in the worst single year, mean",
        ["worst_year_max_gbp"] = "Liability in the worst single year, worst run",
        ["worst_year_var95_gbp"] = "Liability in the worst single year, VaR 95%",
        ["worst_year_cvar95_gbp"] = "Liability in the worst single year, CVaR 95%",
    };

    /// <summary>risk_share_differences.csv's measures: agreement A's liability minus B's, run by run.</summary>
    private static readonly Dictionary<string, string> Differences = new(StringComparer.Ordinal)
    {
        ["runs"] = "Runs paired",
        ["mean_difference_gbp"] = "Liability over the horizon A − B, mean",
        ["se_gbp"] = "Liability over the horizon A − B, SE",
        ["ci95_low_gbp"] = "Liability over the horizon A − B, 95% interval, low end",
        ["ci95_high_gbp"] = "Liability over the horizon A − B, 95% interval, high end",
    };

    /// <summary>What one row of each entity file is.</summary>
    private static readonly Dictionary<EntityKind, string> Kinds = new()
    {
        [EntityKind.Provider] = "Provider",
        [EntityKind.Zone] = "Zone",
        [EntityKind.ServiceUsers] = "Zone and funding stream",
        [EntityKind.Commissioner] = "Commissioner",
        [EntityKind.PooledBudget] = "Pooled budget",
    };

    /// <summary>
    /// Metrics the report has no phrase for; {0} is the model year of a metric by year (<c>reserves_gbp_year_2</c>).
    /// A metric in neither is named by its name in words.
    /// </summary>
    private static readonly Dictionary<string, string> Metrics = new(StringComparer.Ordinal)
    {
        ["delivered_hours"] = "Care hours delivered",
        ["delivered_share"] = "Share of the market's delivered hours",
        ["mean_waiting_list"] = "Waiting list, mean over weeks",
        ["referrals"] = "New referrals",
        ["mean_wait_weeks"] = "Wait from referral to first placement, mean over the referrals placed",
        ["self_funder_conversions"] = "Self-funders becoming council-funded",
        ["reserves_gbp_year"] = "Reserves at end of year {0}",
        ["margin_gbp_per_hour_year"] = "Margin (rate − cost) in year {0}",
    };

    /// <summary>The causes of the <c>p_CAUSE_by_year_Y</c> columns, as <see cref="EntityFiles.CauseName"/> names them, in words.</summary>
    private static readonly Dictionary<string, string> ExitCauses = new(StringComparer.Ordinal)
    {
        ["exit"] = "any cause",
        ["hazard_exit"] = "hazard",
        ["reserves_exhausted"] = "reserves exhausted",
        ["hand_back"] = "hand-back",
        ["forced_exit"] = "forced exit",
    };

    /// <summary>The statistics of a metric's columns, by the suffix after its name.</summary>
    private static readonly string[] Statistics = ["runs", "mean", "se", "p5", "p50", "p95"];

    private readonly MarketScenario _scenario;
    private readonly OutcomeLabels _outcomes;
    private readonly Dictionary<EntityKind, Dictionary<string, EntityMetric>> _metrics = [];

    /// <summary>The labels of the table sheets of a run of <paramref name="scenario"/>.</summary>
    public TableLabels(MarketScenario scenario)
    {
        _scenario = scenario;
        _outcomes = new OutcomeLabels(scenario);
        foreach (var (kind, _, _, metrics) in EntityMetrics.Entities(scenario))
        {
            var byName = _metrics.TryGetValue(kind, out var known) ? known : _metrics[kind] = new(StringComparer.Ordinal);
            foreach (var metric in metrics)
            {
                byName.TryAdd(metric.Name, metric);
            }
        }
    }

    /// <summary>The label of column <paramref name="column"/> of the CSV file <paramref name="file"/> (a file name such as providers.csv), or the column's name when it has none.</summary>
    public string Of(string file, string column)
    {
        if (file is RiskShareFile or DifferencesFile)
        {
            return RiskShareLabel(file == RiskShareFile ? RiskShare : Differences, column) ?? column;
        }
        var kind = Enum.GetValues<EntityKind>().Where(k => EntityFiles.FileName(k) == file).Select(k => (EntityKind?)k).FirstOrDefault();
        return kind is { } k ? EntityLabel(k, column) ?? column : column;
    }

    private static string? RiskShareLabel(Dictionary<string, string> measures, string column)
    {
        if (Ids.TryGetValue(column, out var id))
        {
            return id + " id";
        }
        if (column.EndsWith("_name", StringComparison.Ordinal) && Ids.TryGetValue(column[..^"_name".Length], out var named))
        {
            return named + " name";
        }
        return measures.TryGetValue(column, out var measure)
            ? column.EndsWith("_gbp", StringComparison.Ordinal) ? $"{measure} ({OutcomeLabels.Unit("GBP")})" : measure
            : null;
    }

    private string? EntityLabel(EntityKind kind, string column)
    {
        switch (column)
        {
            case "id":
                return Kinds[kind] + " id";
            case "name":
                return Kinds[kind] + " name";
            case "runs":
                return "Runs simulated";
            case "zone":
                return "Zone id";
            case "funding_stream":
                return "Funding stream at referral";
            case "most_common_exit_cause":
                return "Most common exit cause";
            case "p_loses_lead":
                return "P(loses its lead provider)";
            case "p_loses_lead_se":
                return "P(loses its lead provider), SE";
        }
        if (_metrics.TryGetValue(kind, out var metrics))
        {
            foreach (var statistic in Statistics)
            {
                var suffix = "_" + statistic;
                if (column.EndsWith(suffix, StringComparison.Ordinal) && metrics.TryGetValue(column[..^suffix.Length], out var metric))
                {
                    return WithStatistic(Phrase(kind, metric.Name), statistic, Unit(metric.Unit));
                }
            }
        }
        if (ExitByYear().Match(column) is { Success: true } exit && ExitCauses.TryGetValue(exit.Groups["cause"].Value, out var cause))
        {
            var p = $"P(exit by end of year {exit.Groups["year"].Value}, {cause})";
            return exit.Groups["se"].Success ? p + ", SE" : p;
        }
        return null;
    }

    private static string WithStatistic(string what, string statistic, string unit) => statistic switch
    {
        "runs" => $"{what}, runs with a value",
        "mean" => $"{what}, mean ({unit})",
        "se" => $"{what}, SE ({unit})",
        "p50" => $"{what}, median (P50, {unit})",
        _ => $"{what}, {statistic.ToUpperInvariant()} ({unit})",
    };

    /// <summary>A metric's unit in the report's words; a share, shown as a number, as its range.</summary>
    private static string Unit(string unit) => unit == "share" ? "0 to 1" : OutcomeLabels.Unit(unit);

    /// <summary>What a metric measures: the report's phrase, this class's, or its name in words.</summary>
    private string Phrase(EntityKind kind, string metric)
    {
        var parts = metric.Split("__");
        if (parts.Length == 3)
        {
            return Liability(kind, parts[0], parts[1], parts[2]) ?? metric;
        }
        if (OutcomeLabels.EntityPhrase(metric) is { } phrase)
        {
            return Capitalised(phrase);
        }
        if (Metrics.TryGetValue(metric, out var words))
        {
            return words;
        }
        if (ByYear().Match(metric) is { Success: true } byYear && Metrics.TryGetValue(byYear.Groups["stem"].Value, out var perYear))
        {
            return string.Format(CultureInfo.InvariantCulture, perYear, byYear.Groups["year"].Value);
        }
        return Capitalised(FieldLabels.Field(metric));
    }

    /// <summary>
    /// A liability metric: a commissioner's (<c>liability_gbp__POOL__MODEL</c>, the partner is the row) names the
    /// agreement, and the pool where the scenario has more than one; a pool's (<c>liability_gbp__MODEL__PARTY</c>, the pool is the row) names the party and
    /// the agreement, in the report's words.
    /// </summary>
    private string? Liability(EntityKind kind, string stem, string first, string second)
    {
        if (kind == EntityKind.Commissioner && _scenario.PooledBudgets.FirstOrDefault(p => p.Id == first) is { } pool)
        {
            var agreement = pool.ModelsOrDefault.FirstOrDefault(m => m.Id == second)?.Name ?? second;
            return _scenario.PooledBudgets.Length == 1 ? $"Liability under {agreement}" : $"Liability in {pool.Name} under {agreement}";
        }
        if (kind == EntityKind.PooledBudget && _scenario.PooledBudgets.FirstOrDefault(p => p.ModelsOrDefault.Any(m => m.Id == first)) is { } owner)
        {
            return _outcomes.Label(new OutcomeColumn($"{stem}__{owner.Id}__{first}__{second}", "GBP", "", false));
        }
        return null;
    }

    private static string Capitalised(string words) =>
        words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];

    [GeneratedRegex(@"^p_(?<cause>[a-z_]+?)_by_year_(?<year>\d+)(?<se>_se)?$")]
    private static partial Regex ExitByYear();

    [GeneratedRegex(@"^(?<stem>.+_year)_(?<year>\d+)$")]
    private static partial Regex ByYear();
}
