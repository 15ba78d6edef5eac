namespace MarketSim.Grains.Demand;

/// <summary>
/// Events filed by week for service-user slots that may be filed more than once (a self-funder's
/// conversion, re-filed when they change provider). Each entry carries the slot's generation, and
/// the reader checks it is still due, so stale entries are skipped. Lists keep their capacity across
/// runs, so filing allocates nothing once warm.
/// </summary>
public sealed class WeekBuckets
{
    private readonly List<(int Slot, int Generation)>[] _buckets;

    /// <summary>Creates buckets for a horizon of <paramref name="horizonWeeks"/> weeks.</summary>
    public WeekBuckets(int horizonWeeks)
    {
        _buckets = new List<(int, int)>[horizonWeeks];
        for (var i = 0; i < horizonWeeks; i++)
        {
            _buckets[i] = [];
        }
    }

    /// <summary>Empties every bucket for a new run.</summary>
    public void Clear()
    {
        foreach (var b in _buckets)
        {
            b.Clear();
        }
    }

    /// <summary>Files <paramref name="slot"/> (in its current generation) for <paramref name="week"/>; beyond the horizon, nothing.</summary>
    public void File(int week, int slot, int generation)
    {
        if (week < _buckets.Length)
        {
            _buckets[week].Add((slot, generation));
        }
    }

    /// <summary>The entries filed for <paramref name="week"/>.</summary>
    public List<(int Slot, int Generation)> Due(int week) => _buckets[week];
}
