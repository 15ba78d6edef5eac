using System.Net;
using System.Net.Sockets;

namespace MarketSim.Simulator.Cli;

/// <summary>
/// Whether a silo can listen where its options say, checked before it starts: Orleans and Kestrel report
/// an address of another machine or a port in use only with their logs, a stack trace and exit code 1.
/// </summary>
internal static class SiloListenCheck
{
    /// <summary>
    /// The message for <paramref name="option"/> when nothing can listen at <paramref name="address"/>:<paramref name="port"/>
    /// (port 0: any free port), or null when something could a moment ago.
    /// </summary>
    public static string? Problem(string option, IPAddress address, int port)
    {
        try
        {
            using var listener = new TcpListener(address, port);
            listener.Start();
            return null;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return $"{option}: {port} is in use on {address} by another program; allowed: a free TCP port from 1 to 65,535{(option == "--dashboard" ? "" : ", or 0 for a free one")}";
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressNotAvailable)
        {
            return $"--address: '{address}' is not an address of this machine; allowed: an IP address of this machine, like 10.0.0.5";
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AccessDenied)
        {
            return $"{option}: {port} needs privileges this user has not got; allowed: a TCP port from 1024 to 65535{(option == "--dashboard" ? "" : ", or 0 for a free one")}";
        }
    }
}
