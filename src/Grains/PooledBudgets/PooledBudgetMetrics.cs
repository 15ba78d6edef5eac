using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;

namespace MarketSim.Grains.PooledBudgets;

/// <summary>
/// What each pooled budget reports per run, in block order, the numbers of its columns of runs.csv:
/// its overspend, then each party's liability under each agreement, then each party's worst year.
/// </summary>
public static class PooledBudgetMetrics
{
    /// <summary>Index of the pool's overspend.</summary>
    public const int Overspend = 0;

    /// <summary>The metrics of <paramref name="pool"/>.</summary>
    public static IReadOnlyList<EntityMetric> For(PooledBudgetSpec pool)
    {
        var metrics = new List<EntityMetric>
        {
            new("overspend_gbp", "GBP", "Out-turn minus contributions, summed over the years; negative is an underspend (as pool_overspend_gbp__ID)"),
        };
        foreach (var model in pool.ModelsOrDefault)
        {
            foreach (var party in pool.Parties(model))
            {
                metrics.Add(new($"liability_gbp__{model.Id}__{party}", "GBP", $"What {party} pays beyond its contribution under agreement {model.Id}, summed over the years (as liability_gbp__ID__{model.Id}__{party})"));
            }
        }
        foreach (var model in pool.ModelsOrDefault)
        {
            foreach (var party in pool.Parties(model))
            {
                metrics.Add(new($"worst_year_liability_gbp__{model.Id}__{party}", "GBP", $"{party}'s largest liability in any one model year under agreement {model.Id} (as worst_year_liability_gbp__ID__{model.Id}__{party})"));
            }
        }
        return metrics;
    }
}
