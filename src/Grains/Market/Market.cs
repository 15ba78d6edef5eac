using MarketSim.Grains.Commissioners;
using MarketSim.Grains.Demand;
using MarketSim.Grains.Outcomes;
using MarketSim.Grains.PooledBudgets;
using MarketSim.Grains.Pricing;
using MarketSim.Grains.Providers;
using MarketSim.Grains.Randomness;
using MarketSim.Grains.Scenario;
using MarketSim.Grains.Zones;

namespace MarketSim.Grains.Market;

/// <summary>
/// One simulated market: the entities of a scenario and the deterministic weekly scheduler that drives
/// them (the order of a week is in <see cref="Step"/> and docs/model.md). A run is a pure function of
/// (scenario, experiment seed, run index); the instance is reused across runs without allocating.
/// It keeps its entities in id order (<see cref="ScenarioOrder"/>) and writes its outcomes in the
/// file's order, so reordering a scenario file only relabels the results.
/// </summary>
public sealed partial class Market : IRunModel
{
    private const int FirstMonthWeeks = 4;
    private const int WeeksPerQuarter = MarketScenario.WeeksPerYear / 4;
    private readonly MarketScenario _scenario;
    private readonly ServiceUserTable _users;
    private readonly DepartureCalendar _departures;
    private readonly WeekBuckets _conversions;
    private readonly Provider[] _providers;
    private readonly Zone[] _zones;
    private readonly Commissioner[] _commissioners;
    private readonly PooledBudget[] _pools;
    private readonly int[] _payerOfStream;
    private readonly PoissonMean[][] _referralRates;
    private readonly double[][] _fundingCumulative;
    private readonly int[] _onlyFunding;
    private readonly PackageHours[] _packageHours;
    private readonly ZoneStreams[] _streams;
    private readonly StreamRandom _economyRandom = new(0);
    private readonly ulong _economyKey = StreamSeeds.StableHash("economy");
    private readonly EconomyPath _economy;
    private readonly double[] _wageShock;
    private readonly int[] _forcedExitWeek;
    private readonly bool[] _rateFrozen;
    private readonly Commissioner? _rateCapper;
    private readonly int[] _entrantJoinWeek;
    private readonly int[][] _zonesOfProvider;
    private readonly bool[] _servingEveryZone;
    private readonly ProviderSet _everyZoneProviders;
    private readonly double[] _openSpare;
    private readonly int _originalProviders;
    private readonly SelfFunderSpec _selfFunders;
    private readonly double[] _hoursByStream = new double[FundingStreams.Count];
    private readonly double[] _poundsByStream = new double[FundingStreams.Count];
    private readonly double[] _row;
    private readonly UnmetNeedCosting _unmetNeed;
    private readonly double[] _unmetHoursByStream = new double[FundingStreams.Count];
    private readonly double[] _unmetNeedCostGbp;
    private readonly double[] _meanWaitingByQuarter = [double.NaN, double.NaN, double.NaN, double.NaN];
    private readonly int[] _commissionerColumns;
    private readonly int[] _zoneColumns;
    private WeekTotals _totals;

    /// <summary>Builds the entities of <paramref name="scenario"/>; call <see cref="Run"/> for each run.</summary>
    public Market(MarketScenario scenario)
        : this(scenario, SamplerFamily.Fast)
    {
    }

    /// <summary>The same market drawing with <paramref name="samplers"/>: <see cref="SamplerFamily.MathNet"/> is the reference the tests compare the engine's samplers with.</summary>
    internal Market(MarketScenario scenario, SamplerFamily samplers)
    {
        Schema = new OutcomeSchema(scenario);
        scenario = ScenarioOrder.ById(scenario);
        _scenario = scenario;
        _commissionerColumns = [.. scenario.Commissioners.Select(c => Schema.IndexOf($"spend_gbp__{c.Id}"))];
        _zoneColumns = [.. scenario.Zones.Select(z => Schema.IndexOf($"unmet_hours__{z.Id}"))];
        _row = new double[Schema.Stride];
        var startingPeople = scenario.Zones.Sum(z => z.Demand.StartingCaseload);
        _users = new ServiceUserTable(startingPeople * 2);
        _departures = new DepartureCalendar(scenario.HorizonWeeks);
        _conversions = new WeekBuckets(scenario.HorizonWeeks);
        _originalProviders = scenario.Providers.Length;
        var providerSpecs = Entrants.WithProviders(scenario);
        var openSpare = new OpenSpareHours(providerSpecs.Length);
        _providers = [.. providerSpecs.Select((p, i) => new Provider(i, p, _users, dormant: i >= _originalProviders, openSpare, samplers))];
        _zonesOfProvider = [.. _providers.Select(p => scenario.Zones.Select((z, i) => (z, i)).Where(x => p.Spec.ZoneIds.Contains(x.z.Id)).Select(x => x.i).ToArray())];
        _servingEveryZone = [.. _providers.Select(p => _zonesOfProvider[p.Index].Length == scenario.Zones.Length)];
        _everyZoneProviders = new ProviderSet([.. _providers.Where(p => _servingEveryZone[p.Index]).Select(p => p.Index)]);
        _openSpare = openSpare.WeeklyHours;
        _waiting = new WaitingList(_users);
        _zones = [.. scenario.Zones.Select((z, i) => new Zone(i, z, _providers, _users, openSpare, _servingEveryZone, _waiting))];
        _commissioners = [.. scenario.Commissioners.Select((c, i) => new Commissioner(i, c, scenario.HorizonYears))];
        _pools = [.. scenario.PooledBudgets.Select(p => new PooledBudget(p, _commissioners))];
        _unmetNeed = new UnmetNeedCosting(scenario);
        _unmetNeedCostGbp = new double[_commissioners.Length];
        _payerOfStream = scenario.PayerOfStream();
        var shocks = scenario.Shocks ?? [];
        _referralRates = [.. scenario.Zones.Select(z => ReferralRates(z, shocks).Select(rate => new PoissonMean(rate)).ToArray())];
        _fundingCumulative = [.. scenario.Zones.Select(z => Cumulative(z.Demand.FundingShares))];
        _onlyFunding = [.. scenario.Zones.Select(z => OnlyStream(z.Demand.FundingShares))];
        _packageHours = [.. scenario.Zones.Select(z => PackageHours.Of(z.Demand.WeeklyHours))];
        _streams = [.. scenario.Zones.Select(z => new ZoneStreams(z.Id, samplers))];
        _arrivals = new Arrival[Math.Max(16, startingPeople)];
        _arrivalTimes = new double[_arrivals.Length];
        // Padded for the waiting list's search, which reads the rooms of up to eight zones as one register.
        _zoneOwnRoom = new double[Math.Max(_zones.Length, WaitingList.ZonesInOneRegister)];
        _mostSpareBeforeBrokering = new double[_zones.Length];
        _economy = new EconomyPath(scenario.Economy, scenario.HorizonYears);
        _wageShock = [.. Enumerable.Range(0, scenario.HorizonWeeks).Select(w => shocks.Where(s => s.Kind == ShockKind.Wage && w >= s.Week).Aggregate(1.0, (f, s) => f * (1 + s.Size)))];
        _forcedExitWeek = [.. _providers.Select(p => shocks.FirstOrDefault(s => s.Kind == ShockKind.ProviderExit && s.ProviderId == p.Spec.Id)?.Week ?? -1)];
        _rateFrozen = [.. Enumerable.Range(0, scenario.HorizonWeeks).Select(w => shocks.Any(s => s.Kind == ShockKind.RateFreeze && s.Covers(w)))];
        _rateCapper = Array.Find(_commissioners, c => c.Spec.Id == scenario.RateSetting?.CommissionerId);
        _entrantJoinWeek = new int[_providers.Length];
        _selfFunders = scenario.SelfFunders ?? SelfFunderSpec.Default;
        _providerRecords = [.. _providers.Select(p => new ProviderRecord(scenario.HorizonYears,
            scenario.Economy is not null && p.Spec.Costs is not null && double.IsFinite(p.Spec.FailureOrNone.ReservesGbp)))];
        (_providerBlocks, _zoneBlocks, _serviceUserBlocks, _commissionerBlocks, _poolBlocks) = EntityOffsets();
    }

    /// <summary>The outcome columns and series this market writes.</summary>
    public OutcomeSchema Schema { get; }

    /// <inheritdoc />
    public int OutcomeCount => Schema.Stride;

    /// <inheritdoc />
    public void Run(ulong experimentSeed, long runIndex, Span<double> outcomes)
    {
        Reset(StreamSeeds.ForRun(experimentSeed, runIndex));
        PlaceStartingCaseload();
        for (var week = 0; week < _scenario.HorizonWeeks; week++)
        {
            Step(week);
        }
        WriteOutcomes();
        _row.CopyTo(outcomes);
    }

    private void Reset(ulong runSeed)
    {
        _users.Clear();
        _departures.Clear();
        _conversions.Clear();
        _totals = default;
        _totals.FirstFailureWeek = -1;
        _waiting.Clear();
        Array.Clear(_row);
        Array.Fill(_entrantJoinWeek, -1);
        Array.Fill(_meanWaitingByQuarter, double.NaN);
        foreach (var p in _providers)
        {
            p.Reset(runSeed);
        }
        foreach (var r in _providerRecords)
        {
            r.Reset();
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
        _economyRandom.Reseed(StreamSeeds.ForStream(runSeed, _economyKey));
        _economy.Draw(_economyRandom);
    }

    /// <summary>
    /// One week, in this order: rates uplifted and providers' other work drifting at a year start; packages end; self-funders reaching the
    /// capital limit convert; providers take their week (returns after notice, failures, workforce,
    /// entrants joining); the waiting lists of all zones are re-brokered, oldest first; the week's
    /// referrals of all zones are brokered in order of arrival; providers deliver and are paid, and
    /// fail or hand back on the week's margin; zones count unmet hours; pooled budgets settle at a year end.
    /// </summary>
    private void Step(int week)
    {
        if (week > 0 && week % MarketScenario.WeeksPerYear == 0)
        {
            UpliftRates(week / MarketScenario.WeeksPerYear, week);
            foreach (var p in _providers)
            {
                p.StartYear();
            }
        }
        for (var slot = _departures.First(week); slot != ServiceUserTable.None;)
        {
            var next = _users[slot].DepartureNext;
            Leave(slot, week);
            slot = next;
        }
        ConvertSelfFunders(week);
        ProvidersStartWeek(week);
        RebrokerWaiting(week);
        Refer(week);
        DeliverAndPay(week);
        CloseWeek(week);
    }

    private double[] ReferralRates(ZoneSpec zone, ShockSpec[] shocks)
    {
        var rates = ReferralSchedule.Build(zone.Demand, _scenario.StartDate, _scenario.HorizonWeeks);
        foreach (var surge in shocks.Where(s => s.Kind == ShockKind.DemandSurge && s.Reaches(zone.Id)))
        {
            for (var w = Math.Max(0, surge.Week); w < Math.Min(rates.Length, surge.Week + surge.Weeks); w++)
            {
                rates[w] *= surge.Size;
            }
        }
        return rates;
    }

    /// <summary>The one funding stream of every package when only one has a share; −1 when the shares are mixed.</summary>
    private static int OnlyStream(double[] shares) => shares.Count(s => s > 0) == 1 ? Array.FindIndex(shares, s => s > 0) : -1;

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
}
