using MarketSim.Grains.Scenario;

namespace MarketSim.Grains.Providers;

/// <summary>
/// The dynamic-purchasing entrants of a scenario: one per provider, framework role, a share of its
/// capacity, id <c>ID_entrant</c>. They follow the scenario's providers in the market's provider order.
/// </summary>
public static class Entrants
{
    /// <summary>The suffix of an entrant's id.</summary>
    public const string IdSuffix = "_entrant";

    /// <summary>The entrants' specs in provider order; none without dynamic purchasing.</summary>
    public static ProviderSpec[] Specs(MarketScenario scenario)
    {
        if (scenario.DynamicPurchasing is not { } dps)
        {
            return [];
        }
        return [.. scenario.Providers.Select(p => p with
        {
            Id = p.Id + IdSuffix,
            Name = $"Entrant replacing {p.Name}",
            Role = ProviderRole.Framework,
            CapacityWeeklyHours = p.CapacityWeeklyHours * dps.CapacityShare,
            Workforce = dps.Workforce,
        })];
    }

    /// <summary>Every provider of the market in its order: the scenario's, then the entrants.</summary>
    public static ProviderSpec[] WithProviders(MarketScenario scenario) => [.. scenario.Providers, .. Specs(scenario)];
}
