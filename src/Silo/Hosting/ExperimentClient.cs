using MarketSim.Grains.Experiments;
using MarketSim.Silo.Runs;
using Orleans.Persistence.Redis;

namespace MarketSim.Silo.Hosting;

/// <summary>
/// The client's side of an experiment: starts the experiment grain, takes its batches in run order into
/// a sink (the same contract as <see cref="MonteCarloRunner"/>), applies the stop rule, and finishes it.
/// Calls that fail because a silo was lost are repeated until <see cref="PatienceWithoutProgress"/> passes.
/// </summary>
public static class ExperimentClient
{
    /// <summary>How long the cluster may go without delivering a batch before the experiment is given up.</summary>
    public static TimeSpan PatienceWithoutProgress { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long without a batch before the client asks why (a Redis that stopped answering ends the wait early).</summary>
    public static TimeSpan StallCheck { get; set; } = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan LongPoll = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Runs experiment <paramref name="id"/> and returns how many runs reached the sink. When
    /// <paramref name="cancellation"/> fires, the runs delivered so far are kept (the experiment ends with
    /// them, interrupted) and <see cref="OperationCanceledException"/> is thrown; the sink holds an in-order prefix.
    /// Any other failure (a run that throws, a cluster that delivers nothing for <see cref="PatienceWithoutProgress"/>)
    /// cancels the experiment and throws <see cref="ExperimentFailedException"/> with a one-line reason. After
    /// <see cref="StallCheck"/> without a batch, and every <see cref="StallCheck"/> after that, <paramref name="whyStalled"/>
    /// is asked for a cause outside the silos (a Redis that does not answer); one it names ends the experiment at once.
    /// </summary>
    public static async Task<long> Run(IGrainFactory grains, string id, ExperimentSpec spec, IOutcomeSink sink,
        Action<long>? onRunsDone = null, IStopRule? stopRule = null, Func<Task<string?>>? whyStalled = null, CancellationToken cancellation = default)
    {
        var experiment = grains.GetGrain<IExperimentGrain>(id);
        long next = 0;
        var lastAsked = DateTime.UtcNow;

        async Task GiveUpIfStalled(DateTime lastProgress, Exception? cause)
        {
            GiveUpAfterPatience(lastProgress, cause);
            var now = DateTime.UtcNow;
            if (whyStalled is not null && now - lastProgress > StallCheck && now - lastAsked > StallCheck)
            {
                lastAsked = now;
                if (await whyStalled() is { } why)
                {
                    throw new ExperimentFailedException($"no runs came back for {(now - lastProgress).TotalSeconds:0} s: {why}", cause);
                }
            }
        }

        try
        {
            await Retry(() => experiment.Start(spec), cancellation);
            var lastProgress = DateTime.UtcNow;
            while (next < spec.Runs)
            {
                cancellation.ThrowIfCancellationRequested();
                RunBatch batch;
                try
                {
                    batch = await experiment.Take(next, LongPoll);
                }
                catch (Exception ex) when (IsTransient(ex))
                {
                    await GiveUpIfStalled(lastProgress, ex);
                    await Task.Delay(TimeSpan.FromMilliseconds(250), cancellation);
                    continue;
                }
                if (batch.Count == 0)
                {
                    await GiveUpIfStalled(lastProgress, null);
                    continue;
                }
                if (batch.FirstRun != next || batch.Values.Length < batch.Count * batch.Width)
                {
                    // Never write a run in the wrong place: the sink's contract is every run once, in order.
                    throw new InvalidOperationException($"asked for run {next} but got runs {batch.FirstRun}..{batch.FirstRun + batch.Count - 1}");
                }
                lastProgress = DateTime.UtcNow;
                var keep = stopRule?.RunsToKeep(batch.FirstRun, batch.Count, batch.Rows) ?? batch.Count;
                sink.Accept(batch.FirstRun, keep, batch.Rows[..(keep * batch.Width)]);
                next += keep;
                onRunsDone?.Invoke(next);
                if (keep < batch.Count || (stopRule?.IsSatisfied ?? false))
                {
                    break;
                }
            }
            await Retry(() => experiment.Finish(next), cancellation);
            return next;
        }
        catch (OperationCanceledException) when (next > 0)
        {
            await Retry(() => experiment.Interrupt(next), CancellationToken.None);
            throw;
        }
        catch (OperationCanceledException)
        {
            await IgnoreFailure(experiment.Cancel());
            throw;
        }
        catch (Exception ex)
        {
            await IgnoreFailure(experiment.Cancel());
            throw new ExperimentFailedException($"experiment {id} failed: {OneLine(ex)}", ex);
        }
    }

    /// <summary>Marks experiment <paramref name="id"/> cancelled because its client wrote nothing after all; a silo or storage that does not answer within 5 s is ignored.</summary>
    public static Task Discard(IGrainFactory grains, string id) => IgnoreFailure(grains.GetGrain<IExperimentGrain>(id).Discard());

    private static void GiveUpAfterPatience(DateTime lastProgress, Exception? cause)
    {
        if (DateTime.UtcNow - lastProgress > PatienceWithoutProgress)
        {
            throw new ExperimentFailedException($"no runs came back for {PatienceWithoutProgress.TotalSeconds:0} s: a single run took longer than that (a very large market), or the silos stopped answering" + (cause is null ? "" : $" ({OneLine(cause)})"), cause);
        }
    }

    private static async Task Retry(Func<Task> call, CancellationToken cancellation)
    {
        var started = DateTime.UtcNow;
        while (true)
        {
            try
            {
                await call();
                return;
            }
            catch (Exception ex) when (IsTransient(ex) && DateTime.UtcNow - started < PatienceWithoutProgress)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellation);
            }
        }
    }

    private static async Task IgnoreFailure(Task task)
    {
        try
        {
            await task.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception)
        {
            // The experiment is abandoned anyway; a lost silo or storage cannot make that worse.
        }
    }

    /// <summary>
    /// Failures of the cluster rather than of the experiment, worth asking again: a lost silo or a call that
    /// timed out (Orleans), or grain storage that failed while Redis restarts.
    /// </summary>
    private static bool IsTransient(Exception ex) => ex is OrleansException or TimeoutException or RedisStorageException;

    /// <summary>The innermost message, on one line: Orleans' messages can span several.</summary>
    private static string OneLine(Exception ex)
    {
        var message = ex is ExperimentFailedException ? ex.Message : ex.GetBaseException().Message;
        var line = ExceptionText.OneLine(message);
        return line.Length <= 300 ? line : line[..297] + "...";
    }
}
