namespace MarketSim.Grains.RiskShare;

/// <summary>How an underspend of the pool is shared.</summary>
public enum UnderspendRule
{
    /// <summary>The same way as an overspend would be.</summary>
    SameSplit,

    /// <summary>A set share to one partner (social care), the rest in proportion among the others.</summary>
    Weighted,

    /// <summary>Kept in the pool; no partner receives it.</summary>
    Retained,
}
