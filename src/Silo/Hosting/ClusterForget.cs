using MarketSim.Grains.Experiments;

namespace MarketSim.Silo.Hosting;

/// <summary>
/// Removes experiments from a cluster's Redis (`marketsim cluster forget`): their plan, delivery marks and entity
/// outcomes, which Redis otherwise keeps for ever, and their line in `cluster status`. Results folders are not touched.
/// </summary>
public static class ClusterForget
{
    /// <summary>Forgets experiment <paramref name="id"/>, cancelling it first when <paramref name="cancelFirst"/> (it was running).</summary>
    public static async Task Forget(IGrainFactory grains, string id, bool cancelFirst)
    {
        var experiment = grains.GetGrain<IExperimentGrain>(id);
        if (cancelFirst)
        {
            await experiment.Cancel();
        }
        await experiment.Forget();
        await grains.GetGrain<IExperimentRegistryGrain>(IExperimentRegistryGrain.Key).Remove(id);
    }
}
