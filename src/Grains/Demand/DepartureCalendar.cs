using System.Runtime.CompilerServices;

namespace MarketSim.Grains.Demand;

/// <summary>
/// Who leaves in which week: one chain of service-user slots per week of the horizon, so a week's
/// departures are found without scanning the caseload. Packages ending after the horizon are not filed.
/// </summary>
public sealed class DepartureCalendar
{
    private readonly int[] _heads;

    /// <summary>Creates a calendar for a horizon of <paramref name="horizonWeeks"/> weeks.</summary>
    public DepartureCalendar(int horizonWeeks) => _heads = new int[horizonWeeks];

    /// <summary>Empties the calendar for a new run.</summary>
    public void Clear() => Array.Fill(_heads, ServiceUserTable.None);

    /// <summary>Files <paramref name="slot"/> to leave during week <paramref name="week"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void File(ServiceUserTable users, int slot, int week)
    {
        if (week >= _heads.Length)
        {
            return;
        }
        users[slot].DepartureNext = _heads[week];
        _heads[week] = slot;
    }

    /// <summary>The first slot due to leave in <paramref name="week"/>; follow <see cref="ServiceUser.DepartureNext"/>.</summary>
    public int First(int week) => _heads[week];
}
