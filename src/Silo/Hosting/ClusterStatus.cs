using MarketSim.Grains.Experiments;

namespace MarketSim.Silo.Hosting;

/// <summary>A cluster's silos, from Orleans membership, and its experiments, from the experiment registry.</summary>
public static class ClusterStatus
{
    /// <summary>The phase shown for an experiment that did not answer (its silo may have just died; ask again in a few seconds).</summary>
    public const string NoAnswer = "no answer";

    /// <summary>One silo as membership records it.</summary>
    /// <param name="Address">Its silo address.</param>
    /// <param name="Name">Its name (host and process).</param>
    /// <param name="Status">Active, Joining, ShuttingDown, Dead, …</param>
    /// <param name="StartedUtc">When it started.</param>
    /// <param name="LastAliveUtc">When it last said it was alive.</param>
    public sealed record SiloRow(string Address, string Name, string Status, DateTime StartedUtc, DateTime LastAliveUtc);

    /// <summary>Reads the silos and experiments.</summary>
    public static async Task<(IReadOnlyList<SiloRow> Silos, IReadOnlyList<ExperimentProgress> Experiments)> Read(IGrainFactory grains)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetDetailedHosts(onlyActive: false);
        var silos = hosts
            .Select(h => new SiloRow(h.SiloAddress.ToString(), h.SiloName, h.Status.ToString(), h.StartTime, h.IAmAliveTime))
            .OrderBy(s => s.StartedUtc)
            .ToList();
        var ids = await grains.GetGrain<IExperimentRegistryGrain>(IExperimentRegistryGrain.Key).List();
        var experiments = new List<ExperimentProgress>();
        foreach (var id in ids)
        {
            try
            {
                experiments.Add(await grains.GetGrain<IExperimentGrain>(id).Progress());
            }
            catch (Exception ex) when (ex is TimeoutException or OrleansException)
            {
                // Its silo died a moment ago: list it rather than fail the whole status.
                experiments.Add(new ExperimentProgress(id, "", 0, 0, 0, 0, 0, NoAnswer, default, "", new Dictionary<string, int>()));
            }
        }
        return (silos, experiments);
    }
}
