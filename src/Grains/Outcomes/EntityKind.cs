namespace MarketSim.Grains.Outcomes;

/// <summary>The kinds of entity that report their own block of outcomes each run.</summary>
[GenerateSerializer]
public enum EntityKind
{
    /// <summary>A provider, including a dynamic-purchasing entrant.</summary>
    Provider,

    /// <summary>A zone.</summary>
    Zone,

    /// <summary>The service users of one zone funded by one funding stream.</summary>
    ServiceUsers,

    /// <summary>A commissioner.</summary>
    Commissioner,

    /// <summary>A pooled budget.</summary>
    PooledBudget,
}
