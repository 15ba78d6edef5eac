using MarketSim.Grains.Experiments;
using MarketSim.Grains.Market;

namespace MarketSim.Silo.Runs;

/// <summary>
/// The plain runner, without Orleans (the tests' and the overhead benchmark's baseline): computes the runs of a <see cref="RunPlan"/> in batches on worker
/// threads, one model instance per worker, and hands the outcomes to the sink in run order through a
/// bounded reorder window, so memory stays flat however many runs there are.
/// </summary>
public static class MonteCarloRunner
{
    /// <summary>
    /// Runs the plan and returns how many runs reached the sink. <paramref name="onRunsDone"/>, if given,
    /// is called (from a worker) after each batch reaches the sink, with the number of runs done so far.
    /// <paramref name="stopRule"/>, if given, can end the experiment early at a run it chooses. Throws
    /// <see cref="OperationCanceledException"/> when cancelled; the sink has then seen an in-order prefix of the runs.
    /// </summary>
    public static long Run(
        Func<IRunModel> createModel,
        RunPlan plan,
        IOutcomeSink sink,
        Action<long>? onRunsDone = null,
        IStopRule? stopRule = null,
        CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(plan.Runs);
        ArgumentOutOfRangeException.ThrowIfLessThan(plan.BatchSize, 1);
        var threads = (int)Math.Min(plan.EffectiveThreads, Math.Max(1, plan.BatchCount));
        var order = new BatchOrder(plan, sink, window: 4 * threads, onRunsDone, stopRule);
        var workers = new Thread[threads];
        for (var t = 0; t < threads; t++)
        {
            workers[t] = new Thread(() => Work(createModel(), plan, order, cancellation))
            {
                IsBackground = true,
                Name = $"marketsim-worker-{t}",
            };
            workers[t].Start();
        }
        foreach (var w in workers)
        {
            w.Join();
        }
        order.ThrowIfFailed();
        cancellation.ThrowIfCancellationRequested();
        return order.RunsDelivered;
    }

    private static void Work(IRunModel model, RunPlan plan, BatchOrder order, CancellationToken cancellation)
    {
        try
        {
            while (!cancellation.IsCancellationRequested && order.TryTake(out var batch))
            {
                var first = plan.FirstRun + (batch * plan.BatchSize);
                var count = (int)Math.Min(plan.BatchSize, plan.FirstRun + plan.Runs - first);
                var rows = RunBatch.Compute(model, plan.Seed, first, count);
                order.Complete(batch, first, count, rows.Values, count * rows.Width);
            }
        }
        catch (Exception ex)
        {
            order.Fail(ex);
        }
    }
}
