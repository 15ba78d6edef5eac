using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace MarketSim.Simulator.Cli;

/// <summary>The address a silo advertises when none is given.</summary>
internal static class SiloAddresses
{
    /// <summary>Loopback when Redis is on this machine's loopback (a one-machine cluster), else the first IPv4 address of an interface that is up.</summary>
    public static IPAddress Default(string redisHost)
    {
        if (redisHost is "localhost" || (IPAddress.TryParse(redisHost, out var ip) && IPAddress.IsLoopback(ip)))
        {
            return IPAddress.Loopback;
        }
        return NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? IPAddress.Loopback;
    }
}
