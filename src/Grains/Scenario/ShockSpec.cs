namespace MarketSim.Grains.Scenario;

/// <summary>The kinds of stress-test shock a scenario can schedule.</summary>
public enum ShockKind
{
    /// <summary>Care wages rise by <see cref="ShockSpec.Size"/> (0.1 = 10%) from the week on.</summary>
    Wage,

    /// <summary>Referrals are multiplied by <see cref="ShockSpec.Size"/> for <see cref="ShockSpec.Weeks"/> weeks.</summary>
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
public sealed record ShockSpec(ShockKind Kind, int Week, int Weeks, double Size, string? ProviderId)
{
    /// <summary>Whether the shock is in force in <paramref name="week"/>.</summary>
    public bool Covers(int week) => week >= Week && week < Week + Weeks;
}
