using System.Runtime.CompilerServices;
using MarketSim.Grains.Demand;
using MarketSim.Grains.Providers;
using MarketSim.Grains.Scenario;
using MarketSim.Grains.Zones;

namespace MarketSim.Grains.Market;

/// <summary>
/// Brokerage across zones: a package goes to its zone's lead, then the framework provider with most
/// spare hours, then spot; the waiting people of all zones are re-brokered in the order they joined, so
/// that no zone takes the providers' spare hours first because of where it stands in the scenario file.
/// </summary>
public sealed partial class Market
{
    private readonly WaitingList _waiting;
    private readonly double[] _zoneOwnRoom;
    private readonly double[] _mostSpareBeforeBrokering;
    private Arrival[] _arrivals;
    private double[] _arrivalTimes;
    private readonly ArrivalSorter _arrivalSorter = new();

    /// <summary>
    /// Brokers <paramref name="slot"/>'s package in its zone; if no provider has room, the person joins
    /// the end of the waiting list. People are brokered in time order (returned packages at the week's
    /// start, then arrivals in order), so the list is in the order people joined it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void PlaceOrQueue(Zone zone, int slot, int week)
    {
        if (!TryPlace(zone, slot, week, fromWaitingList: false))
        {
            zone.Wait(slot);
        }
    }

    /// <summary>
    /// Notes the most spare hours in each zone where people wait (+∞ elsewhere, where packages are usually
    /// placed), before a run of brokering that only takes spare hours away (a week's arrivals, or the packages
    /// a provider on notice returns): a larger package in it joins the waiting list without asking the providers.
    /// </summary>
    private void NoteMostSpareBeforeBrokering()
    {
        if (_waiting.Count == 0)
        {
            Array.Fill(_mostSpareBeforeBrokering, double.PositiveInfinity);
            return;
        }
        var everyZoneMost = EveryZoneMostSpare();
        foreach (var zone in _zones)
        {
            _mostSpareBeforeBrokering[zone.Index] = zone.WaitingCount > 0 ? zone.MostSpareWeeklyHours(everyZoneMost) : double.PositiveInfinity;
        }
    }

    /// <summary>
    /// <see cref="PlaceOrQueue"/>, but a package larger than its zone's most spare hours when brokering began (<see cref="NoteMostSpareBeforeBrokering"/>)
    /// joins the waiting list at once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void PlaceOrQueueUnlessTooLarge(Zone zone, int slot, int week)
    {
        if (_users[slot].WeeklyHours > _mostSpareBeforeBrokering[zone.Index])
        {
            zone.Wait(slot);
        }
        else
        {
            PlaceOrQueue(zone, slot, week);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryPlace(Zone zone, int slot, int week, bool fromWaitingList)
    {
        var provider = zone.Choose(_users[slot].WeeklyHours);
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
        ref var user = ref _users[slot];
        var hours = user.WeeklyHours;
        if (fromWaitingList)
        {
            zone.StopWaiting(slot);
        }
        if (user.ReferredWeek != ServiceUserTable.None)
        {
            zone.ServiceUsers.Place(user.Funding, week - user.ReferredWeek);
            user.ReferredWeek = ServiceUserTable.None;
        }
        var savingsModelled = _selfFunders.SavingsGbp is not null;
        if (user.Funding == FundingStream.SelfFunder && savingsModelled && user.SavingsGbp <= _selfFunders.CapitalThresholdGbp)
        {
            user.Funding = FundingStream.Council;
            _totals.SelfFunderConversions++;
            zone.ServiceUsers.Convert();
        }
        provider.Accept(slot, hours, user.Funding);
        user.ProviderIndex = provider.Index;
        zone.NotePlaced(hours);
        if (user.Funding == FundingStream.SelfFunder && savingsModelled)
        {
            StartCharging(slot, provider.RateGbpPerHour, week);
        }
    }

    /// <summary>
    /// Offers every waiting person, in the order they joined (all zones together), to the providers of
    /// their zone: a person is placed when their hours fit the most spare hours of a provider of their
    /// zone. Placing only takes spare hours away, so anyone passed over does not fit later in the week
    /// either, and one pass along the list places, at each step, the person who has waited longest of
    /// those who fit. A zone's room is the larger of two: the room of the providers serving every zone,
    /// one figure for all zones, and the room of the zone's own other providers. A placement with a
    /// provider serving every zone can lower only the first, and only when it was that provider's; a
    /// placement with another provider only the second, of the zones whose room was that provider's.
    /// The pass is skipped when no zone has room for its smallest waiting package. Compiled at once to optimised code:
    /// the waiting list's 512-bit search inlined in it keeps it out of the ReadyToRun image, which would otherwise leave
    /// it running as unoptimised code for the first weeks of a cold process.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RebrokerWaiting(int week)
    {
        if (_waiting.Count == 0)
        {
            return;
        }
        var everyZoneRoom = Room(EveryZoneMostSpare());
        foreach (var zone in _zones)
        {
            _zoneOwnRoom[zone.Index] = Room(zone.OwnProvidersMostSpareWeeklyHours);
        }
        if (!AnyRoom(everyZoneRoom))
        {
            return;
        }
        for (var position = _waiting.First; (position = _waiting.FirstThatFits(position, everyZoneRoom, _zoneOwnRoom)) >= 0; position++)
        {
            var z = _waiting.ZoneAt(position);
            var provider = _zones[z].Choose(_waiting.WeeklyHoursAt(position))
                ?? throw new InvalidOperationException("A waiting person who fits the most spare hours of their zone found no provider.");
            var spareBefore = provider.SpareWeeklyHours;
            Place(_zones[z], provider, _waiting.SlotAt(position), week, fromWaitingList: true);
            if (_servingEveryZone[provider.Index])
            {
                if (everyZoneRoom == spareBefore)
                {
                    everyZoneRoom = Room(EveryZoneMostSpare());
                }
                continue;
            }
            foreach (var served in _zonesOfProvider[provider.Index])
            {
                if (_zoneOwnRoom[served] == spareBefore)
                {
                    _zoneOwnRoom[served] = Room(_zones[served].OwnProvidersMostSpareWeeklyHours);
                }
            }
        }
    }

    /// <summary>Spare hours as room for a package: −1 below a quarter hour, the least package there is.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Room(double mostSpareWeeklyHours) => mostSpareWeeklyHours < 0.25 ? -1 : mostSpareWeeklyHours;

    /// <summary>Whether some zone where people wait has room for its smallest waiting package.</summary>
    private bool AnyRoom(double everyZoneRoom)
    {
        foreach (var zone in _zones)
        {
            if (zone.WaitingCount > 0 && Math.Max(everyZoneRoom, _zoneOwnRoom[zone.Index]) >= zone.LeastWaitingWeeklyHours)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The most spare hours of the providers serving every zone, at least 0: the part of each zone's most spare hours that all zones share.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double EveryZoneMostSpare() => Math.Max(0, _everyZoneProviders.Most(_openSpare));
}
