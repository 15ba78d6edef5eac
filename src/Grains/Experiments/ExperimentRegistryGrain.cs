namespace MarketSim.Grains.Experiments;

/// <summary>Keeps the ids of the cluster's experiments in grain storage, oldest first.</summary>
public sealed class ExperimentRegistryGrain(
    [PersistentState("registry", ExperimentGrain.StorageName)] IPersistentState<List<string>> ids) : Grain, IExperimentRegistryGrain
{
    /// <inheritdoc />
    public async Task Add(string id)
    {
        if (!ids.State.Contains(id))
        {
            ids.State.Add(id);
            await ids.WriteStateAsync();
        }
    }

    /// <inheritdoc />
    public async Task Remove(string id)
    {
        if (ids.State.Remove(id))
        {
            await ids.WriteStateAsync();
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> List() => Task.FromResult<IReadOnlyList<string>>([.. ids.State]);
}
