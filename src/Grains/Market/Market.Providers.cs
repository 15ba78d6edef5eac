using MarketSim.Grains.Demand;
using MarketSim.Grains.Failure;
using MarketSim.Grains.Pricing;
using MarketSim.Grains.Providers;
using MarketSim.Grains.Scenario;

namespace MarketSim.Grains.Market;

/// <summary>The supply side of a week: rates, workforce, failure, hand-back, embargo, exits and entrants.</summary>
public sealed partial class Market
{
    private void UpliftRates(int year, int week)
    {
        if (_scenario.RateSetting is not { } policy || _rateFrozen[week])
        {
            return;
        }
        var budget = _rateCapper?.Spec.BudgetGbp(year) ?? 0;
        var lastYearSpend = _rateCapper?.SpendGbp(year - 1) ?? 0;
        var factor = RateSetter.Factor(policy, _economy, year, budget, lastYearSpend);
        foreach (var p in _providers)
        {
            p.Uplift(factor);
        }
    }

    private void ProvidersStartWeek(int week)
    {
        var year = week / MarketScenario.WeeksPerYear;
        var nlw = _economy.IsModelled ? _economy.Nlw(year) * _wageShock[week] : 0;
        var outsideWage = _economy.IsModelled ? _economy.OutsideWage(year) * _wageShock[week] : 0;
        foreach (var p in _providers)
        {
            if (p.Status == ProviderStatus.Dormant && _entrantJoinWeek[p.Index] == week)
            {
                p.Join(_providers[p.Index - _originalProviders].RateGbpPerHour);
                _totals.EntrantsJoined++;
            }
            if (p.Status == ProviderStatus.Open)
            {
                var careWage = p.Spec.Costs is { } costs ? costs.Wage(nlw) : outsideWage;
                if (_forcedExitWeek[p.Index] == week)
                {
                    Exit(p, week, ExitReason.ForcedExit);
                }
                else if (p.StartWeek(week, careWage, outsideWage))
                {
                    Exit(p, week, ExitReason.Hazard);
                }
                else if (p.CommittedWeeklyHours > p.CapacityWeeklyHours * (1 + (p.Spec.Workforce?.OvertimeShare ?? 0)))
                {
                    ReturnNewestUntilWithinCapacity(p, week);
                }
            }
            if (p.Status == ProviderStatus.Exiting && week >= p.NoticeEndsWeek)
            {
                ReturnAllPackages(p, week);
                p.Leave();
            }
        }
    }

    private void Exit(Provider provider, int week, ExitReason reason)
    {
        provider.BeginExit(week, reason);
        _totals.ProviderExits++;
        switch (reason)
        {
            case ExitReason.Hazard:
                _totals.ExitsHazard++;
                break;
            case ExitReason.ReservesExhausted:
                _totals.ExitsReservesExhausted++;
                break;
            case ExitReason.HandBack:
                _totals.HandBacks++;
                break;
            case ExitReason.ForcedExit:
                _totals.ExitsForced++;
                break;
        }
        if ((reason is ExitReason.Hazard or ExitReason.ReservesExhausted) && _totals.FirstFailureWeek < 0)
        {
            _totals.FirstFailureWeek = week;
        }
        foreach (var z in _zonesOfProvider[provider.Index])
        {
            _zones[z].NoteProviderExit();
        }
        if (_scenario.DynamicPurchasing is { } dps && provider.Index < _originalProviders)
        {
            _entrantJoinWeek[_originalProviders + provider.Index] = week + dps.JoinDelayWeeks;
        }
    }

    /// <summary>The end of a notice period: every package goes back to its zone to be re-brokered, or to wait (the provider, on notice, takes none back).</summary>
    private void ReturnAllPackages(Provider provider, int week)
    {
        NoteMostSpareBeforeBrokering();
        foreach (var slot in provider.Caseload.OldestFirst())
        {
            Unplace(slot, week);
            PlaceOrQueueUnlessTooLarge(_zones[_users[slot].ZoneIndex], slot, week);
        }
    }

    /// <summary>A provider whose workforce has shrunk below its caseload (past its overtime) returns its newest packages until it is within capacity.</summary>
    private void ReturnNewestUntilWithinCapacity(Provider provider, int week)
    {
        for (var slot = provider.Caseload.Newest(); slot != ServiceUserTable.None && provider.CommittedWeeklyHours > provider.CapacityWeeklyHours;)
        {
            var previous = provider.Caseload.Before(slot);
            Unplace(slot, week);
            PlaceOrQueue(_zones[_users[slot].ZoneIndex], slot, week);
            slot = previous;
        }
    }

    private void DeliverAndPay(int week)
    {
        Array.Clear(_hoursByStream);
        Array.Clear(_poundsByStream);
        var year = week / MarketScenario.WeeksPerYear;
        var nlw = _economy.IsModelled ? _economy.Nlw(year) * _wageShock[week] : 0;
        var cpi = _economy.IsModelled ? _economy.Cpi(year) : 1;
        foreach (var p in _providers)
        {
            if (p.Status is ProviderStatus.Dormant or ProviderStatus.Gone)
            {
                continue;
            }
            var cost = _economy.IsModelled && p.Spec.Costs is { } costs ? costs.CostPerContactHour(costs.Wage(nlw), cpi) : double.NaN;
            p.DeliverWeek(_hoursByStream, _poundsByStream, _selfFunders.RatePremium, cost, cpi);
            RecordRates(p, year);
            _providerRecords[p.Index].RecordWeek(year, p.CommittedWeeklyHours, p.RateGbpPerHour, p.CostPerHourGbp);
            if (p.Spec.Role == ProviderRole.Spot)
            {
                _totals.SpotHours += p.CommittedWeeklyHours;
            }
            if (p.Status == ProviderStatus.Open)
            {
                if (p.ReservesGbp < 0)
                {
                    Exit(p, week, ExitReason.ReservesExhausted);
                }
                else if (p.Spec.FailureOrNone.HandBackAfterWeeksBelowCost > 0 && p.WeeksBelowCost >= p.Spec.FailureOrNone.HandBackAfterWeeksBelowCost)
                {
                    Exit(p, week, ExitReason.HandBack);
                }
            }
        }
        foreach (var zone in _zones)
        {
            zone.Deliver();
        }
        Pay(week, year);
    }

    private void Pay(int week, int year)
    {
        var paidHours = 0.0;
        for (var s = 0; s < FundingStreams.Count; s++)
        {
            var payer = _payerOfStream[s];
            if (payer >= 0)
            {
                _commissioners[payer].Pay(year, _poundsByStream[s]);
                paidHours += _hoursByStream[s];
            }
            else
            {
                _totals.SelfFunderSpend += _poundsByStream[s];
            }
            _totals.DeliveredHours += _hoursByStream[s];
        }
        _totals.PaidHours += paidHours;
        if (week < FirstMonthWeeks)
        {
            _totals.PaidHoursFirstMonth += paidHours;
        }
    }

    private void RecordRates(Provider p, int year)
    {
        var hours = p.CommittedWeeklyHours;
        var finalYear = year == _scenario.HorizonYears - 1;
        _totals.HorizonRateHours += hours;
        _totals.HorizonRatePounds += hours * p.RateGbpPerHour;
        if (finalYear)
        {
            _totals.FinalYearRateHours += hours;
            _totals.FinalYearRatePounds += hours * p.RateGbpPerHour;
        }
        if (!double.IsNaN(p.CostPerHourGbp))
        {
            var gap = hours * (p.CostPerHourGbp - p.RateGbpPerHour);
            _totals.HorizonGapHours += hours;
            _totals.HorizonGapPounds += gap;
            if (finalYear)
            {
                _totals.FinalYearGapHours += hours;
                _totals.FinalYearGapPounds += gap;
            }
        }
    }
}
