using System.Runtime.CompilerServices;
using MarketSim.Grains.Scenario;

namespace MarketSim.Grains.Demand;

/// <summary>
/// The service users of one run, one <see cref="ServiceUser"/> row each, with a free list: a service user
/// is a slot here, so arrivals and departures allocate nothing once the table has grown to the caseload.
/// </summary>
public sealed class ServiceUserTable
{
    /// <summary>Marks "no slot" in the linked lists and "not placed" in <see cref="ServiceUser.ProviderIndex"/>.</summary>
    public const int None = -1;

    private ServiceUser[] _rows;
    private int _freeHead = None;
    private int _used;

    /// <summary>Creates a table with room for <paramref name="initialCapacity"/> people before it grows.</summary>
    public ServiceUserTable(int initialCapacity) => _rows = new ServiceUser[Math.Max(16, initialCapacity)];

    /// <summary>People with an open package or waiting for one.</summary>
    public int Count { get; private set; }

    /// <summary>Slots below this have held someone this run (the rest never have): a pass over the table stops here.</summary>
    public int SlotsTaken => _used;

    /// <summary>The person in <paramref name="slot"/>, to read or change in place.</summary>
    public ref ServiceUser this[int slot]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref _rows[slot];
    }

    /// <summary>Empties the table for a new run, keeping its rows.</summary>
    public void Clear()
    {
        _freeHead = None;
        _used = 0;
        Count = 0;
    }

    /// <summary>
    /// Takes a slot for a new service user of <paramref name="zone"/>, not placed, referred in week
    /// <paramref name="referredWeek"/> (<see cref="None"/> for the starting caseload), and returns its index.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Add(int zone, double weeklyHours, FundingStream funding, int referredWeek = None)
    {
        int slot;
        if (_freeHead != None)
        {
            slot = _freeHead;
            _freeHead = _rows[slot].Next;
        }
        else
        {
            if (_used == _rows.Length)
            {
                Array.Resize(ref _rows, _rows.Length * 2);
            }
            slot = _used++;
        }
        ref var user = ref _rows[slot];
        user.WeeklyHours = weeklyHours;
        user.ZoneIndex = zone;
        user.Funding = funding;
        user.ProviderIndex = None;
        user.Next = None;
        user.Prev = None;
        user.DepartureNext = None;
        user.SavingsGbp = 0;
        user.WeeklyChargeGbp = 0;
        user.ReferredWeek = referredWeek;
        user.Generation++;
        Count++;
        return slot;
    }

    /// <summary>Returns a slot to the free list when its person leaves.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Remove(int slot)
    {
        _rows[slot].Next = _freeHead;
        _freeHead = slot;
        Count--;
    }
}
