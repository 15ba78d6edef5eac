using System.Net;
using System.Net.Sockets;

namespace MarketSim.Silo.Hosting;

/// <summary>Loopback ports nobody listens on, so that several MarketSim processes can share a machine.</summary>
public static class FreePorts
{
    /// <summary>A TCP port that was free a moment ago.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
