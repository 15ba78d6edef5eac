using System.Runtime.CompilerServices;
using MarketSim.Grains.Demand;
using MarketSim.Grains.Scenario;
using MarketSim.Grains.Zones;

namespace MarketSim.Grains.Market;

/// <summary>The demand side of a week: people arrive, are placed or wait, convert from self-funding, and leave.</summary>
public sealed partial class Market
{
    /// <summary>
    /// Draws every zone's starting caseload from its own stream, each person with a random place in
    /// the queue (a time in the week before the start), then brokers them all in that order, so
    /// that no zone is served first.
    /// </summary>
    private void PlaceStartingCaseload()
    {
        var count = 0;
        foreach (var zone in _zones)
        {
            var demand = zone.Spec.Demand;
            var random = _streams[zone.Index].StartingCaseload;
            for (var i = 0; i < demand.StartingCaseload; i++)
            {
                var hours = _packageHours[zone.Index].Sample(random);
                var remainingWeeks = demand.PackageLengthWeeks.SampleResidual(random);
                var funding = DrawFunding(zone.Index, random);
                var atWeeks = random.NextDouble() - 1;
                count = AddArrival(count, new Arrival(atWeeks, zone.Index, hours, remainingWeeks, funding));
            }
        }
        AdmitInOrder(count, week: 0, referred: false);
    }

    /// <summary>Draws every zone's referrals of the week from its own stream, then brokers them all in order of arrival.</summary>
    private void Refer(int week)
    {
        var count = 0;
        foreach (var zone in _zones)
        {
            count = DrawReferrals(zone, week, count);
        }
        AdmitInOrder(count, week, referred: true);
    }

    private int DrawReferrals(Zone zone, int week, int count)
    {
        var demand = zone.Spec.Demand;
        var random = _streams[zone.Index].Referrals;
        ref readonly var rate = ref _referralRates[zone.Index][week];
        var referrals = rate.Mean > 0 ? random.Poisson(rate) : 0;
        _totals.Referrals += referrals;
        for (var i = 0; i < referrals; i++)
        {
            var hours = _packageHours[zone.Index].Sample(random);
            var lengthWeeks = demand.PackageLengthWeeks.Sample(random);
            var arrivalInWeek = random.NextDouble();
            var funding = DrawFunding(zone.Index, random);
            zone.ServiceUsers.Refer(funding);
            var end = week + arrivalInWeek + lengthWeeks;
            if (end > week + 1)
            {
                count = AddArrival(count, new Arrival(week + arrivalInWeek, zone.Index, hours, end, funding));
            }
        }
        return count;
    }

    /// <summary>Appends to the week's arrivals, growing the buffers when they are full (they then stay grown).</summary>
    private int AddArrival(int count, Arrival arrival)
    {
        if (count == _arrivals.Length)
        {
            Array.Resize(ref _arrivals, _arrivals.Length * 2);
            Array.Resize(ref _arrivalTimes, _arrivals.Length);
        }
        _arrivals[count] = arrival;
        _arrivalTimes[count] = arrival.AtWeeks;
        return count + 1;
    }

    private void AdmitInOrder(int count, int week, bool referred)
    {
        NoteMostSpareBeforeBrokering();
        foreach (var i in _arrivalSorter.Sort(_arrivalTimes.AsSpan(0, count)))
        {
            var a = _arrivals[i];
            Admit(_zones[a.Zone], a.WeeklyHours, a.Funding, a.EndWeeks, week, referred);
        }
    }

    /// <summary>Files a new service user (<paramref name="referred"/> this week, or of the starting caseload) to leave at time <paramref name="endWeeks"/> and brokers the package.</summary>
    private void Admit(Zone zone, double hours, FundingStream funding, double endWeeks, int week, bool referred)
    {
        var slot = _users.Add(zone.Index, hours, funding, referred ? week : ServiceUserTable.None);
        if (funding == FundingStream.SelfFunder && _selfFunders.SavingsGbp is { } savings)
        {
            _users[slot].SavingsGbp = savings.Sample(_streams[zone.Index].Savings);
        }
        var departureWeek = endWeeks >= _scenario.HorizonWeeks ? _scenario.HorizonWeeks : (int)Math.Ceiling(endWeeks) - 1;
        _departures.File(_users, slot, departureWeek);
        PlaceOrQueueUnlessTooLarge(zone, slot, week);
    }

    /// <summary>A self-funder starts paying a provider; files the week their savings reach the capital limit.</summary>
    private void StartCharging(int slot, double rate, int week)
    {
        ref var user = ref _users[slot];
        user.WeeklyChargeGbp = user.WeeklyHours * rate * (1 + _selfFunders.RatePremium);
        user.ChargeStartWeek = week;
        _conversions.File(ConversionWeek(slot), slot, user.Generation);
    }

    private int ConversionWeek(int slot)
    {
        ref readonly var user = ref _users[slot];
        var charge = user.WeeklyChargeGbp;
        if (charge <= 0)
        {
            return int.MaxValue;
        }
        var weeksLeft = Math.Ceiling((user.SavingsGbp - _selfFunders.CapitalThresholdGbp) / charge);
        return (int)Math.Min(int.MaxValue / 2, user.ChargeStartWeek + weeksLeft);
    }

    /// <summary>A self-funder stops paying (they left, or their provider did): their savings fall by what they paid.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void StopCharging(int slot, int week)
    {
        ref var user = ref _users[slot];
        if (user.WeeklyChargeGbp > 0)
        {
            user.SavingsGbp -= (week - user.ChargeStartWeek) * user.WeeklyChargeGbp;
            user.WeeklyChargeGbp = 0;
        }
    }

    private void ConvertSelfFunders(int week)
    {
        foreach (var (slot, generation) in _conversions.Due(week))
        {
            ref var user = ref _users[slot];
            if (user.Generation != generation || user.Funding != FundingStream.SelfFunder
                || user.ProviderIndex == ServiceUserTable.None || ConversionWeek(slot) != week)
            {
                continue;
            }
            StopCharging(slot, week);
            _providers[user.ProviderIndex].Transfer(user.WeeklyHours, FundingStream.SelfFunder, FundingStream.Council);
            user.Funding = FundingStream.Council;
            _totals.SelfFunderConversions++;
            _zones[user.ZoneIndex].ServiceUsers.Convert();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Leave(int slot, int week)
    {
        var provider = _users[slot].ProviderIndex;
        if (provider == ServiceUserTable.None)
        {
            _zones[_users[slot].ZoneIndex].StopWaiting(slot);
        }
        else
        {
            Unplace(slot, week);
        }
        _users.Remove(slot);
    }

    /// <summary>Takes <paramref name="slot"/>'s package away from its provider.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Unplace(int slot, int week)
    {
        StopCharging(slot, week);
        ref var user = ref _users[slot];
        _providers[user.ProviderIndex].Release(slot, user.WeeklyHours, user.Funding);
        _zones[user.ZoneIndex].NoteUnplaced(user.WeeklyHours);
        user.ProviderIndex = ServiceUserTable.None;
    }

    /// <summary>The funding stream of a new package, drawn by the zone's shares (no draw when the zone has one stream only).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private FundingStream DrawFunding(int zone, Random random)
    {
        if (_onlyFunding[zone] >= 0)
        {
            return (FundingStream)_onlyFunding[zone];
        }
        var u = random.NextDouble();
        var cumulative = _fundingCumulative[zone];
        for (var s = 0; s < cumulative.Length - 1; s++)
        {
            if (u < cumulative[s])
            {
                return (FundingStream)s;
            }
        }
        return (FundingStream)(cumulative.Length - 1);
    }
}
