using MarketSim.Grains.Failure;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;

namespace MarketSim.Grains.Market;

/// <summary>What a run records: week-end counts, monthly series snapshots, and the outcome row.</summary>
public sealed partial class Market
{
    private void CloseWeek(int week)
    {
        var waiting = 0;
        foreach (var zone in _zones)
        {
            zone.CloseWeek();
            waiting += zone.WaitingCount;
        }
        _totals.PeakWaiting = Math.Max(_totals.PeakWaiting, waiting);
        _totals.WeeksWithWaiting += waiting > 0 ? 1 : 0;
        _totals.CaseloadWeeks += _users.Count;
        var weeksIntoYear = (week % MarketScenario.WeeksPerYear) + 1;
        _totals.WaitingThisYear += waiting;
        if (weeksIntoYear % WeeksPerQuarter == 0)
        {
            _meanWaitingByQuarter[(weeksIntoYear / WeeksPerQuarter) - 1] = _totals.WaitingThisYear / weeksIntoYear;
        }
        if (weeksIntoYear == MarketScenario.WeeksPerYear || week == _scenario.HorizonWeeks - 1)
        {
            foreach (var pool in _pools)
            {
                pool.SettleYear(week / MarketScenario.WeeksPerYear, weeksIntoYear, _meanWaitingByQuarter);
            }
            CloseProviderYear(week / MarketScenario.WeeksPerYear);
            _totals.WaitingThisYear = 0;
            Array.Fill(_meanWaitingByQuarter, double.NaN);
        }
        var month = _totals.NextMonth;
        if (month < Schema.Months && OutcomeSchema.MonthEndWeek(month) == week)
        {
            RecordMonth(month, week, waiting);
            _totals.NextMonth++;
        }
    }

    private void RecordMonth(int month, int week, int waiting)
    {
        double rateHours = 0, ratePounds = 0, gapHours = 0, gapPounds = 0, open = 0;
        foreach (var p in _providers)
        {
            if (p.Status is ProviderStatus.Dormant or ProviderStatus.Gone)
            {
                continue;
            }
            open += p.Status == ProviderStatus.Open ? 1 : 0;
            rateHours += p.CommittedWeeklyHours;
            ratePounds += p.CommittedWeeklyHours * p.RateGbpPerHour;
            if (!double.IsNaN(p.CostPerHourGbp))
            {
                gapHours += p.CommittedWeeklyHours;
                gapPounds += p.CommittedWeeklyHours * (p.CostPerHourGbp - p.RateGbpPerHour);
            }
        }
        var overspend = 0.0;
        foreach (var c in _commissioners)
        {
            overspend += c.TotalSpendGbp() - BudgetToDate(c.Spec, week + 1);
        }
        _row[Schema.SeriesIndex(OutcomeSchema.SeriesCaseload, month)] = _users.Count;
        _row[Schema.SeriesIndex(OutcomeSchema.SeriesWaiting, month)] = waiting;
        _row[Schema.SeriesIndex(OutcomeSchema.SeriesCapacity, month)] = OpenCapacity();
        _row[Schema.SeriesIndex(OutcomeSchema.SeriesRate, month)] = rateHours > 0 ? ratePounds / rateHours : double.NaN;
        _row[Schema.SeriesIndex(OutcomeSchema.SeriesRateGap, month)] = gapHours > 0 ? gapPounds / gapHours : double.NaN;
        _row[Schema.SeriesIndex(OutcomeSchema.SeriesCumulativeOverspend, month)] = overspend;
        _row[Schema.SeriesIndex(OutcomeSchema.SeriesOpenProviders, month)] = open;
    }

    private void WriteOutcomes()
    {
        var o = _row;
        var weeks = _scenario.HorizonWeeks;
        o[OutcomeSchema.Referrals] = _totals.Referrals;
        o[OutcomeSchema.CaseloadMean] = _totals.CaseloadWeeks / weeks;
        o[OutcomeSchema.CaseloadFinal] = _users.Count;
        o[OutcomeSchema.PaidHoursFirstMonth] = _totals.PaidHoursFirstMonth / Math.Min(FirstMonthWeeks, weeks);
        o[OutcomeSchema.PaidHoursMean] = _totals.PaidHours / weeks;
        o[OutcomeSchema.DeliveredHours] = _totals.DeliveredHours;
        o[OutcomeSchema.SpotHours] = _totals.SpotHours;
        o[OutcomeSchema.PeakWaiting] = _totals.PeakWaiting;
        o[OutcomeSchema.WeeksWithWaiting] = _totals.WeeksWithWaiting;
        o[OutcomeSchema.SelfFunderSpend] = _totals.SelfFunderSpend;
        o[OutcomeSchema.ProviderFailures] = _totals.ExitsHazard + _totals.ExitsReservesExhausted;
        o[OutcomeSchema.HandBacks] = _totals.HandBacks;
        o[OutcomeSchema.ProviderExits] = _totals.ProviderExits;
        o[OutcomeSchema.FirstFailureWeek] = _totals.FirstFailureWeek >= 0 ? _totals.FirstFailureWeek : double.NaN;
        o[OutcomeSchema.EntrantsJoined] = _totals.EntrantsJoined;
        o[OutcomeSchema.SelfFunderConversions] = _totals.SelfFunderConversions;
        o[OutcomeSchema.MeanRate] = Ratio(_totals.HorizonRatePounds, _totals.HorizonRateHours);
        o[OutcomeSchema.RateGap] = Ratio(_totals.HorizonGapPounds, _totals.HorizonGapHours);
        o[OutcomeSchema.FinalYearRate] = Ratio(_totals.FinalYearRatePounds, _totals.FinalYearRateHours);
        o[OutcomeSchema.FinalYearRateGap] = Ratio(_totals.FinalYearGapPounds, _totals.FinalYearGapHours);
        o[OutcomeSchema.ExitsHazard] = _totals.ExitsHazard;
        o[OutcomeSchema.ExitsReservesExhausted] = _totals.ExitsReservesExhausted;
        o[OutcomeSchema.ExitsForced] = _totals.ExitsForced;
        WriteMarketStructure(o);
        var unmet = 0.0;
        Array.Clear(_unmetHoursByStream);
        foreach (var z in _zones)
        {
            unmet += z.UnmetHours;
            for (var st = 0; st < _unmetHoursByStream.Length; st++)
            {
                _unmetHoursByStream[st] += z.ServiceUsers.UnmetHours((FundingStream)st);
            }
        }
        var unmetCost = _unmetNeed.Split(unmet, _unmetHoursByStream, _unmetNeedCostGbp);
        var totalSpend = 0.0;
        foreach (var c in _commissioners)
        {
            var spend = c.TotalSpendGbp();
            var column = _commissionerColumns[c.Index];
            totalSpend += spend;
            o[column] = spend;
            o[column + 1] = spend - BudgetToDate(c.Spec, weeks);
            o[column + 2] = _unmetNeedCostGbp[c.Index];
            o[column + 3] = spend + _unmetNeedCostGbp[c.Index];
        }
        o[OutcomeSchema.UnmetNeedCost] = unmetCost;
        o[OutcomeSchema.WholeSystemCost] = totalSpend + unmetCost;
        foreach (var z in _zones)
        {
            var column = _zoneColumns[z.Index];
            o[column] = z.UnmetHours;
            o[column + 1] = z.PeakWaiting;
            o[column + 2] = z.ProviderExits;
            o[column + 3] = z.WeeksWithoutLead;
        }
        o[OutcomeSchema.UnmetHours] = unmet;
        var i = Schema.PoolStart;
        foreach (var p in _pools)
        {
            i = p.WriteOutcomes(o, i);
        }
        WriteEntities(o);
    }

    private void WriteMarketStructure(double[] o)
    {
        var total = 0.0;
        var workers = 0.0;
        var anyWorkforce = false;
        foreach (var p in _providers)
        {
            total += p.CommittedWeeklyHours;
            if (p.Workforce is not null && p.Status is ProviderStatus.Open or ProviderStatus.Exiting)
            {
                workers += p.Workforce.Workers;
                anyWorkforce = true;
            }
        }
        var hhi = 0.0;
        foreach (var p in _providers)
        {
            var share = total > 0 ? 100 * p.CommittedWeeklyHours / total : 0;
            hhi += share * share;
        }
        o[OutcomeSchema.HhiFinal] = hhi;
        o[OutcomeSchema.CareWorkersFinal] = anyWorkforce ? workers : double.NaN;
        o[OutcomeSchema.CapacityFinal] = OpenCapacity();
    }

    private double OpenCapacity()
    {
        var capacity = 0.0;
        foreach (var p in _providers)
        {
            capacity += p.Status == ProviderStatus.Open ? p.CapacityWeeklyHours : 0;
        }
        return capacity;
    }

    /// <summary>A commissioner's budgets for the first <paramref name="weeks"/> weeks, part years pro rata.</summary>
    private double BudgetToDate(CommissionerSpec spec, int weeks)
    {
        var total = 0.0;
        for (var year = 0; year * MarketScenario.WeeksPerYear < weeks; year++)
        {
            var inYear = Math.Min(MarketScenario.WeeksPerYear, weeks - (year * MarketScenario.WeeksPerYear));
            total += spec.BudgetGbp(year) * inYear / MarketScenario.WeeksPerYear;
        }
        return total;
    }

    private static double Ratio(double numerator, double denominator) => denominator > 0 ? numerator / denominator : double.NaN;

    private struct WeekTotals
    {
        public long Referrals;
        public double CaseloadWeeks;
        public double PaidHours;
        public double PaidHoursFirstMonth;
        public double DeliveredHours;
        public double SpotHours;
        public double SelfFunderSpend;
        public int PeakWaiting;
        public int WeeksWithWaiting;
        public int ExitsHazard;
        public int ExitsReservesExhausted;
        public int HandBacks;
        public int ExitsForced;
        public int ProviderExits;
        public int FirstFailureWeek;
        public int EntrantsJoined;
        public int SelfFunderConversions;
        public double HorizonRateHours;
        public double HorizonRatePounds;
        public double HorizonGapHours;
        public double HorizonGapPounds;
        public double FinalYearRateHours;
        public double FinalYearRatePounds;
        public double FinalYearGapHours;
        public double FinalYearGapPounds;
        public int NextMonth;
        public double WaitingThisYear;
    }
}
