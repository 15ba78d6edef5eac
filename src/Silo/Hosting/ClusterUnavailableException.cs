namespace MarketSim.Silo.Hosting;

/// <summary>The cluster cannot be reached: no Redis at the address, or no silo running.</summary>
public sealed class ClusterUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
