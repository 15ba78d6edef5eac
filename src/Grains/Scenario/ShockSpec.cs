namespace MarketSim.Grains.Scenario;

/// <summary>The kinds of stress-test shock a scenario can schedule.</summary>
public enum ShockKind
{
    /// <summary>Care wages rise by <see cref="ShockSpec.Size"/> (0.1 = 10%) from the week on.</summary>
    Wage,

    /// <summary>Referrals are multiplied by <see cref="ShockSpec.Size"/> for <see cref="ShockSpec.Weeks"/> weeks, in every zone or in <see cref="ShockSpec.ZoneIds"/>.</summary>
    DemandSurge,

    /// <summary>The named provider exits at the week (packages return after its notice period).</summary>
    ProviderExit,

    /// <summary>No rate uplift at any year start within the shock's weeks.</summary>
    RateFreeze,
}

/// <summary>One scheduled shock.</summary>
/// <param name="Kind">What happens.</param>
/// <param name="Week">The week it starts.</param>
/// <param name="Weeks">How long it lasts (surges and freezes).</param>
/// <param name="Size">Wage rise or demand multiplier.</param>
/// <param name="ProviderId">For a provider exit: who exits.</param>
/// <param name="ZoneIds">For a demand surge: the zones whose referrals it raises; null for every zone.</param>
public sealed record ShockSpec(ShockKind Kind, int Week, int Weeks, double Size, string? ProviderId, string[]? ZoneIds = null)
{
    /// <summary>Whether the shock is in force in <paramref name="week"/>.</summary>
    public bool Covers(int week) => week >= Week && week < Week + Weeks;

    /// <summary>Whether the shock concerns the zone <paramref name="zoneId"/> (every shock but a surge limited to other zones does).</summary>
    public bool Reaches(string zoneId) => ZoneIds is null || Array.IndexOf(ZoneIds, zoneId) >= 0;
}
