using System.Runtime.CompilerServices;

namespace MarketSim.Grains.Demand;

/// <summary>
/// A provider's caseload in the order its packages joined it, oldest first (a provider short of staff
/// returns its newest; one that leaves returns them all, oldest first), kept in the service-user table
/// so that joining and leaving allocate nothing. A <em>linked</em> list threads its people through
/// <see cref="ServiceUser.Next"/> and <see cref="ServiceUser.Prev"/>, for a provider that returns packages
/// often; an unlinked one only stamps each person with the order they joined in (in <see cref="ServiceUser.Prev"/>)
/// and finds its people by a pass over the table when asked, which spares every join and leave the two
/// neighbours' rows, for a provider that returns packages once at most. Both give the same order.
/// Waiting people are on the market's <see cref="WaitingList"/>.
/// </summary>
public sealed class ServiceUserList
{
    private readonly ServiceUserTable _users;
    private readonly int _owner;
    private int _tail;
    private int _joined;
    private long[] _byJoining = new long[16];
    private int[] _inOrder = new int[16];

    /// <summary>
    /// Creates an empty list over <paramref name="users"/>, <paramref name="linked"/> or not; its people are
    /// those whose <see cref="ServiceUser.ProviderIndex"/> is <paramref name="owner"/>.
    /// </summary>
    public ServiceUserList(ServiceUserTable users, int owner, bool linked)
    {
        _users = users;
        _owner = owner;
        IsLinked = linked;
        Clear();
    }

    /// <summary>Whether the list threads its people through the table (see the class summary).</summary>
    public bool IsLinked { get; }

    /// <summary>The first (longest on the list) of a linked list, or <see cref="ServiceUserTable.None"/>.</summary>
    private int Head { get; set; }

    /// <summary>People on the list.</summary>
    public int Count { get; private set; }

    /// <summary>Care hours a week of the packages of the people on the list.</summary>
    public double WeeklyHours { get; private set; }

    /// <summary>Empties the list (for a new run).</summary>
    public void Clear()
    {
        Head = ServiceUserTable.None;
        _tail = ServiceUserTable.None;
        _joined = 0;
        Count = 0;
        WeeklyHours = 0;
    }

    /// <summary>Puts <paramref name="slot"/> at the end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Enqueue(int slot)
    {
        ref var user = ref _users[slot];
        if (IsLinked)
        {
            user.Prev = _tail;
            user.Next = ServiceUserTable.None;
            if (_tail == ServiceUserTable.None)
            {
                Head = slot;
            }
            else
            {
                _users[_tail].Next = slot;
            }
            _tail = slot;
        }
        else
        {
            user.Prev = checked(_joined++);
        }
        Count++;
        WeeklyHours += user.WeeklyHours;
    }

    /// <summary>Takes <paramref name="slot"/> off the list, wherever it stands.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Remove(int slot)
    {
        ref var user = ref _users[slot];
        if (IsLinked)
        {
            var prev = user.Prev;
            var next = user.Next;
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
        }
        Count--;
        WeeklyHours -= user.WeeklyHours;
    }

    /// <summary>The newest on the list, or <see cref="ServiceUserTable.None"/>: at once when linked, by a pass over the table when not.</summary>
    public int Newest() => IsLinked ? _tail : JoinedInOrder() is { IsEmpty: false } inOrder ? inOrder[^1] : ServiceUserTable.None;

    /// <summary>The one who joined the list just before <paramref name="slot"/> (on it), or <see cref="ServiceUserTable.None"/>: at once when linked, by a pass over the table when not.</summary>
    public int Before(int slot)
    {
        if (IsLinked)
        {
            return _users[slot].Prev;
        }
        var inOrder = JoinedInOrder();
        var at = inOrder.IndexOf(slot);
        return at > 0 ? inOrder[at - 1] : ServiceUserTable.None;
    }

    /// <summary>
    /// The people on the list, oldest first, for a walk that may take each one off the list (and place them
    /// elsewhere) as it goes: a linked list is followed one step ahead, an unlinked one is read from the table
    /// into the order they joined before the walk starts.
    /// </summary>
    public Walk OldestFirst() => IsLinked ? new Walk(_users, Head, default) : new Walk(_users, ServiceUserTable.None, JoinedInOrder());

    private ReadOnlySpan<int> JoinedInOrder()
    {
        if (_inOrder.Length < Count)
        {
            _inOrder = new int[Math.Max(Count, 2 * _inOrder.Length)];
            _byJoining = new long[_inOrder.Length];
        }
        var found = 0;
        for (var slot = 0; slot < _users.SlotsTaken && found < Count; slot++)
        {
            ref readonly var user = ref _users[slot];
            if (user.ProviderIndex == _owner)
            {
                _byJoining[found++] = ((long)user.Prev << 32) | (uint)slot;
            }
        }
        var keys = _byJoining.AsSpan(0, found);
        keys.Sort();
        for (var i = 0; i < found; i++)
        {
            _inOrder[i] = (int)keys[i];
        }
        return _inOrder.AsSpan(0, found);
    }

    /// <summary>A walk along a caseload, oldest first (<see cref="OldestFirst"/>); use with foreach.</summary>
    public ref struct Walk
    {
        private readonly ServiceUserTable _users;
        private readonly ReadOnlySpan<int> _inOrder;
        private int _next;
        private int _position;

        internal Walk(ServiceUserTable users, int head, ReadOnlySpan<int> inOrder)
        {
            _users = users;
            _next = head;
            _inOrder = inOrder;
            _position = -1;
            Current = ServiceUserTable.None;
        }

        /// <summary>The person the walk is at.</summary>
        public int Current { get; private set; }

        /// <summary>The walk itself, for foreach.</summary>
        public readonly Walk GetEnumerator() => this;

        /// <summary>Steps to the next person; false at the end.</summary>
        public bool MoveNext()
        {
            if (_inOrder.IsEmpty)
            {
                Current = _next;
                _next = Current == ServiceUserTable.None ? Current : _users[Current].Next;
                return Current != ServiceUserTable.None;
            }
            Current = ++_position < _inOrder.Length ? _inOrder[_position] : ServiceUserTable.None;
            return Current != ServiceUserTable.None;
        }
    }
}
