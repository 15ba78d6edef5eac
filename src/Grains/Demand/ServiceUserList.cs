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
        _users.Prev[slot] = _tail;
        _users.Next[slot] = ServiceUserTable.None;
        if (_tail == ServiceUserTable.None)
        {
            Head = slot;
        }
        else
        {
            _users.Next[_tail] = slot;
        }
        _tail = slot;
        Count++;
        WeeklyHours += _users.WeeklyHours[slot];
    }

    /// <summary>Takes <paramref name="slot"/> off the list, wherever it stands.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Remove(int slot)
    {
        var prev = _users.Prev[slot];
        var next = _users.Next[slot];
        if (prev == ServiceUserTable.None)
        {
            Head = next;
        }
        else
        {
            _users.Next[prev] = next;
        }
        if (next == ServiceUserTable.None)
        {
            _tail = prev;
        }
        else
        {
            _users.Prev[next] = prev;
        }
        Count--;
        WeeklyHours -= _users.WeeklyHours[slot];
    }
}
