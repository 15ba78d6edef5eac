using System.Net;

namespace MarketSim.Silo.Hosting;

/// <summary>How a `marketsim silo` process joins a cluster.</summary>
/// <param name="RedisConfiguration">The StackExchange.Redis configuration of the cluster's Redis (membership and grain state).</param>
/// <param name="Threads">Run worker threads; 0 for one per core.</param>
/// <param name="Address">The address other silos and clients reach this one at.</param>
/// <param name="SiloPort">Port for silo-to-silo traffic; 0 picks a free one.</param>
/// <param name="GatewayPort">Port clients connect to; 0 picks a free one.</param>
/// <param name="DashboardPort">Serve the Orleans Dashboard on loopback at this port; null for none.</param>
public sealed record ClusterSiloOptions(string RedisConfiguration, int Threads, IPAddress Address, int SiloPort = 0, int GatewayPort = 0, int? DashboardPort = null);
