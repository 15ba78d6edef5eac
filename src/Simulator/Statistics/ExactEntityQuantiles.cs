using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Statistics;
using MarketSim.Simulator.RiskShare;

namespace MarketSim.Simulator.Statistics;

/// <summary>
/// Puts exact quantiles in place of the entity grains' P² estimates wherever an entity's metric
/// repeats a column of runs.csv whose every value is kept (a commissioner's spend and overspend, a
/// pool's overspend, every liability and worst year), so that the entity files, report.html and
/// results.xlsx give one P5, P50 and P95 for one number, the same as summary.json and risk_share.csv.
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
            if (summary.Schema.Columns[c].Headline)
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
