using MarketSim.Grains.Runs;

namespace MarketSim.Grains.Experiments;

/// <summary>
/// Dispatch: keeps every active silo's run worker busy with batches, within a window ahead of the
/// client so memory stays flat, and sends a batch again when the silo computing it is lost.
/// </summary>
public sealed partial class ExperimentGrain
{
    private const int MaxAttemptsPerBatch = 10;
    private static readonly TimeSpan SiloRefreshPeriod = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan SuspectPeriod = TimeSpan.FromSeconds(3);

    private readonly SortedDictionary<long, RunBatch> _ready = [];
    private readonly SortedSet<long> _retry = [];
    private readonly HashSet<long> _computing = [];
    private readonly Dictionary<long, int> _attempts = [];
    private readonly Dictionary<string, int> _capacity = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _busy = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTime> _suspectUntil = new(StringComparer.Ordinal);
    private long _nextBatch = -1;
    private int _inFlight;
    private DateTime _silosRefreshed = DateTime.MinValue;

    private long RunsLimit => state.State.RunsKept >= 0 ? state.State.RunsKept : Spec.Runs;

    private async Task Dispatch()
    {
        var spec = Spec;
        _nextBatch = Math.Max(_nextBatch, state.State.RunsForwarded / spec.BatchSize);
        while (!Stopped)
        {
            if (DateTime.UtcNow - _silosRefreshed >= SiloRefreshPeriod)
            {
                await RefreshSilos();
            }
            while (!Stopped && TryPickSilo(out var silo) && TryNextBatch(spec, out var batch))
            {
                _ = Compute(spec, silo, batch);
            }
            if (_inFlight == 0 && _retry.Count == 0 && _nextBatch * spec.BatchSize >= RunsLimit)
            {
                return;
            }
            await Task.WhenAny(_changed.Task, Task.Delay(SiloRefreshPeriod));
        }
    }

    /// <summary>Reads the active silos from Orleans membership and asks each new one how many batches it takes at once.</summary>
    private async Task RefreshSilos()
    {
        _silosRefreshed = DateTime.UtcNow;
        var active = membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active)
            .Select(m => m.SiloAddress.ToParsableString())
            .ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _capacity.Keys.Where(s => !active.Contains(s)).ToList())
        {
            ExperimentLog.SiloLeft(logger, _id, gone);
            _capacity.Remove(gone);
        }
        foreach (var silo in active.Where(s => !_capacity.ContainsKey(s) && !IsSuspect(s)).Order(StringComparer.Ordinal))
        {
            try
            {
                _capacity[silo] = await GrainFactory.GetGrain<IRunWorkerGrain>(silo).Capacity();
            }
            catch (Exception ex) when (IsTransient(ex))
            {
                ExperimentLog.SiloSilent(logger, _id, silo, ex.Message);
            }
            catch (Exception ex)
            {
                // The silo answered, but its run worker could not be made (its run threads did not start, say): it never will be,
                // and the runs it would have taken must not wait for it until the client gives up, so the experiment fails now.
                var cause = ex.GetBaseException();
                _failure ??= $"silo {Readable(silo)} could not start its run worker ({cause.GetType().Name}: {ExceptionText.OneLine(cause.Message)}); stop that silo (or fix it and start it again) and run again";
                ExperimentLog.Failed(logger, ex, _id);
                Signal();
                return;
            }
        }
    }

    /// <summary>A silo address as `cluster status` and the silo's own start line write it (<c>S127.0.0.1:PORT:GENERATION</c>), from the key of its run worker.</summary>
    private static string Readable(string silo)
    {
        try
        {
            return SiloAddress.FromParsableString(silo).ToString();
        }
        catch (FormatException)
        {
            return silo;
        }
    }

    private bool TryPickSilo(out string silo)
    {
        silo = "";
        var bestFree = 0;
        foreach (var (candidate, capacity) in _capacity.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            // One batch queued behind each one computing, so a run thread never waits for the next batch to arrive.
            var free = (2 * capacity) - _busy.GetValueOrDefault(candidate);
            if (free > bestFree)
            {
                (silo, bestFree) = (candidate, free);
            }
        }
        return bestFree > 0;
    }

    /// <summary>The next batch to compute: a retry first, else the next one not yet held, within the window.</summary>
    private bool TryNextBatch(ExperimentSpec spec, out long batch)
    {
        if (_retry.Count > 0)
        {
            batch = _retry.Min;
            _retry.Remove(batch);
            return true;
        }
        var held = Math.Min(state.State.RunsAcknowledged, state.State.RunsForwarded) / spec.BatchSize;
        var window = Math.Max(8, 4 * _capacity.Values.Sum()) + (ForwardStepRuns / spec.BatchSize);
        while (_nextBatch * spec.BatchSize < RunsLimit && (_ready.ContainsKey(_nextBatch) || _computing.Contains(_nextBatch)))
        {
            _nextBatch++;
        }
        batch = _nextBatch;
        if (batch * spec.BatchSize >= RunsLimit || batch >= held + window)
        {
            return false;
        }
        _nextBatch++;
        return true;
    }

    private async Task Compute(ExperimentSpec spec, string silo, long batch)
    {
        _inFlight++;
        _busy[silo] = _busy.GetValueOrDefault(silo) + 1;
        _computing.Add(batch);
        var first = spec.FirstRun(batch);
        try
        {
            var result = await GrainFactory.GetGrain<IRunWorkerGrain>(silo).Compute(spec, first, spec.BatchLength(batch));
            state.State.BatchesBySilo[silo] = state.State.BatchesBySilo.GetValueOrDefault(silo) + 1;
            if (!Stopped && first + result.Count > state.State.RunsForwarded)
            {
                _ready[batch] = result;
            }
        }
        catch (Exception ex) when (IsTransient(ex) && !Stopped && lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // This silo is going down, so every call from it fails: leave the work to the next activation.
            ExperimentLog.Leaves(logger, _id, state.State.RunsForwarded, new DeactivationReason(DeactivationReasonCode.ShuttingDown, ex.Message));
            _leaving = true;
        }
        catch (Exception ex) when (IsTransient(ex) && !Stopped && _attempts.GetValueOrDefault(batch) < MaxAttemptsPerBatch)
        {
            _attempts[batch] = _attempts.GetValueOrDefault(batch) + 1;
            state.State.BatchesRetried++;
            _retry.Add(batch);
            // Rest the silo for a while, so a batch is not sent again and again to a silo that membership still lists but that is gone.
            _suspectUntil[silo] = DateTime.UtcNow + SuspectPeriod;
            _capacity.Remove(silo);
            _silosRefreshed = DateTime.MinValue;
            ExperimentLog.BatchLost(logger, _id, batch, silo, ex.Message);
        }
        catch (Exception ex) when (!Stopped)
        {
            _failure ??= $"runs {first}..{first + spec.BatchLength(batch) - 1} failed on silo {silo}: {ex.Message}";
            ExperimentLog.Failed(logger, ex, _id);
        }
        finally
        {
            _inFlight--;
            _busy[silo]--;
            _computing.Remove(batch);
            Signal();
        }
    }

    private bool IsSuspect(string silo) => _suspectUntil.TryGetValue(silo, out var until) && DateTime.UtcNow < until;

    /// <summary>Failures of the cluster rather than of the model: the batch is worth sending again.</summary>
    private static bool IsTransient(Exception ex) => ex is OrleansException or TimeoutException;
}
