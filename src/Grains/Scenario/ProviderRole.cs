namespace MarketSim.Grains.Scenario;

/// <summary>A provider's place in a zone's brokerage order: lead first, then framework, then spot.</summary>
public enum ProviderRole
{
    /// <summary>The zone's strategic lead provider, offered every package first.</summary>
    Lead,

    /// <summary>A framework (additional support) provider, offered what the lead cannot take.</summary>
    Framework,

    /// <summary>A spot purchase, the last resort, usually at a premium rate.</summary>
    Spot,
}
