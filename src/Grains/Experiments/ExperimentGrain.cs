using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Orleans.Storage;

namespace MarketSim.Grains.Experiments;

/// <summary>
/// The experiment grain: its plan and delivery marks are persisted; batches are computed by the run
/// workers (see ExperimentGrain.Dispatch.cs) and sent on to the entity grains in run order once the
/// client holds them (ExperimentGrain.Forward.cs). Reentrant: every call runs on the grain's one
/// scheduler, so the fields need no locks, and a progress query is answered between two awaits.
/// </summary>
[Reentrant]
public sealed partial class ExperimentGrain(
    [PersistentState("experiment", ExperimentGrain.StorageName)] IPersistentState<ExperimentState> state,
    IScenarioCompiler compiler,
    IClusterMembershipService membership,
    Microsoft.Extensions.Hosting.IHostApplicationLifetime lifetime,
    ILogger<ExperimentGrain> logger) : Grain, IExperimentGrain
{
    /// <summary>The grain storage experiments and entity grains persist to.</summary>
    public const string StorageName = "experiments";

    private CompiledScenario? _compiled;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _dispatching;
    private Task? _forwarding;
    private string? _failure;
    private string _id = "";
    private bool _leaving;

    private ExperimentSpec Spec => state.State.Spec ?? throw new InvalidOperationException($"experiment '{this.GetPrimaryKeyString()}' has no saved plan: it was never started, was forgotten ('marketsim cluster forget'), or Redis lost its data");

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _id = this.GetPrimaryKeyString();
        if (state.State.Spec is not null && ExperimentPhase.IsUnderWay(state.State.Phase))
        {
            // The client's next call resumes the work; a status query alone does not.
            ExperimentLog.Resumes(logger, _id, state.State.RunsForwarded);
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Orleans deactivates the grain when it must leave this silo, notably when the silo holding its directory
    /// entry dies (reason DirectoryFailure), while the dispatch and forwarding loops are still going: they stop
    /// here, and the next call activates the grain again from its saved state, on this silo or another.
    /// </summary>
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (ExperimentPhase.IsUnderWay(state.State.Phase))
        {
            ExperimentLog.Leaves(logger, _id, state.State.RunsForwarded, reason);
        }
        _leaving = true;
        Signal();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task Start(ExperimentSpec spec)
    {
        if (state.State.Spec is { } existing)
        {
            if (existing != spec)
            {
                throw new InvalidOperationException($"Experiment '{this.GetPrimaryKeyString()}' already runs another plan; choose another id.");
            }
        }
        else
        {
            _compiled = compiler.Compile(spec);
            state.State.Spec = spec;
            state.State.Scenario = _compiled.Scenario.Name;
            state.State.Phase = ExperimentPhase.Running;
            state.State.StartedUtc = DateTime.UtcNow;
        }
        // A repeated call (the first failed, say while Redis restarted) writes what the first could not.
        if (!state.RecordExists)
        {
            await Save();
        }
        await GrainFactory.GetGrain<IExperimentRegistryGrain>(IExperimentRegistryGrain.Key).Add(this.GetPrimaryKeyString());
        Resume();
    }

    /// <inheritdoc />
    public async Task<RunBatch> Take(long nextRun, TimeSpan wait)
    {
        var spec = Spec;
        Resume();
        Acknowledge(nextRun);
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            ThrowIfFailed();
            if (nextRun >= spec.Runs || IsOver)
            {
                return RunBatch.None(nextRun);
            }
            if (nextRun % spec.BatchSize == 0 && _ready.TryGetValue(nextRun / spec.BatchSize, out var batch))
            {
                return batch;
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return RunBatch.None(nextRun);
            }
            await Task.WhenAny(_changed.Task, Task.Delay(left));
        }
    }

    /// <inheritdoc />
    public Task Finish(long runsKept) => End(runsKept, ExperimentPhase.Finished);

    /// <inheritdoc />
    public Task Interrupt(long runsKept) => End(runsKept, ExperimentPhase.Interrupted);

    /// <summary>Stops computing, waits until the entity grains hold exactly the first <paramref name="runsKept"/> runs, and saves <paramref name="phase"/>.</summary>
    private async Task End(long runsKept, string phase)
    {
        var spec = Spec;
        ArgumentOutOfRangeException.ThrowIfNegative(runsKept);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(runsKept, spec.Runs);
        if (state.State.Phase is not (ExperimentPhase.Finished or ExperimentPhase.Interrupted))
        {
            state.State.RunsKept = runsKept;
            state.State.RunsAcknowledged = runsKept;
            state.State.Phase = ExperimentPhase.Finishing;
            await Save();
            Resume();
            Signal();
            while (state.State.RunsForwarded < runsKept)
            {
                ThrowIfFailed();
                await Task.WhenAny(_changed.Task, Task.Delay(TimeSpan.FromSeconds(1)));
            }
            state.State.Phase = phase;
            await Save();
        }
        _ready.Clear();
        Signal();
    }

    /// <inheritdoc />
    public async Task Discard()
    {
        if (state.State.Spec is not null && state.State.Phase != ExperimentPhase.Cancelled)
        {
            state.State.Phase = ExperimentPhase.Cancelled;
            await Save();
        }
        _ready.Clear();
        Signal();
    }

    /// <inheritdoc />
    public async Task Cancel()
    {
        if (state.State.Spec is not null && !IsOver)
        {
            state.State.Phase = ExperimentPhase.Cancelled;
            await Save();
        }
        _ready.Clear();
        Signal();
    }

    /// <inheritdoc />
    public async Task Forget()
    {
        if (state.State.Spec is { } spec && ExperimentPhase.IsUnderWay(state.State.Phase) && _failure is null)
        {
            throw new InvalidOperationException($"experiment '{_id}' is {state.State.Phase} ({state.State.RunsAcknowledged} of {spec.Runs} runs delivered)");
        }
        _leaving = true;
        _ready.Clear();
        Signal();
        if (state.State.Spec is { Entities: true } kept)
        {
            _compiled ??= compiler.Compile(kept);
            await Task.WhenAll(_compiled.Schema.Entities.Select(block => Entity(block).Forget()));
        }
        await state.ClearStateAsync();
        this.DeactivateOnIdle();
    }

    /// <inheritdoc />
    public Task<ExperimentProgress> Progress()
    {
        var s = state.State;
        return Task.FromResult(new ExperimentProgress(this.GetPrimaryKeyString(), s.Scenario, s.Spec?.Runs ?? 0, s.RunsAcknowledged,
            _inFlight, s.BatchesRetried, _capacity.Count, _failure is null ? s.Phase : ExperimentPhase.Failed, s.StartedUtc, RuntimeIdentity,
            new Dictionary<string, int>(s.BatchesBySilo, StringComparer.Ordinal)));
    }

    /// <summary>Starts the dispatch and forwarding loops if this activation is not running them yet.</summary>
    private void Resume()
    {
        if (!ExperimentPhase.IsUnderWay(state.State.Phase))
        {
            return;
        }
        _compiled ??= compiler.Compile(Spec);
        if (_dispatching is null || _dispatching.IsCompleted)
        {
            _dispatching = Dispatch();
        }
        if (_forwarding is null || _forwarding.IsCompleted)
        {
            _forwarding = Forward();
        }
    }

    private void Acknowledge(long nextRun)
    {
        if (nextRun > state.State.RunsAcknowledged)
        {
            state.State.RunsAcknowledged = Math.Min(nextRun, Spec.Runs);
            Signal();
        }
    }

    /// <summary>Wakes every loop and waiting call: something they wait for may have changed.</summary>
    private void Signal()
    {
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }

    /// <summary>
    /// Saves the state. When another activation saved it since this one read it (a duplicate left briefly by a
    /// silo's death), this one gives way: it deactivates, and the caller's next call reloads the newer state.
    /// </summary>
    private async Task Save()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch (InconsistentStateException ex)
        {
            ExperimentLog.Superseded(logger, _id, ex.Message);
            _leaving = true;
            Signal();
            this.DeactivateOnIdle();
            throw;
        }
    }

    private void ThrowIfFailed()
    {
        if (_failure is not null)
        {
            throw new InvalidOperationException(_failure);
        }
    }

    /// <summary>Whether the experiment has ended: finished, interrupted or cancelled.</summary>
    private bool IsOver => ExperimentPhase.IsOver(state.State.Phase);

    private bool Stopped => IsOver || _failure is not null || _leaving;
}
