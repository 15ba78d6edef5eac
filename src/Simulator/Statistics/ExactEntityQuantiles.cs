using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Statistics;
using MarketSim.Grains.Zones;
using MarketSim.Simulator.RiskShare;

namespace MarketSim.Simulator.Statistics;

/// <summary>
/// Puts exact quantiles in place of the entity grains' P² estimates wherever an entity's metric
/// repeats a column of runs.csv (every metric of a commissioner and a pool, every liability and worst
/// year, a zone's unmet hours, peak waiting list, provider exits and weeks without a lead), so that the
/// entity files, report.html and results.xlsx give one P5, P50 and P95 for one number, the same as
/// summary.json, risk_share.csv and the quantiles of runs.csv itself.
/// </summary>
internal static class ExactEntityQuantiles
{
    /// <summary>
    /// <paramref name="entities"/> with the P5, P50 and P95 of each metric that repeats a kept column
    /// taken from the values in <paramref name="summary"/> or <paramref name="riskShare"/>; other metrics as they are.
    /// </summary>
    public static IReadOnlyList<EntitySummary> Apply(IReadOnlyList<EntitySummary> entities, OutcomeSummary summary, RiskShareComparison riskShare)
    {
        var kept = new Dictionary<string, Func<IReadOnlyList<double>>>(StringComparer.Ordinal);
        for (var c = 0; c < summary.Schema.Count; c++)
        {
            if (summary.KeepsValues(c))
            {
                var column = c;
                kept[summary.Schema.Columns[c].Name] = () => summary.SortedValues(column)!;
            }
        }
        foreach (var line in riskShare.Lines)
        {
            kept[summary.Schema.Columns[line.Column].Name] = () => line.SortedValues;
            kept[summary.Schema.Columns[line.WorstYearColumn].Name] = () => line.SortedWorstYearValues;
        }
        return [.. entities.Select(e => e with { Metrics = [.. e.Metrics.Select(m => Exact(e.Block, m, kept))] })];
    }

    /// <summary>
    /// The columns of <paramref name="schema"/> that an entity repeats and whose values no other summary
    /// keeps (headline columns keep theirs, liabilities theirs in the risk-share comparison): a commissioner's
    /// cost of unmet need and whole-system cost, and a zone's columns. <see cref="OutcomeSummary"/> keeps their values.
    /// </summary>
    public static IReadOnlySet<int> RepeatedColumns(OutcomeSchema schema)
    {
        var names = schema.EntitiesOf(EntityKind.Commissioner)
            .SelectMany(b => new[] { Column(b, "unmet_need_cost_gbp"), Column(b, "whole_system_cost_gbp") })
            .Concat(schema.EntitiesOf(EntityKind.Zone).SelectMany(b => ZoneMetrics.All.Take(ZoneMetrics.WeeksWithoutLead + 1).Select(m => Column(b, m.Name))));
        return names.Select(n => schema.IndexOf(n!)).Where(c => c >= 0 && !schema.Columns[c].Headline).ToHashSet();
    }

    /// <summary>The runs.csv column that metric <paramref name="metric"/> of <paramref name="block"/> repeats, or null when it repeats none.</summary>
    public static string? Column(EntityBlock block, string metric) => block.Kind switch
    {
        EntityKind.Commissioner or EntityKind.Zone => $"{metric}__{block.Id}",
        EntityKind.PooledBudget when metric == "overspend_gbp" => $"pool_overspend_gbp__{block.Id}",
        EntityKind.PooledBudget when metric.Split("__") is [var stem, var model, var party] => $"{stem}__{block.Id}__{model}__{party}",
        _ => null,
    };

    private static MetricSummary Exact(EntityBlock block, MetricSummary m, Dictionary<string, Func<IReadOnlyList<double>>> kept)
    {
        if (Column(block, m.Metric.Name) is not { } column || !kept.TryGetValue(column, out var values))
        {
            return m;
        }
        var sorted = values();
        if (sorted.Count != m.Runs)
        {
            return m;
        }
        return m with { P5 = SampleQuantile.Type7(sorted, 0.05), P50 = SampleQuantile.Type7(sorted, 0.5), P95 = SampleQuantile.Type7(sorted, 0.95) };
    }
}
