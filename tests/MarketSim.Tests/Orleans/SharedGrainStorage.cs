using System.Collections.Concurrent;
using Orleans.Serialization;
using Orleans.Storage;

namespace MarketSim.Tests.Orleans;

/// <summary>
/// Grain storage shared by every silo of an in-process test cluster, standing in for Redis: it outlives
/// any one silo, so a grain whose silo is killed can be reactivated elsewhere with its state. Each silo
/// has its own instance over the one <paramref name="store"/>, copying state in and out with its own
/// copier (a killed silo's copier is disposed), and ETags are checked as a real store does.
/// </summary>
public sealed class SharedGrainStorage(ConcurrentDictionary<string, (object State, string ETag)> store, DeepCopier copier) : IGrainStorage
{
    private readonly ConcurrentDictionary<string, (object State, string ETag)> _store = store;

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_store.TryGetValue(Key(stateName, grainId), out var stored))
        {
            grainState.State = copier.Copy((T)stored.State);
            grainState.ETag = stored.ETag;
            grainState.RecordExists = true;
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = Key(stateName, grainId);
        var etag = Guid.NewGuid().ToString("N");
        object copy = copier.Copy(grainState.State)!;
        _store.AddOrUpdate(key,
            _ => grainState.ETag is null ? (copy, etag) : throw new InconsistentStateException("state was written by another activation", grainState.ETag, "none"),
            (_, old) => old.ETag == grainState.ETag ? (copy, etag) : throw new InconsistentStateException("state was written by another activation", old.ETag, grainState.ETag ?? "none"));
        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _store.TryRemove(Key(stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static string Key(string stateName, GrainId grainId) => $"{stateName}/{grainId}";
}
