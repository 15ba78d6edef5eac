using MarketSim.Grains.Uncertainty;

namespace MarketSim.Simulator.Reports.Exports;

/// <summary>
/// How the columns of runs.csv and the other CSV files are typed in runs.parquet and shown in
/// results.xlsx: whole-number counts as int64 and <c>#,##0</c>, money with £ and thousands
/// separators, probabilities and fractions as percentages.
/// </summary>
internal static class ExportColumns
{
    /// <summary>The run index column, first in runs.csv.</summary>
    public const string Run = "run";

    private static readonly HashSet<string> WholeMarketColumns = new(StringComparer.Ordinal)
    {
        "referrals_total", "caseload_final_people", "peak_waiting_list_people", "weeks_with_waiting_list",
        "provider_failures", "hand_backs", "provider_exits", "first_failure_week", "entrants_joined",
        "self_funder_conversions", "care_workers_final", "exits_hazard", "exits_reserves_exhausted", "exits_forced",
    };

    private static readonly string[] WholeZonePrefixes = ["peak_waiting_list__", "provider_exits__", "weeks_without_lead__"];

    /// <summary>
    /// Whether runs.csv column <paramref name="name"/> only ever holds whole numbers (counts of people,
    /// providers or weeks, and uncertain inputs of whole-number fields), so runs.parquet types it int64.
    /// </summary>
    public static bool IsWholeNumber(string name, IReadOnlyList<UncertainInput> inputs) =>
        name == Run
        || WholeMarketColumns.Contains(name)
        || WholeZonePrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal))
        || inputs.Any(i => i.WholeNumber && i.ColumnName == name);

    /// <summary>The Excel number format of a column from its name (and unit, when known).</summary>
    public static string ExcelFormat(string name, string? unit = null, bool wholeNumber = false)
    {
        if (name == Run)
        {
            return "0";
        }
        if (wholeNumber || name == "runs" || name.EndsWith("_runs", StringComparison.Ordinal))
        {
            return "#,##0";
        }
        if (name.StartsWith("p_", StringComparison.Ordinal))
        {
            return name.EndsWith("_se", StringComparison.Ordinal) ? "0.00%" : "0.0%";
        }
        return UnitFormat(unit ?? (name.Contains("_gbp_per_hour", StringComparison.Ordinal) ? "GBP per hour" : name.Contains("_gbp", StringComparison.Ordinal) ? "GBP" : ""));
    }

    /// <summary>The Excel number format of a figure in <paramref name="unit"/> (a schema unit such as GBP).</summary>
    public static string UnitFormat(string unit) => unit switch
    {
        "GBP" => "\"£\"#,##0",
        "GBP per hour" => "\"£\"#,##0.00",
        "fraction" => "0.00%",
        _ => "#,##0.00",
    };
}
