using MarketSim.Grains.Brokerage;
using MarketSim.Grains.Demand;
using MarketSim.Grains.Finance;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Providers;
using MarketSim.Grains.Randomness;
using MarketSim.Grains.Scenario;
using MathNet.Numerics.Distributions;

namespace MarketSim.Grains.Market;

/// <summary>
/// One simulated market: the grains of a scenario and the deterministic weekly scheduler that
/// drives them. Each week, in this order: packages end; zones re-broker their waiting lists,
/// oldest first; zones receive referrals and broker them; providers deliver and commissioners pay;
/// zones count unmet hours; at a year end, pooled budgets settle. A run is a pure function of
/// (scenario, experiment seed, run index); the instance is reused across runs without allocating.
/// </summary>
public sealed class Market : IRunModel
{
    private const int Weeks4 = 4;
    private readonly MarketScenario _scenario;
    private readonly ServiceUserTable _users;
    private readonly DepartureCalendar _departures;
    private readonly ProviderGrain[] _providers;
    private readonly ZoneGrain[] _zones;
    private readonly CommissionerGrain[] _commissioners;
    private readonly PooledBudgetGrain[] _pools;
    private readonly int[] _payerOfStream = new int[FundingStreams.Count];
    private readonly double[][] _referralRates;
    private readonly double[][] _fundingCumulative;
    private readonly ZoneStreams[] _streams;
    private readonly double[] _hoursByStream = new double[FundingStreams.Count];
    private readonly double[] _poundsByStream = new double[FundingStreams.Count];
    private WeekTotals _totals;

    /// <summary>Builds the grains of <paramref name="scenario"/>; call <see cref="Run"/> for each run.</summary>
    public Market(MarketScenario scenario)
    {
        _scenario = scenario;
        Schema = new OutcomeSchema(scenario);
        var startingPeople = scenario.Zones.Sum(z => z.Demand.StartingCaseload);
        _users = new ServiceUserTable(startingPeople * 2);
        _departures = new DepartureCalendar(scenario.HorizonWeeks);
        _providers = [.. scenario.Providers.Select((p, i) => new ProviderGrain(i, p))];
        _zones = [.. scenario.Zones.Select((z, i) => new ZoneGrain(i, z, _providers, _users))];
        _commissioners = [.. scenario.Commissioners.Select((c, i) => new CommissionerGrain(i, c, scenario.HorizonYears))];
        _pools = [.. scenario.PooledBudgets.Select(p => new PooledBudgetGrain(p, _commissioners))];
        for (var s = 0; s < FundingStreams.Count; s++)
        {
            _payerOfStream[s] = Array.FindIndex(scenario.Commissioners, c => c.Funds.Contains((FundingStream)s));
        }
        _referralRates = [.. scenario.Zones.Select(z => ReferralSchedule.Build(z.Demand, scenario.StartDate, scenario.HorizonWeeks))];
        _fundingCumulative = [.. scenario.Zones.Select(z => Cumulative(z.Demand.FundingShares))];
        _streams = [.. scenario.Zones.Select(z => new ZoneStreams(z.Id))];
    }

    /// <summary>The outcome columns this market writes.</summary>
    public OutcomeSchema Schema { get; }

    /// <inheritdoc />
    public int OutcomeCount => Schema.Count;

    /// <inheritdoc />
    public void Run(ulong experimentSeed, long runIndex, Span<double> outcomes)
    {
        Reset(StreamSeeds.ForRun(experimentSeed, runIndex));
        PlaceStartingCaseload();
        for (var week = 0; week < _scenario.HorizonWeeks; week++)
        {
            Step(week);
        }
        WriteOutcomes(outcomes);
    }

    private void Reset(ulong runSeed)
    {
        _users.Clear();
        _departures.Clear();
        _totals = default;
        foreach (var p in _providers)
        {
            p.Reset();
        }
        foreach (var z in _zones)
        {
            z.Reset();
        }
        foreach (var c in _commissioners)
        {
            c.Reset();
        }
        foreach (var p in _pools)
        {
            p.Reset();
        }
        foreach (var s in _streams)
        {
            s.Reseed(runSeed);
        }
    }

    private void PlaceStartingCaseload()
    {
        foreach (var zone in _zones)
        {
            var demand = zone.Spec.Demand;
            var random = _streams[zone.Index].StartingCaseload;
            for (var i = 0; i < demand.StartingCaseload; i++)
            {
                var hours = QuarterHours(demand.WeeklyHours.Sample(random));
                var remainingWeeks = demand.PackageLengthWeeks.SampleResidual(random);
                var funding = DrawFunding(zone.Index, random);
                Admit(zone, hours, funding, remainingWeeks);
            }
        }
    }

    private void Step(int week)
    {
        for (var slot = _departures.First(week); slot != ServiceUserTable.None;)
        {
            var next = _users.DepartureNext[slot];
            Leave(slot);
            slot = next;
        }
        foreach (var zone in _zones)
        {
            RebrokerWaiting(zone);
        }
        foreach (var zone in _zones)
        {
            Refer(zone, week);
        }
        DeliverAndPay(week);
        CloseWeek(week);
    }

    private void Refer(ZoneGrain zone, int week)
    {
        var demand = zone.Spec.Demand;
        var random = _streams[zone.Index].Referrals;
        var rate = _referralRates[zone.Index][week];
        var referrals = rate > 0 ? Poisson.Sample(random, rate) : 0;
        _totals.Referrals += referrals;
        for (var i = 0; i < referrals; i++)
        {
            var hours = QuarterHours(demand.WeeklyHours.Sample(random));
            var lengthWeeks = demand.PackageLengthWeeks.Sample(random);
            var arrivalInWeek = random.NextDouble();
            var funding = DrawFunding(zone.Index, random);
            var end = week + arrivalInWeek + lengthWeeks;
            if (end > week + 1)
            {
                Admit(zone, hours, funding, end);
            }
        }
    }

    /// <summary>Files a new service user to leave at time <paramref name="endWeeks"/> and brokers the package.</summary>
    private void Admit(ZoneGrain zone, double hours, FundingStream funding, double endWeeks)
    {
        var slot = _users.Add(zone.Index, hours, funding);
        var departureWeek = endWeeks >= _scenario.HorizonWeeks ? _scenario.HorizonWeeks : (int)Math.Ceiling(endWeeks) - 1;
        _departures.File(_users, slot, departureWeek);
        var provider = zone.Broker(hours, funding);
        if (provider is null)
        {
            zone.Waiting.Enqueue(slot);
        }
        else
        {
            _users.Provider[slot] = provider.Index;
        }
    }

    private void Leave(int slot)
    {
        var provider = _users.Provider[slot];
        if (provider == ServiceUserTable.None)
        {
            _zones[_users.Zone[slot]].Waiting.Remove(slot);
        }
        else
        {
            _providers[provider].Release(_users.WeeklyHours[slot], _users.Funding[slot]);
        }
        _users.Remove(slot);
    }

    private void RebrokerWaiting(ZoneGrain zone)
    {
        for (var slot = zone.Waiting.Head; slot != ServiceUserTable.None;)
        {
            var next = _users.Next[slot];
            var provider = zone.Broker(_users.WeeklyHours[slot], _users.Funding[slot]);
            if (provider is not null)
            {
                zone.Waiting.Remove(slot);
                _users.Provider[slot] = provider.Index;
            }
            slot = next;
        }
    }

    private void DeliverAndPay(int week)
    {
        Array.Clear(_hoursByStream);
        Array.Clear(_poundsByStream);
        foreach (var p in _providers)
        {
            p.DeliverWeek(_hoursByStream, _poundsByStream);
            if (p.Spec.Role == ProviderRole.Spot)
            {
                _totals.SpotHours += p.CommittedWeeklyHours;
            }
        }
        var year = week / MarketScenario.WeeksPerYear;
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
        if (week < Weeks4)
        {
            _totals.PaidHoursFirstMonth += paidHours;
        }
    }

    private void CloseWeek(int week)
    {
        var waiting = 0;
        foreach (var zone in _zones)
        {
            zone.CloseWeek();
            waiting += zone.Waiting.Count;
        }
        _totals.PeakWaiting = Math.Max(_totals.PeakWaiting, waiting);
        _totals.WeeksWithWaiting += waiting > 0 ? 1 : 0;
        _totals.CaseloadWeeks += _users.Count;
        var weeksIntoYear = (week % MarketScenario.WeeksPerYear) + 1;
        if (weeksIntoYear == MarketScenario.WeeksPerYear || week == _scenario.HorizonWeeks - 1)
        {
            foreach (var pool in _pools)
            {
                pool.SettleYear(week / MarketScenario.WeeksPerYear, weeksIntoYear / (double)MarketScenario.WeeksPerYear);
            }
        }
    }

    private void WriteOutcomes(Span<double> o)
    {
        var weeks = _scenario.HorizonWeeks;
        o[OutcomeSchema.Referrals] = _totals.Referrals;
        o[OutcomeSchema.CaseloadMean] = _totals.CaseloadWeeks / weeks;
        o[OutcomeSchema.CaseloadFinal] = _users.Count;
        o[OutcomeSchema.PaidHoursFirstMonth] = _totals.PaidHoursFirstMonth / Math.Min(Weeks4, weeks);
        o[OutcomeSchema.PaidHoursMean] = _totals.PaidHours / weeks;
        o[OutcomeSchema.DeliveredHours] = _totals.DeliveredHours;
        o[OutcomeSchema.SpotHours] = _totals.SpotHours;
        o[OutcomeSchema.UnmetHours] = _zones.Sum(z => z.UnmetHours);
        o[OutcomeSchema.PeakWaiting] = _totals.PeakWaiting;
        o[OutcomeSchema.WeeksWithWaiting] = _totals.WeeksWithWaiting;
        o[OutcomeSchema.SelfFunderSpend] = _totals.SelfFunderSpend;
        var i = Schema.CommissionerStart;
        foreach (var c in _commissioners)
        {
            var spend = c.TotalSpendGbp();
            o[i++] = spend;
            o[i++] = spend - BudgetOverHorizon(c.Spec);
        }
        foreach (var z in _zones)
        {
            o[i++] = z.UnmetHours;
            o[i++] = z.PeakWaiting;
        }
        foreach (var p in _pools)
        {
            o[i++] = p.OverspendGbp;
            foreach (var share in p.ShareGbp)
            {
                o[i++] = share;
            }
        }
    }

    private double BudgetOverHorizon(CommissionerSpec spec)
    {
        var total = 0.0;
        for (var year = 0; year < _scenario.HorizonYears; year++)
        {
            var weeks = Math.Min(MarketScenario.WeeksPerYear, _scenario.HorizonWeeks - (year * MarketScenario.WeeksPerYear));
            total += spec.BudgetGbp(year) * weeks / MarketScenario.WeeksPerYear;
        }
        return total;
    }

    private FundingStream DrawFunding(int zone, Random random)
    {
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

    /// <summary>Care is commissioned in 15-minute units: at least a quarter hour a week.</summary>
    private static double QuarterHours(double hours) => Math.Max(0.25, Math.Round(hours * 4) / 4);

    private static double[] Cumulative(double[] shares)
    {
        var c = new double[shares.Length];
        var sum = 0.0;
        for (var i = 0; i < shares.Length; i++)
        {
            sum += shares[i];
            c[i] = sum;
        }
        return c;
    }

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
    }
}
