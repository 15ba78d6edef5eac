namespace MarketSim.Silo.Cluster;

/// <summary>How a standalone silo behaves in the cluster.</summary>
public sealed record SiloOptions
{
    /// <summary>The silo's id in the membership table; default host-pid-random.</summary>
    public string Id { get; init; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Worker threads, each leasing its own batches; 0 for one per core.</summary>
    public int Threads { get; init; }

    /// <summary>How often the silo reports it is alive and extends its leases.</summary>
    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a lease lasts without renewal: a silo that dies loses its batches after this.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A silo whose heartbeat is older than this is marked dead.</summary>
    public TimeSpan DeadAfter { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait before looking again when there is no work.</summary>
    public TimeSpan IdlePoll { get; init; } = TimeSpan.FromMilliseconds(200);
}
