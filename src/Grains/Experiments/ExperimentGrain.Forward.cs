using System.Buffers;
using MarketSim.Grains.Commissioners;
using MarketSim.Grains.Demand;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.PooledBudgets;
using MarketSim.Grains.Providers;
using MarketSim.Grains.Zones;
using Orleans.Storage;

namespace MarketSim.Grains.Experiments;

/// <summary>
/// Forwarding: once the client holds runs, they go on to the entity grains, in run order, at most
/// <see cref="MaxRunsForwarded"/> at a time; the mark of what was sent is persisted after each step.
/// An entity grain ignores runs it already holds, so sending a step again after a crash is harmless;
/// a step is sent again for up to 15 s while a silo or the storage is failing (a gap in an entity's runs,
/// an <see cref="InvalidOperationException"/>, is not retried: it fails the experiment).
/// </summary>
public sealed partial class ExperimentGrain
{
    private const int MaxRunsForwarded = 4096;

    /// <summary>While running, runs are forwarded once this many are waiting (or the last has arrived): fewer, larger entity calls and state writes.</summary>
    private const int ForwardStepRuns = 1024;
    private const int MaxAttemptsPerEntity = 60;

    /// <summary>Each entity's slice of the runs being forwarded, reused from step to step.</summary>
    private double[][]? _entityBuffers;

    /// <inheritdoc />
    public async Task<IReadOnlyList<EntitySummary>> EntitySummaries()
    {
        if (state.State.Spec is not { Entities: true } spec)
        {
            return [];
        }
        _compiled ??= compiler.Compile(spec);
        var summaries = await Task.WhenAll(_compiled.Schema.Entities.Select(block => Entity(block).Summary()));
        return [.. summaries.OfType<EntitySummary>()];
    }

    private async Task Forward()
    {
        var spec = Spec;
        while (!Stopped)
        {
            var limit = state.State.RunsKept >= 0 ? state.State.RunsKept : state.State.RunsAcknowledged;
            var from = state.State.RunsForwarded;
            var waitForMore = state.State.Phase == ExperimentPhase.Running && limit - from < ForwardStepRuns && limit < spec.Runs;
            if (from >= limit || waitForMore || !_ready.ContainsKey(from / spec.BatchSize))
            {
                if (state.State.Phase == ExperimentPhase.Finishing && from >= limit)
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
            if (spec.Entities)
            {
                try
                {
                    await SendToEntities(from, (int)(to - from), batches);
                }
                catch (Exception ex) when (!Stopped)
                {
                    _failure ??= $"runs {from}..{to - 1} could not be handed to the entity grains: {ex.Message}";
                    ExperimentLog.Failed(logger, ex, _id);
                    Signal();
                    return;
                }
            }
            state.State.RunsForwarded = to;
            foreach (var done in _ready.Where(r => r.Value.FirstRun + r.Value.Count <= Math.Min(to, state.State.RunsAcknowledged)).Select(r => r.Key).ToList())
            {
                // The client has taken it (it asked for a later run) and the entities hold it: its array goes back to the pool.
                _ready.Remove(done, out var batch);
                ArrayPool<double>.Shared.Return(batch!.Values);
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

    /// <summary>
    /// Slices each entity's block out of the rows of runs firstRun .. firstRun + count − 1 and sends it to the entity's grain.
    /// Each entity's slice goes into the same buffer step after step: a call is over before the next step starts,
    /// and neither an entity grain nor a message holds the array after its call.
    /// </summary>
    private async Task SendToEntities(long firstRun, int count, List<RunBatch> batches)
    {
        var schema = _compiled!.Schema;
        var stride = schema.Stride;
        _entityBuffers ??= new double[schema.Entities.Count][];
        var calls = new Task[schema.Entities.Count];
        for (var e = 0; e < schema.Entities.Count; e++)
        {
            var block = schema.Entities[e];
            var values = _entityBuffers[e];
            if (values is null || values.Length < count * block.Width)
            {
                values = _entityBuffers[e] = new double[count * block.Width];
            }
            foreach (var batch in batches)
            {
                var from = Math.Max(firstRun, batch.FirstRun);
                var to = Math.Min(firstRun + count, batch.FirstRun + batch.Count);
                for (var run = from; run < to; run++)
                {
                    Array.Copy(batch.Values, ((run - batch.FirstRun) * stride) + block.Offset, values, (run - firstRun) * block.Width, block.Width);
                }
            }
            calls[e] = Send(block, new EntityRuns(block, [.. schema.MetricsOf(block)], firstRun, count, values));
        }
        await Task.WhenAll(calls);
    }

    private async Task Send(EntityBlock block, EntityRuns runs)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Entity(block).Accept(runs);
                return;
            }
            catch (Exception ex) when (ex is not InvalidOperationException && attempt < MaxAttemptsPerEntity)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
        }
    }

    private IEntityGrain Entity(EntityBlock block)
    {
        var key = $"{_id}/{block.Id}";
        return block.Kind switch
        {
            EntityKind.Provider => GrainFactory.GetGrain<IProviderGrain>(key),
            EntityKind.Zone => GrainFactory.GetGrain<IZoneGrain>(key),
            EntityKind.ServiceUsers => GrainFactory.GetGrain<IServiceUsersGrain>(key),
            EntityKind.Commissioner => GrainFactory.GetGrain<ICommissionerGrain>(key),
            EntityKind.PooledBudget => GrainFactory.GetGrain<IPooledBudgetGrain>(key),
            _ => throw new InvalidOperationException($"No grain holds entities of kind {block.Kind}."),
        };
    }
}
