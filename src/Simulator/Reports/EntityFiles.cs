using System.Text;
using MarketSim.Grains.Demand;
using MarketSim.Grains.Failure;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;

namespace MarketSim.Simulator.Reports;

/// <summary>
/// Writes the per-entity files: providers.csv, zones.csv, service_users.csv, commissioners.csv and
/// pooled_budgets.csv (each only when the scenario has such entities). One row per entity, in row
/// order: <c>id, name, runs</c>, then for each metric <c>METRIC_mean, _se, _p5, _p50, _p95</c>
/// (with <c>METRIC_runs</c> first when a run can leave it empty), then the kind's probabilities.
/// Internal metrics (a provider's exit cause, a category code) are left out.
/// Entities of one kind with different metrics (commissioners in different pools) share the union
/// of the columns; a cell is empty where the entity has no such metric. CSV as runs.csv: RFC 4180,
/// UTF-8 without BOM, <c>\n</c>, invariant round-trip numbers, empty for a missing value.
/// </summary>
public static class EntityFiles
{
    /// <summary>The file each kind of entity goes to.</summary>
    public static string FileName(EntityKind kind) => kind switch
    {
        EntityKind.Provider => "providers.csv",
        EntityKind.Zone => "zones.csv",
        EntityKind.ServiceUsers => "service_users.csv",
        EntityKind.Commissioner => "commissioners.csv",
        EntityKind.PooledBudget => "pooled_budgets.csv",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown entity kind."),
    };

    /// <summary>Writes the summaries of <paramref name="distributions"/> into <paramref name="folder"/>; returns the files written.</summary>
    public static IReadOnlyList<string> Write(ResultsFolder folder, IEnumerable<EntityDistribution> distributions) =>
        Write(folder, distributions.Select(d => d.Summarise()));

    /// <summary>Writes <paramref name="summaries"/> into <paramref name="folder"/>, a file per kind present; returns the files written.</summary>
    public static IReadOnlyList<string> Write(ResultsFolder folder, IEnumerable<EntitySummary> summaries) =>
        WriteInto(folder.File, summaries);

    /// <summary>Writes <paramref name="summaries"/> into the folder <paramref name="directory"/>; returns the files written.</summary>
    public static IReadOnlyList<string> WriteInto(string directory, IEnumerable<EntitySummary> summaries) =>
        WriteInto(name => Path.Combine(directory, name), summaries);

    /// <summary>The text of the CSV of <paramref name="rows"/>, all of one kind, in the given order.</summary>
    public static string Csv(IReadOnlyList<EntitySummary> rows)
    {
        var metrics = new List<EntityMetric>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in rows.SelectMany(r => r.Metrics).Select(m => m.Metric).Where(m => !m.Internal))
        {
            if (seen.Add(m.Name))
            {
                metrics.Add(m);
            }
        }
        var header = new List<string> { "id", "name", "runs" };
        var kind = rows.Count > 0 ? rows[0].Block.Kind : EntityKind.Provider;
        if (kind == EntityKind.ServiceUsers)
        {
            header.InsertRange(2, ["zone", "funding_stream"]);
        }
        foreach (var m in metrics)
        {
            if (m.MayBeMissing)
            {
                header.Add($"{m.Name}_runs");
            }
            header.AddRange([$"{m.Name}_mean", $"{m.Name}_se", $"{m.Name}_p5", $"{m.Name}_p50", $"{m.Name}_p95"]);
        }
        var years = rows.Select(r => r.Exits?.ByYear.Length ?? 0).DefaultIfEmpty(0).Max();
        for (var y = 1; y <= years; y++)
        {
            header.AddRange([$"p_exit_by_year_{y}", $"p_exit_by_year_{y}_se", $"p_hazard_exit_by_year_{y}", $"p_reserves_exhausted_by_year_{y}", $"p_hand_back_by_year_{y}", $"p_forced_exit_by_year_{y}"]);
        }
        if (years > 0)
        {
            header.Add("most_common_exit_cause");
        }
        var zones = rows.Any(r => r.LosesLead is not null);
        if (zones)
        {
            header.AddRange(["p_loses_lead", "p_loses_lead_se"]);
        }

        var csv = new StringBuilder().AppendJoin(',', header).Append('\n');
        foreach (var row in rows)
        {
            var cells = new List<string> { CsvField.Of(row.Block.Id), CsvField.Of(row.Block.Name), row.Runs.ToString() };
            if (kind == EntityKind.ServiceUsers)
            {
                var (zone, stream) = ServiceUserMetrics.Parse(row.Block.Id);
                cells.InsertRange(2, [CsvField.Of(zone), FundingStreams.Names[(int)stream]]);
            }
            foreach (var m in metrics)
            {
                var s = Array.Find(row.Metrics, x => x.Metric.Name == m.Name);
                if (m.MayBeMissing)
                {
                    cells.Add(s?.Runs.ToString() ?? "");
                }
                cells.AddRange(s is null
                    ? ["", "", "", "", ""]
                    : [Numbers.Exact(s.Mean), Numbers.Exact(s.StdError), Numbers.Exact(s.P5), Numbers.Exact(s.P50), Numbers.Exact(s.P95)]);
            }
            for (var y = 0; y < years; y++)
            {
                if (row.Exits is { } exits && y < exits.ByYear.Length)
                {
                    var e = exits.ByYear[y];
                    cells.AddRange([Numbers.Exact(e.Any.P), Numbers.Exact(e.Any.StdError), Numbers.Exact(e.Hazard.P), Numbers.Exact(e.ReservesExhausted.P), Numbers.Exact(e.HandBack.P), Numbers.Exact(e.ForcedExit.P)]);
                }
                else
                {
                    cells.AddRange(["", "", "", "", "", ""]);
                }
            }
            if (years > 0)
            {
                cells.Add(row.Exits is { } exits ? CauseName(exits.MostCommonCause) : "");
            }
            if (zones)
            {
                cells.AddRange(row.LosesLead is { } lead ? [Numbers.Exact(lead.P), Numbers.Exact(lead.StdError)] : ["", ""]);
            }
            csv.AppendJoin(',', cells).Append('\n');
        }
        return csv.ToString();
    }

    /// <summary>The name of an exit cause in the files: <c>none</c>, <c>hazard</c>, <c>reserves_exhausted</c>, <c>hand_back</c> or <c>forced_exit</c>.</summary>
    public static string CauseName(ExitReason cause) => cause switch
    {
        ExitReason.Hazard => "hazard",
        ExitReason.ReservesExhausted => "reserves_exhausted",
        ExitReason.HandBack => "hand_back",
        ExitReason.ForcedExit => "forced_exit",
        _ => "none",
    };

    private static List<string> WriteInto(Func<string, string> path, IEnumerable<EntitySummary> summaries)
    {
        var written = new List<string>();
        var utf8 = new UTF8Encoding(false);
        foreach (var kind in summaries.GroupBy(s => s.Block.Kind).OrderBy(g => g.Key))
        {
            var name = FileName(kind.Key);
            File.WriteAllText(path(name), Csv([.. kind.OrderBy(s => s.Block.Offset)]), utf8);
            written.Add(name);
        }
        return written;
    }
}
