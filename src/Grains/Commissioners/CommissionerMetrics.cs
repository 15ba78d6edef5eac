using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;

namespace MarketSim.Grains.Commissioners;

/// <summary>
/// What each commissioner reports per run, in block order: its spend, overspend, cost of unmet need
/// and whole-system cost (the numbers of <c>spend_gbp__ID</c>, <c>overspend_gbp__ID</c>,
/// <c>unmet_need_cost_gbp__ID</c> and <c>whole_system_cost_gbp__ID</c>), then its liability under each agreement of
/// each pooled budget it is a partner of (the number of <c>liability_gbp__POOL__MODEL__ID</c>).
/// </summary>
public static class CommissionerMetrics
{
#pragma warning disable CS1591 // indices into the block, named after their metrics
    public const int Spend = 0;
    public const int Overspend = 1;
    public const int UnmetNeedCost = 2;
    public const int WholeSystemCost = 3;
    public const int LiabilityStart = 4;
#pragma warning restore CS1591

    /// <summary>One liability a commissioner reports: party <paramref name="PartyIndex"/> of agreement <paramref name="ModelIndex"/> of pool <paramref name="PoolIndex"/>.</summary>
    /// <param name="PoolIndex">The pool's index in the scenario.</param>
    /// <param name="ModelIndex">The agreement's index in the pool's agreements.</param>
    /// <param name="PartyIndex">The commissioner's index among the agreement's parties (its partner index).</param>
    /// <param name="PoolId">The pool's id.</param>
    /// <param name="ModelId">The agreement's id.</param>
    public sealed record Liability(int PoolIndex, int ModelIndex, int PartyIndex, string PoolId, string ModelId);

    /// <summary>The liabilities <paramref name="commissionerId"/> reports, in block order (pools, then agreements, in scenario order).</summary>
    public static IReadOnlyList<Liability> Liabilities(string commissionerId, MarketScenario scenario)
    {
        var liabilities = new List<Liability>();
        for (var p = 0; p < scenario.PooledBudgets.Length; p++)
        {
            var pool = scenario.PooledBudgets[p];
            var party = Array.FindIndex(pool.Partners, x => x.CommissionerId == commissionerId);
            if (party < 0)
            {
                continue;
            }
            var models = pool.ModelsOrDefault;
            for (var m = 0; m < models.Length; m++)
            {
                liabilities.Add(new Liability(p, m, party, pool.Id, models[m].Id));
            }
        }
        return liabilities;
    }

    /// <summary>The metrics of <paramref name="commissionerId"/>.</summary>
    public static IReadOnlyList<EntityMetric> For(string commissionerId, MarketScenario scenario)
    {
        var metrics = new List<EntityMetric>
        {
            new("spend_gbp", "GBP", "What the commissioner paid for delivered care over the horizon (as spend_gbp__ID)"),
            new("overspend_gbp", "GBP", "Its spend minus its budgets over the horizon; negative is an underspend (as overspend_gbp__ID)"),
            new("unmet_need_cost_gbp", "GBP", "The cost of unmet need it bears (as unmet_need_cost_gbp__ID)"),
            new("whole_system_cost_gbp", "GBP", "Its spend plus the cost of unmet need it bears (as whole_system_cost_gbp__ID)"),
        };
        foreach (var l in Liabilities(commissionerId, scenario))
        {
            metrics.Add(new($"liability_gbp__{l.PoolId}__{l.ModelId}", "GBP",
                $"What it pays beyond its contribution to pool {l.PoolId} under agreement {l.ModelId}, summed over the years; negative is a saving (as liability_gbp__{l.PoolId}__{l.ModelId}__ID)"));
        }
        return metrics;
    }
}
