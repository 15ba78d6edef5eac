using MarketSim.Grains.Demand;

namespace MarketSim.Grains.Brokerage;

/// <summary>
/// A zone's first-come-first-served queue of people waiting for a package, threaded through the
/// service-user table so that joining, leaving from the middle and placing allocate nothing.
/// </summary>
public sealed class WaitingList
{
    private readonly ServiceUserTable _users;
    private int _tail;

    /// <summary>Creates an empty list over <paramref name="users"/>.</summary>
    public WaitingList(ServiceUserTable users)
    {
        _users = users;
        Clear();
    }

    /// <summary>The person waiting longest, or <see cref="ServiceUserTable.None"/>.</summary>
    public int Head { get; private set; }

    /// <summary>People waiting.</summary>
    public int Count { get; private set; }

    /// <summary>Care hours a week of need waiting to be placed.</summary>
    public double WeeklyHours { get; private set; }

    /// <summary>Empties the list for a new run.</summary>
    public void Clear()
    {
        Head = ServiceUserTable.None;
        _tail = ServiceUserTable.None;
        Count = 0;
        WeeklyHours = 0;
    }

    /// <summary>Puts <paramref name="slot"/> at the back of the queue.</summary>
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

    /// <summary>Takes <paramref name="slot"/> out of the queue, wherever it stands.</summary>
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
