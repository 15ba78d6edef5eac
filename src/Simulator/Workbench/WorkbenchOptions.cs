using System.Net;

namespace MarketSim.Simulator.Workbench;

/// <summary>What `marketsim serve` was asked to do.</summary>
/// <param name="Port">The HTTP port; 0 takes a free one (tests).</param>
/// <param name="Listen">The address to listen on; loopback unless the user names another.</param>
/// <param name="ExperimentsFolder">Where experiments (results folders) and the user's scenarios are kept.</param>
/// <param name="ScenariosFolder">The bundled scenarios, shown read-only.</param>
/// <param name="Cluster">A cluster's Redis (redis://HOST:PORT): run experiments on its silos as a client instead of on an embedded silo.</param>
/// <param name="Threads">Run workers of the embedded silo; 0 for one per core.</param>
public sealed record WorkbenchOptions(int Port, IPAddress Listen, string ExperimentsFolder, string ScenariosFolder, string? Cluster = null, int Threads = 0)
{
    /// <summary>The largest scenario file an upload may carry: scenarios are a few kilobytes; this leaves room for comments.</summary>
    public const long MaxUploadBytes = 256 * 1024;

    /// <summary>The largest request body the workbench reads: an upload and its form fields.</summary>
    public const long MaxRequestBytes = 2 * MaxUploadBytes;

    /// <summary>Whether the workbench can be reached only from this machine.</summary>
    public bool IsLoopback => IPAddress.IsLoopback(Listen);
}
