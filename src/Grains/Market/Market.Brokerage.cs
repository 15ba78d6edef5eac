using MarketSim.Grains.Demand;
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
    private Arrival[] _arrivals;
    private long _waitingTickets;

    /// <summary>
    /// Brokers <paramref name="slot"/>'s package in its zone; if no provider has room, the person joins
    /// the waiting list with the run's next ticket. People are brokered in time order (returned
    /// packages at the week's start, then arrivals in order), so tickets follow the time people joined.
    /// </summary>
    private void PlaceOrQueue(Zone zone, int slot, int week)
    {
        if (!TryPlace(zone, slot, week, fromWaitingList: false))
        {
            _users.WaitingTicket[slot] = _waitingTickets++;
            zone.Wait(slot);
        }
    }

    private bool TryPlace(Zone zone, int slot, int week, bool fromWaitingList)
    {
        var hours = _users.WeeklyHours[slot];
        var provider = zone.Choose(hours);
        if (provider is null)
        {
            return false;
        }
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
        return true;
    }

    /// <summary>
    /// Offers every waiting person, oldest first across zones (by their waiting ticket), to the
    /// providers of their zone. Each zone's list is already in ticket order, so this merges the
    /// lists; a zone drops out once none of its providers has a quarter hour spare.
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
        RefreshMostSpare();
        for (var z = OldestWaiting(); z >= 0; z = OldestWaiting())
        {
            var slot = _waitingCursor[z];
            _waitingCursor[z] = _users.Next[slot];
            if (_users.WeeklyHours[slot] <= _zoneMostSpare[z] && TryPlace(_zones[z], slot, week, fromWaitingList: true))
            {
                RefreshMostSpare();
            }
        }
    }

    /// <summary>The zone whose next waiting person joined earliest, among zones that could still place someone; −1 when none.</summary>
    private int OldestWaiting()
    {
        var oldest = -1;
        var ticket = long.MaxValue;
        for (var z = 0; z < _zones.Length; z++)
        {
            var slot = _waitingCursor[z];
            if (slot != ServiceUserTable.None && _zoneMostSpare[z] >= 0.25 && _users.WaitingTicket[slot] < ticket)
            {
                oldest = z;
                ticket = _users.WaitingTicket[slot];
            }
        }
        return oldest;
    }

    private void RefreshMostSpare()
    {
        for (var z = 0; z < _zones.Length; z++)
        {
            _zoneMostSpare[z] = _waitingCursor[z] == ServiceUserTable.None ? 0 : _zones[z].MostSpareWeeklyHours();
        }
    }
}
