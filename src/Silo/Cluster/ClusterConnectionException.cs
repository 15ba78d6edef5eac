namespace MarketSim.Silo.Cluster;

/// <summary>The cluster's database cannot be used: a malformed connection string, or no server answering.</summary>
public sealed class ClusterConnectionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ClusterConnectionException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
