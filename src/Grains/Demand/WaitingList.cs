using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MarketSim.Grains.Demand;

/// <summary>
/// Everyone waiting for a package in a market, all zones together, in the order they joined (the order
/// re-brokering serves them in): arrays of each entry's slot and package hours. Someone who leaves the list
/// leaves a gap (hours +∞, so no search for a package that fits stops there); the gaps are squeezed out
/// when the arrays fill. The search for the next package that fits some spare hours compares two
/// entries at a time (a 128-bit vector) and branches once every eight, where a linked list would be
/// followed one person at a time; in a market of at most eight zones, on a processor with AVX-512, it
/// looks eight people's rooms up at once in one register holding every zone's room.
/// </summary>
public sealed class WaitingList
{
    /// <summary>Entries past the end always hold +∞ hours, this many at least, so a search reads whole blocks.</summary>
    private const int Padding = Block;

    /// <summary>Entries a search compares before it branches on whether any fits.</summary>
    private const int Block = 8;

    /// <summary>
    /// The zones whose rooms one 512-bit register holds. A search given rooms for exactly this many zones (the market pads
    /// its rooms to this length when it has fewer zones) looks each person's room up in that register.
    /// </summary>
    public const int ZonesInOneRegister = 8;

    private readonly ServiceUserTable _users;
    private double[] _hours = Gaps(64 + Padding);
    private int[] _slots = new int[64 + Padding];
    private int[] _zones = new int[64 + Padding];
    private int _head;
    private int _end;

    /// <summary>Creates an empty list of people of <paramref name="users"/>.</summary>
    public WaitingList(ServiceUserTable users) => _users = users;

    /// <summary>People on the list.</summary>
    public int Count { get; private set; }

    /// <summary>The position of the first person on the list (the end, when it is empty); positions stay put until the next <see cref="Enqueue"/>.</summary>
    public int First => _head;

    /// <summary>Empties the list (for a new run).</summary>
    public void Clear()
    {
        Array.Fill(_hours, double.PositiveInfinity, 0, _end);
        _head = 0;
        _end = 0;
        Count = 0;
    }

    /// <summary>Puts <paramref name="slot"/> at the end. The positions of the others may change.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Enqueue(int slot)
    {
        if (_end == _hours.Length - Padding)
        {
            MakeRoom();
        }
        _hours[_end] = _users[slot].WeeklyHours;
        _slots[_end] = slot;
        _zones[_end] = _users[slot].ZoneIndex;
        _users[slot].WaitingPosition = _end;
        _end++;
        Count++;
    }

    /// <summary>Takes <paramref name="slot"/> off the list, wherever it stands; the others keep their positions.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Remove(int slot)
    {
        var position = _users[slot].WaitingPosition;
        _hours[position] = double.PositiveInfinity;
        _slots[position] = ServiceUserTable.None;
        Count--;
        if (position == _head)
        {
            while (_head < _end && _slots[_head] == ServiceUserTable.None)
            {
                _head++;
            }
        }
    }

    /// <summary>The person at <paramref name="position"/>; <see cref="ServiceUserTable.None"/> at a gap.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int SlotAt(int position) => _slots[position];

    /// <summary>The zone of the person at <paramref name="position"/>, read from the list rather than their row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ZoneAt(int position) => _zones[position];

    /// <summary>The package hours of the person at <paramref name="position"/> (+∞ at a gap), read from the list rather than their row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double WeeklyHoursAt(int position) => _hours[position];

    /// <summary>
    /// The first position from <paramref name="from"/> of a person whose package fits their zone's room: the larger of
    /// <paramref name="everyZoneWeeklyHours"/> and their zone's entry of <paramref name="zoneWeeklyHours"/> (by zone index).
    /// −1 when nobody's does.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int FirstThatFits(int from, double everyZoneWeeklyHours, double[] zoneWeeklyHours)
    {
        if (!Vector128.IsHardwareAccelerated)
        {
            for (var p = from; p < _end; p++)
            {
                if (_hours[p] <= Math.Max(everyZoneWeeklyHours, zoneWeeklyHours[_zones[p]]))
                {
                    return p;
                }
            }
            return ServiceUserTable.None;
        }
        if (Avx512F.IsSupported && zoneWeeklyHours.Length == ZonesInOneRegister)
        {
            return FirstThatFitsByLookup(from, everyZoneWeeklyHours, zoneWeeklyHours);
        }
        ref var hours = ref MemoryMarshal.GetArrayDataReference(_hours);
        var zones = _zones;
        var everyZone = Vector128.Create(everyZoneWeeklyHours);
        for (var p = from; p < _end; p += Block)
        {
            var fits = Fits(ref hours, zones, everyZone, zoneWeeklyHours, p)
                | (Fits(ref hours, zones, everyZone, zoneWeeklyHours, p + 2) << 2)
                | (Fits(ref hours, zones, everyZone, zoneWeeklyHours, p + 4) << 4)
                | (Fits(ref hours, zones, everyZone, zoneWeeklyHours, p + 6) << 6);
            if (fits != 0)
            {
                var found = p + BitOperations.TrailingZeroCount(fits);
                return found < _end ? found : ServiceUserTable.None;
            }
        }
        return ServiceUserTable.None;
    }

    /// <summary>
    /// <see cref="FirstThatFits"/> with every zone's room, the larger of the two, in one 512-bit register: the rooms of
    /// eight people are one permute of it by their zones (AVX-512's vpermpd), where the 128-bit search loads them one by one.
    /// Measured on full Doncaster (6 zones), 1,000 runs on one thread: 0.975-0.985 of the time of the 128-bit search.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FirstThatFitsByLookup(int from, double everyZoneWeeklyHours, double[] zoneWeeklyHours)
    {
        var z = zoneWeeklyHours;
        var roomOfZone = Vector512.MaxNative(Vector512.Create(everyZoneWeeklyHours), Vector512.Create(z[0], z[1], z[2], z[3], z[4], z[5], z[6], z[7]));
        ref var hours = ref MemoryMarshal.GetArrayDataReference(_hours);
        ref var zones = ref MemoryMarshal.GetArrayDataReference(_zones);
        for (var p = from; p < _end; p += Vector512<double>.Count)
        {
            var zone = Avx512F.ConvertToVector512Int64(Vector256.LoadUnsafe(ref zones, (nuint)p));
            var room = Avx512F.PermuteVar8x64(roomOfZone, zone);
            var fits = Vector512.LessThanOrEqual(Vector512.LoadUnsafe(ref hours, (nuint)p), room).ExtractMostSignificantBits();
            if (fits != 0)
            {
                var found = p + BitOperations.TrailingZeroCount(fits);
                return found < _end ? found : ServiceUserTable.None;
            }
        }
        return ServiceUserTable.None;
    }

    /// <summary>Which of the entries at <paramref name="p"/> and <paramref name="p"/> + 1 fit their zone's hours (bits 0 and 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Fits(ref double hours, int[] zones, Vector128<double> everyZone, double[] zoneWeeklyHours, int p)
    {
        var room = Vector128.MaxNative(everyZone, Vector128.Create(zoneWeeklyHours[zones[p]], zoneWeeklyHours[zones[p + 1]]));
        return Vector128.LessThanOrEqual(Vector128.LoadUnsafe(ref hours, (nuint)p), room).ExtractMostSignificantBits();
    }

    /// <summary>Squeezes the gaps out, moving people forward in order, and doubles the arrays when they are still more than half full.</summary>
    private void MakeRoom()
    {
        var kept = 0;
        for (var p = _head; p < _end; p++)
        {
            var slot = _slots[p];
            if (slot != ServiceUserTable.None)
            {
                _hours[kept] = _hours[p];
                _slots[kept] = slot;
                _zones[kept] = _zones[p];
                _users[slot].WaitingPosition = kept;
                kept++;
            }
        }
        Array.Fill(_hours, double.PositiveInfinity, kept, _end - kept);
        _head = 0;
        _end = kept;
        var capacity = _hours.Length - Padding;
        if (kept > capacity / 2)
        {
            var hours = Gaps((2 * capacity) + Padding);
            Array.Copy(_hours, hours, kept);
            _hours = hours;
            Array.Resize(ref _slots, hours.Length);
            Array.Resize(ref _zones, hours.Length);
        }
    }

    private static double[] Gaps(int length)
    {
        var hours = new double[length];
        Array.Fill(hours, double.PositiveInfinity);
        return hours;
    }
}
