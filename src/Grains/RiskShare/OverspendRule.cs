namespace MarketSim.Grains.RiskShare;

/// <summary>How an overspend of the pool is split between the partners.</summary>
public enum OverspendRule
{
    /// <summary>In proportion to the contributions into the pool (Dorset: 53 : 17.35).</summary>
    Proportional,

    /// <summary>In fixed shares, whatever the contributions.</summary>
    FixedShares,

    /// <summary>No pooling: each partner bears its own spend minus its own contribution.</summary>
    Aligned,

    /// <summary>In proportion, but no partner pays beyond its cap; the excess falls to a named partner.</summary>
    CappedExposure,

    /// <summary>Bands of overspend, each split in its own shares.</summary>
    Tiered,

    /// <summary>The lead commissioner bears all of it.</summary>
    LeadBearsAll,
}
