namespace MarketSim.Grains.Outcomes;

/// <summary>
/// What every entity grain does: keeps its entity's <see cref="EntityDistribution"/> in grain storage,
/// written after each step, so a reactivation elsewhere resumes exactly where the last write left it and
/// a batch sent again is ignored.
/// </summary>
public abstract class EntityGrain(IPersistentState<EntityGrainState> state) : Grain, IEntityGrain
{
    /// <inheritdoc />
    public async Task<long> Accept(EntityRuns runs)
    {
        if (state.State.Distribution is null && runs.FirstRun > 0)
        {
            // The experiment grain sends runs in order from run 0 and saves what it sent: this grain's saved runs went missing.
            throw new InvalidOperationException(
                $"{runs.Block.Kind} '{runs.Block.Id}' holds none of runs 0 to {runs.FirstRun - 1}, which were sent to it before: its saved state is gone (Redis restarted empty or was flushed, or the experiment was forgotten)");
        }
        var distribution = state.State.Distribution ??= EntityDistribution.Create(runs.Block, runs.Metrics);
        if (distribution.Accept(runs.FirstRun, runs.Count, runs.Values.AsSpan(0, runs.Count * runs.Block.Width)))
        {
            await state.WriteStateAsync();
        }
        return distribution.NextRun;
    }

    /// <inheritdoc />
    public Task<EntitySummary?> Summary() => Task.FromResult(state.State.Distribution?.Summarise());

    /// <inheritdoc />
    public async Task Forget()
    {
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }

    /// <summary>The distribution, for the queries of each kind; null before the first runs.</summary>
    protected EntityDistribution? Distribution => state.State.Distribution;
}

/// <summary>An entity grain's persisted state: its distribution across runs.</summary>
[GenerateSerializer]
public sealed class EntityGrainState
{
    /// <summary>Null until the first runs arrive.</summary>
    [Id(0)]
    public EntityDistribution? Distribution { get; set; }
}
