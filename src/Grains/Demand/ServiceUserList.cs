using System.Runtime.CompilerServices;

namespace MarketSim.Grains.Demand;

/// <summary>
/// An ordered list of service users threaded through the service-user table, so that joining,
/// leaving from the middle and moving allocate nothing: a provider's caseload, oldest package first
/// (a provider short of staff returns its newest). Waiting people are on the market's <see cref="WaitingList"/>.
/// </summary>
public sealed class ServiceUserList
{
    private readonly ServiceUserTable _users;
    private int _tail;

    /// <summary>Creates an empty list over <paramref name="users"/>.</summary>
    public ServiceUserList(ServiceUserTable users)
    {
        _users = users;
        Clear();
    }

    /// <summary>The first (longest on the list), or <see cref="ServiceUserTable.None"/>.</summary>
    public int Head { get; private set; }

    /// <summary>The last (newest on the list), or <see cref="ServiceUserTable.None"/>.</summary>
    public int Tail => _tail;

    /// <summary>People on the list.</summary>
    public int Count { get; private set; }

    /// <summary>Care hours a week of the packages of the people on the list.</summary>
    public double WeeklyHours { get; private set; }

    /// <summary>Empties the list (for a new run).</summary>
    public void Clear()
    {
        Head = ServiceUserTable.None;
        _tail = ServiceUserTable.None;
        Count = 0;
        WeeklyHours = 0;
    }

    /// <summary>Puts <paramref name="slot"/> at the end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Enqueue(int slot)
    {
        _users[slot].Prev = _tail;
        _users[slot].Next = ServiceUserTable.None;
        if (_tail == ServiceUserTable.None)
        {
            Head = slot;
        }
        else
        {
            _users[_tail].Next = slot;
        }
        _tail = slot;
        Count++;
        WeeklyHours += _users[slot].WeeklyHours;
    }

    /// <summary>Takes <paramref name="slot"/> off the list, wherever it stands.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Remove(int slot)
    {
        var prev = _users[slot].Prev;
        var next = _users[slot].Next;
        if (prev == ServiceUserTable.None)
        {
            Head = next;
        }
        else
        {
            _users[prev].Next = next;
        }
        if (next == ServiceUserTable.None)
        {
            _tail = prev;
        }
        else
        {
            _users[next].Prev = prev;
        }
        Count--;
        WeeklyHours -= _users[slot].WeeklyHours;
    }
}
