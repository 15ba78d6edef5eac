using System.Runtime.CompilerServices;

namespace MarketSim.Grains.Zones;

/// <summary>
/// The smallest package on a zone's waiting list (care hours a week), kept as counts of the waiting
/// packages by quarter hour, so that joining and leaving cost O(1) and the smallest is found by a
/// short forward scan. Re-brokering uses it to see at once that nobody waiting fits a provider's
/// spare hours, instead of walking the whole list. It is a lower bound: a package that is not whole
/// quarter hours counts in the quarter hour below it, and packages of 64 hours or more share one count.
/// </summary>
public sealed class LeastWaitingHours
{
    private const int QuarterHours = 256;
    private readonly int[] _count = new int[QuarterHours];
    private int _least = QuarterHours;

    /// <summary>No package on the list is smaller than this (hours a week); +∞ when the list is empty.</summary>
    public double WeeklyHours
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            while (_least < QuarterHours && _count[_least] == 0)
            {
                _least++;
            }
            return _least == QuarterHours ? double.PositiveInfinity : _least / 4.0;
        }
    }

    /// <summary>Empties the counts for a new run.</summary>
    public void Clear()
    {
        Array.Clear(_count);
        _least = QuarterHours;
    }

    /// <summary>A package of <paramref name="weeklyHours"/> joins the list.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double weeklyHours)
    {
        var q = QuarterHourBelow(weeklyHours);
        _count[q]++;
        _least = Math.Min(_least, q);
    }

    /// <summary>A package of <paramref name="weeklyHours"/> leaves the list (the next read finds the new smallest).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Remove(double weeklyHours) => _count[QuarterHourBelow(weeklyHours)]--;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int QuarterHourBelow(double weeklyHours)
    {
        var quarters = weeklyHours * 4;
        return quarters >= QuarterHours - 1 ? QuarterHours - 1 : quarters > 0 ? (int)quarters : 0;
    }
}
