using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

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

    private ExperimentSpec Spec => state.State.Spec ?? throw new InvalidOperationException($"Experiment '{this.GetPrimaryKeyString()}' has not been started.");

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _id = this.GetPrimaryKeyString();
        if (state.State.Spec is not null && state.State.Phase is "running" or "finishing")
        {
            // The client's next call resumes the work; a status query alone does not.
            ExperimentLog.Resumes(logger, _id, state.State.RunsForwarded);
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task Start(ExperimentSpec spec, int maxBatchesInFlight)
    {
        _maxInFlight = maxBatchesInFlight;
        if (state.State.Spec is { } existing)
        {
            if (existing != spec)
            {
                throw new InvalidOperationException($"Experiment '{this.GetPrimaryKeyString()}' already runs another plan; choose another id.");
            }
            Resume();
            return;
        }
        _compiled = compiler.Compile(spec.ScenarioYaml);
        state.State.Spec = spec;
        state.State.Scenario = _compiled.Scenario.Name;
        state.State.Phase = "running";
        state.State.StartedUtc = DateTime.UtcNow;
        await state.WriteStateAsync();
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
            if (nextRun >= spec.Runs || state.State.Phase is "finished" or "cancelled")
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
    public async Task Finish(long runsKept)
    {
        var spec = Spec;
        ArgumentOutOfRangeException.ThrowIfNegative(runsKept);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(runsKept, spec.Runs);
        if (state.State.Phase != "finished")
        {
            state.State.RunsKept = runsKept;
            state.State.RunsAcknowledged = runsKept;
            state.State.Phase = "finishing";
            await state.WriteStateAsync();
            Resume();
            Signal();
            while (state.State.RunsForwarded < runsKept)
            {
                ThrowIfFailed();
                await Task.WhenAny(_changed.Task, Task.Delay(TimeSpan.FromSeconds(1)));
            }
            state.State.Phase = "finished";
            await state.WriteStateAsync();
        }
        _ready.Clear();
        Signal();
    }

    /// <inheritdoc />
    public async Task Cancel()
    {
        if (state.State.Spec is not null && state.State.Phase is not ("finished" or "cancelled"))
        {
            state.State.Phase = "cancelled";
            await state.WriteStateAsync();
        }
        _ready.Clear();
        Signal();
    }

    /// <inheritdoc />
    public Task<ExperimentProgress> Progress()
    {
        var s = state.State;
        return Task.FromResult(new ExperimentProgress(this.GetPrimaryKeyString(), s.Scenario, s.Spec?.Runs ?? 0, s.RunsAcknowledged,
            _inFlight, s.BatchesRetried, _capacity.Count, _failure is null ? s.Phase : "failed", s.StartedUtc, RuntimeIdentity,
            new Dictionary<string, int>(s.BatchesBySilo, StringComparer.Ordinal)));
    }

    /// <summary>Starts the dispatch and forwarding loops if this activation is not running them yet.</summary>
    private void Resume()
    {
        if (state.State.Phase is not ("running" or "finishing"))
        {
            return;
        }
        _compiled ??= compiler.Compile(Spec.ScenarioYaml);
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

    private void ThrowIfFailed()
    {
        if (_failure is not null)
        {
            throw new InvalidOperationException(_failure);
        }
    }

    private bool Stopped => state.State.Phase is "finished" or "cancelled" || _failure is not null;
}
