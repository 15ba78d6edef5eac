using System.Runtime.CompilerServices;
using MarketSim.Grains.Demand;
using MarketSim.Grains.Providers;
using MarketSim.Grains.Scenario;
using MarketSim.Grains.Zones;

namespace MarketSim.Grains.Market;

/// <summary>
/// Brokerage across zones: a package goes to its zone's lead, then the framework provider with most
/// spare hours, then spot; waiting lists are re-brokered oldest first across all zones, so that no
/// zone takes the providers' spare hours first because of where it stands in the scenario file.
/// </summary>
public sealed partial class Market
{
    private readonly int[] _waitingCursor;
    private readonly double[] _zoneMostSpare;
    private readonly long[] _cursorTicket;
    private readonly bool[] _zoneStale;
    private Arrival[] _arrivals;
    private double[] _arrivalTimes;
    private readonly ArrivalSorter _arrivalSorter = new();
    private long _waitingTickets;

    /// <summary>
    /// Brokers <paramref name="slot"/>'s package in its zone; if no provider has room, the person joins
    /// the waiting list with the run's next ticket. People are brokered in time order (returned
    /// packages at the week's start, then arrivals in order), so tickets follow the time people joined.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void PlaceOrQueue(Zone zone, int slot, int week)
    {
        if (!TryPlace(zone, slot, week, fromWaitingList: false))
        {
            _users.WaitingTicket[slot] = _waitingTickets++;
            zone.Wait(slot);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryPlace(Zone zone, int slot, int week, bool fromWaitingList)
    {
        var provider = zone.Choose(_users.WeeklyHours[slot]);
        if (provider is null)
        {
            return false;
        }
        Place(zone, provider, slot, week, fromWaitingList);
        return true;
    }

    /// <summary>Gives <paramref name="slot"/>'s package to <paramref name="provider"/>, which has room for it.</summary>
    private void Place(Zone zone, Provider provider, int slot, int week, bool fromWaitingList)
    {
        var hours = _users.WeeklyHours[slot];
        if (fromWaitingList)
        {
            zone.StopWaiting(slot);
        }
        if (_users.ReferredWeek[slot] != ServiceUserTable.None)
        {
            zone.ServiceUsers.Place(_users.Funding[slot], week - _users.ReferredWeek[slot]);
            _users.ReferredWeek[slot] = ServiceUserTable.None;
        }
        var savingsModelled = _selfFunders.SavingsGbp is not null;
        if (_users.Funding[slot] == FundingStream.SelfFunder && savingsModelled && _users.SavingsGbp[slot] <= _selfFunders.CapitalThresholdGbp)
        {
            _users.Funding[slot] = FundingStream.Council;
            _totals.SelfFunderConversions++;
            zone.ServiceUsers.Convert();
        }
        provider.Accept(slot, hours, _users.Funding[slot]);
        _users.Provider[slot] = provider.Index;
        zone.NotePlaced(hours);
        if (_users.Funding[slot] == FundingStream.SelfFunder && savingsModelled)
        {
            StartCharging(slot, provider.RateGbpPerHour, week);
        }
    }

    /// <summary>
    /// Offers every waiting person, oldest first across zones (by their waiting ticket), to the
    /// providers of their zone. Each zone's list is already in ticket order, so this merges the
    /// lists. A person is placed when their hours fit the most spare hours of a provider of their
    /// zone; placing only takes spare hours away, so anyone who does not fit stays unplaceable this
    /// week. Each zone's cursor therefore waits on its next person who fits, and the oldest of those
    /// is placed; a zone drops out once none of its providers has a quarter hour spare.
    /// A placement can lower the most spare hours only of the zones whose most was the chosen
    /// provider's: those are marked stale, and a stale zone's cursor is moved on only when its
    /// ticket is the oldest. Its ticket is a lower bound of its true next ticket (most spare hours
    /// only fall), so the oldest zone, once fresh, holds the oldest person who fits.
    /// </summary>
    private void RebrokerWaiting(int week)
    {
        var anyWaiting = false;
        foreach (var zone in _zones)
        {
            _waitingCursor[zone.Index] = zone.Waiting.Head;
            anyWaiting |= zone.Waiting.Count > 0;
        }
        if (!anyWaiting)
        {
            return;
        }
        var everyZoneMost = EveryZoneMostSpare();
        for (var z = 0; z < _zones.Length; z++)
        {
            _zoneMostSpare[z] = _waitingCursor[z] == ServiceUserTable.None ? 0 : _zones[z].MostSpareWeeklyHours(everyZoneMost);
            _zoneStale[z] = false;
            SkipToNextThatFits(z);
        }
        for (var z = OldestWaiting(); z >= 0; z = OldestWaiting())
        {
            if (_zoneStale[z])
            {
                _zoneStale[z] = false;
                _zoneMostSpare[z] = _zones[z].MostSpareWeeklyHours(everyZoneMost);
                SkipToNextThatFits(z);
                continue;
            }
            var slot = _waitingCursor[z];
            _waitingCursor[z] = _users.Next[slot];
            var provider = _zones[z].Choose(_users.WeeklyHours[slot])
                ?? throw new InvalidOperationException("A waiting person who fits the most spare hours of their zone found no provider.");
            var spareBefore = provider.SpareWeeklyHours;
            Place(_zones[z], provider, slot, week, fromWaitingList: true);
            if (_servingEveryZone[provider.Index] && everyZoneMost == spareBefore)
            {
                everyZoneMost = EveryZoneMostSpare();
            }
            foreach (var served in _zonesOfProvider[provider.Index])
            {
                _zoneStale[served] |= _zoneMostSpare[served] == spareBefore;
            }
            if (_zoneStale[z])
            {
                _cursorTicket[z] = TicketOf(_waitingCursor[z]);
            }
            else
            {
                SkipToNextThatFits(z);
            }
        }
    }

    /// <summary>
    /// Moves zone <paramref name="z"/>'s cursor past the waiting people whose hours exceed its most spare
    /// hours, and notes the ticket of the person it stops at. When even the smallest package waiting is
    /// larger, nobody fits and the walk along the list is skipped.
    /// </summary>
    private void SkipToNextThatFits(int z)
    {
        var most = _zoneMostSpare[z];
        var slot = _waitingCursor[z];
        if (most < 0.25 || most < _zones[z].LeastWaitingWeeklyHours)
        {
            slot = ServiceUserTable.None;
        }
        while (slot != ServiceUserTable.None && _users.WeeklyHours[slot] > most)
        {
            slot = _users.Next[slot];
        }
        _waitingCursor[z] = slot;
        _cursorTicket[z] = TicketOf(slot);
    }

    /// <summary>The waiting ticket of <paramref name="slot"/>; the largest ticket for <see cref="ServiceUserTable.None"/>, so an empty cursor is never the oldest.</summary>
    private long TicketOf(int slot) => slot == ServiceUserTable.None ? long.MaxValue : _users.WaitingTicket[slot];

    /// <summary>The most spare hours of the providers serving every zone, at least 0: the part of each zone's most spare hours that all zones share.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double EveryZoneMostSpare()
    {
        var most = 0.0;
        foreach (var p in _everyZoneProviders)
        {
            most = _openSpare[p] > most ? _openSpare[p] : most;
        }
        return most;
    }

    /// <summary>The zone whose next person who fits joined earliest; −1 when none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int OldestWaiting()
    {
        var oldest = -1;
        var ticket = long.MaxValue;
        for (var z = 0; z < _cursorTicket.Length; z++)
        {
            if (_cursorTicket[z] < ticket)
            {
                oldest = z;
                ticket = _cursorTicket[z];
            }
        }
        return oldest;
    }
}
