using System.Runtime.CompilerServices;
using MarketSim.Grains.Scenario;

namespace MarketSim.Grains.Demand;

/// <summary>
/// The service users of one run, as a struct-of-arrays with a free list: a service user grain is a
/// slot here, so arrivals and departures allocate nothing once the arrays have grown to the caseload.
/// </summary>
public sealed class ServiceUserTable
{
    /// <summary>Marks "no slot" in the linked lists and "not placed" in <see cref="Provider"/>.</summary>
    public const int None = -1;

    private int _freeHead = None;
    private int _used;

    /// <summary>Creates a table with room for <paramref name="initialCapacity"/> people before it grows.</summary>
    public ServiceUserTable(int initialCapacity)
    {
        var n = Math.Max(16, initialCapacity);
        WeeklyHours = new double[n];
        Zone = new int[n];
        Provider = new int[n];
        Funding = new FundingStream[n];
        Next = new int[n];
        Prev = new int[n];
        DepartureNext = new int[n];
        SavingsGbp = new double[n];
        ChargeStartWeek = new int[n];
        WeeklyChargeGbp = new double[n];
        Generation = new int[n];
        ReferredWeek = new int[n];
        WaitingPosition = new int[n];
    }

    /// <summary>Care hours a week of each person's package.</summary>
    public double[] WeeklyHours { get; private set; }

    /// <summary>The zone each person lives in.</summary>
    public int[] Zone { get; private set; }

    /// <summary>The provider delivering each package, or <see cref="None"/> while the person waits.</summary>
    public int[] Provider { get; private set; }

    /// <summary>Who pays for each package.</summary>
    public FundingStream[] Funding { get; private set; }

    /// <summary>Next person in the waiting list a waiting person is on.</summary>
    public int[] Next { get; private set; }

    /// <summary>Previous person in the waiting list a waiting person is on.</summary>
    public int[] Prev { get; private set; }

    /// <summary>Next person due to leave in the same week (the departure calendar's chains).</summary>
    public int[] DepartureNext { get; private set; }

    /// <summary>A self-funder's savings when their current charges started (pounds).</summary>
    public double[] SavingsGbp { get; private set; }

    /// <summary>The week a self-funder's current weekly charge started.</summary>
    public int[] ChargeStartWeek { get; private set; }

    /// <summary>What a self-funder pays a week now (pounds); 0 while waiting.</summary>
    public double[] WeeklyChargeGbp { get; private set; }

    /// <summary>Counts the slot's reuses, so that an event filed for an earlier occupant is recognised as stale.</summary>
    public int[] Generation { get; private set; }

    /// <summary>The week a referred person was referred, until their first placement; <see cref="None"/> after it and for the starting caseload.</summary>
    public int[] ReferredWeek { get; private set; }

    /// <summary>Where a waiting person stands in the market's <see cref="WaitingList"/>.</summary>
    public int[] WaitingPosition { get; private set; }

    /// <summary>People with an open package or waiting for one.</summary>
    public int Count { get; private set; }

    /// <summary>Empties the table for a new run, keeping its arrays.</summary>
    public void Clear()
    {
        _freeHead = None;
        _used = 0;
        Count = 0;
    }

    /// <summary>Takes a slot for a new service user and returns its index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Add(int zone, double weeklyHours, FundingStream funding)
    {
        int slot;
        if (_freeHead != None)
        {
            slot = _freeHead;
            _freeHead = Next[slot];
        }
        else
        {
            if (_used == WeeklyHours.Length)
            {
                Grow();
            }
            slot = _used++;
        }
        WeeklyHours[slot] = weeklyHours;
        Zone[slot] = zone;
        Funding[slot] = funding;
        Provider[slot] = None;
        Next[slot] = None;
        Prev[slot] = None;
        DepartureNext[slot] = None;
        SavingsGbp[slot] = 0;
        WeeklyChargeGbp[slot] = 0;
        ReferredWeek[slot] = None;
        Generation[slot]++;
        Count++;
        return slot;
    }

    /// <summary>Returns a slot to the free list when its person leaves.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Remove(int slot)
    {
        Next[slot] = _freeHead;
        _freeHead = slot;
        Count--;
    }

    private void Grow()
    {
        var n = WeeklyHours.Length * 2;
        WeeklyHours = Resize(WeeklyHours, n);
        Zone = Resize(Zone, n);
        Provider = Resize(Provider, n);
        Funding = Resize(Funding, n);
        Next = Resize(Next, n);
        Prev = Resize(Prev, n);
        DepartureNext = Resize(DepartureNext, n);
        SavingsGbp = Resize(SavingsGbp, n);
        ChargeStartWeek = Resize(ChargeStartWeek, n);
        WeeklyChargeGbp = Resize(WeeklyChargeGbp, n);
        Generation = Resize(Generation, n);
        ReferredWeek = Resize(ReferredWeek, n);
        WaitingPosition = Resize(WaitingPosition, n);
    }

    private static T[] Resize<T>(T[] array, int length)
    {
        Array.Resize(ref array, length);
        return array;
    }
}
