using System.Buffers;
using System.Runtime.ExceptionServices;

namespace MarketSim.Silo.Runs;

/// <summary>
/// Hands out batch numbers and delivers finished batches to the sink strictly in batch order.
/// A worker that runs too far ahead of the oldest unfinished batch waits, bounding memory to
/// <c>window</c> batches.
/// </summary>
internal sealed class BatchOrder(RunPlan plan, IOutcomeSink sink, int window, Action<long>? onRunsDone, IStopRule? stopRule)
{
    private readonly object _gate = new();
    private readonly Dictionary<long, (long First, int Count, double[] Buffer, int Length)> _finished = [];
    private long _nextToTake;
    private long _nextToDeliver;
    private long _runsDelivered;
    private ExceptionDispatchInfo? _failure;
    private bool _stopped;

    /// <summary>Runs delivered to the sink.</summary>
    public long RunsDelivered => _runsDelivered;

    public bool TryTake(out long batch)
    {
        lock (_gate)
        {
            while (_failure is null && !_stopped && _nextToTake < plan.BatchCount && _nextToTake - _nextToDeliver >= window)
            {
                Monitor.Wait(_gate);
            }
            batch = _nextToTake;
            if (_failure is not null || _stopped || batch >= plan.BatchCount)
            {
                return false;
            }
            _nextToTake++;
            return true;
        }
    }

    public void Complete(long batch, long first, int count, double[] buffer, int length)
    {
        long delivered;
        lock (_gate)
        {
            _finished.Add(batch, (first, count, buffer, length));
            while (!_stopped && _finished.Remove(_nextToDeliver, out var ready))
            {
                var keep = stopRule?.RunsToKeep(ready.First, ready.Count, ready.Buffer.AsSpan(0, ready.Length)) ?? ready.Count;
                var width = ready.Length / ready.Count;
                sink.Accept(ready.First, keep, ready.Buffer.AsSpan(0, keep * width));
                ArrayPool<double>.Shared.Return(ready.Buffer);
                _runsDelivered += keep;
                _nextToDeliver++;
                _stopped = keep < ready.Count || (stopRule?.IsSatisfied ?? false);
            }
            if (_stopped)
            {
                foreach (var (_, left) in _finished)
                {
                    ArrayPool<double>.Shared.Return(left.Buffer);
                }
                _finished.Clear();
            }
            delivered = _runsDelivered;
            Monitor.PulseAll(_gate);
        }
        onRunsDone?.Invoke(delivered);
    }

    public void Fail(Exception ex)
    {
        lock (_gate)
        {
            _failure ??= ExceptionDispatchInfo.Capture(ex);
            Monitor.PulseAll(_gate);
        }
    }

    public void ThrowIfFailed() => _failure?.Throw();
}
