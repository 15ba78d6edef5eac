using System.Diagnostics;
using MarketSim.Simulator.Workbench.Library;

namespace MarketSim.Simulator.Workbench.Jobs;

/// <summary>An experiment the workbench started: its progress while it runs, then how it ended. Read by the Run page's event stream.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A CancellationTokenSource without a timer holds nothing to release, and Cancel may come after the job ends.")]
public sealed class ExperimentJob
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _done;
    private double _runsStartedSeconds = double.NaN;
    private double _lastProgressSeconds = double.NaN;

    internal ExperimentJob(string id, ScenarioFile scenario, long runs, ulong seed)
    {
        Id = id;
        Scenario = scenario;
        Runs = runs;
        Seed = seed;
    }

    /// <summary>The experiment's id, which is its results folder's name.</summary>
    public string Id { get; }

    /// <summary>The scenario it runs.</summary>
    public ScenarioFile Scenario { get; }

    /// <summary>The runs asked for (the most, with a precision target).</summary>
    public long Runs { get; }

    /// <summary>The experiment seed.</summary>
    public ulong Seed { get; }

    /// <summary>Where it is: running, done, failed or cancelled.</summary>
    public JobState State { get; private set; } = JobState.Running;

    /// <summary>What went wrong (failed), or why it stopped early; null otherwise.</summary>
    public string? Message { get; private set; }

    /// <summary>Whether the user stopped the runs early and the runs done so far were kept as the results folder.</summary>
    public bool Interrupted { get; private set; }

    /// <summary>The precision target's status text, when there is one.</summary>
    public string? PrecisionStatus { get; private set; }

    /// <summary>The running estimate of the headline outcome, once the runs have started.</summary>
    public RunningEstimate? Estimate { get; internal set; }

    /// <summary>Runs done so far, in run order.</summary>
    public long Done => Interlocked.Read(ref _done);

    /// <summary>Cancelled when the user cancels.</summary>
    internal CancellationToken Cancellation => _cancel.Token;

    /// <summary>Cancelled when the user stops the runs and keeps those done.</summary>
    internal CancellationToken Stopping => _stop.Token;

    /// <summary>Runs a second from the start of the runs to the latest runs back (NaN before).</summary>
    public double RunsPerSecond
    {
        get
        {
            var done = Done;
            var seconds = Volatile.Read(ref _lastProgressSeconds) - Volatile.Read(ref _runsStartedSeconds);
            return seconds > 0.2 ? done / seconds : double.NaN;
        }
    }

    /// <summary>Completes when the job has ended, however it ended.</summary>
    public Task Ended => _ended.Task;

    /// <summary>Asks the experiment to stop; nothing is written.</summary>
    public void Cancel() => _cancel.Cancel();

    /// <summary>Asks the experiment to stop and write the runs done so far (the first ones, in run order) as a complete results folder.</summary>
    public void Stop() => _stop.Cancel();

    internal void RunsStarted() => Volatile.Write(ref _runsStartedSeconds, _clock.Elapsed.TotalSeconds);

    internal void Progress(long done, string? status)
    {
        Volatile.Write(ref _lastProgressSeconds, _clock.Elapsed.TotalSeconds);
        Interlocked.Exchange(ref _done, done);
        PrecisionStatus = status;
    }

    internal void End(JobState state, string? message, bool interrupted = false)
    {
        Message = message;
        Interrupted = interrupted;
        State = state;
        _ended.TrySetResult();
    }
}
