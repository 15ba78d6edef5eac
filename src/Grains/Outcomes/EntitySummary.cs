using MarketSim.Grains.Providers;
using MarketSim.Grains.Statistics;

namespace MarketSim.Grains.Outcomes;

/// <summary>One entity over the runs: a row of providers.csv, zones.csv, service_users.csv, commissioners.csv or pooled_budgets.csv.</summary>
/// <param name="Block">The entity.</param>
/// <param name="Runs">Runs summarised.</param>
/// <param name="Metrics">Each metric, in block order.</param>
/// <param name="Exits">For a provider: the chance it has left by the end of each model year, by cause; null otherwise.</param>
/// <param name="LosesLead">For a zone: the chance that some week ends with none of its lead providers open; null otherwise.</param>
[GenerateSerializer]
public sealed record EntitySummary(EntityBlock Block, long Runs, MetricSummary[] Metrics, ProviderExits? Exits = null, Proportion? LosesLead = null)
{
    /// <summary>The summary of the metric called <paramref name="name"/>.</summary>
    public MetricSummary Metric(string name) =>
        Array.Find(Metrics, m => m.Metric.Name == name) ?? throw new ArgumentException($"{Block.Kind} '{Block.Id}' has no metric called '{name}'.", nameof(name));
}
