using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using MarketSim.Grains.Demand;
using MarketSim.Grains.Failure;
using MarketSim.Grains.Randomness;
using MarketSim.Grains.Scenario;
using MarketSim.Grains.Workforce;

namespace MarketSim.Grains.Providers;

/// <summary>
/// A home-care provider: its caseload, capacity (fixed, or from its care workers), hourly rate,
/// cost per hour, reserves, and where it is in its life (open, embargoed, exiting, gone). The
/// market's scheduler sends it the week's messages; it decides for itself when it fails or hands back.
/// </summary>
public sealed class Provider
{
    private readonly double[] _committedByStream = new double[FundingStreams.Count];
    private readonly ulong _workforceKey;
    private readonly StreamRandom _workforceRandom;
    private readonly ulong _eventsKey;
    private readonly StreamRandom _eventsRandom;
    private readonly bool _dormantAtStart;
    private readonly double _weeklyHazard;
    private readonly double _weeklyEmbargoHazard;

    /// <summary>Whether either hazard can strike: when neither can, the week draws nothing from the events stream, which nothing else reads, so every run is the same to the bit.</summary>
    private readonly bool _hasHazards;
    private readonly ulong _otherWorkKey;
    private readonly StreamRandom _otherWorkRandom;
    private readonly Distribution? _otherWork;
    private readonly OtherWorkDrift? _otherWorkDrift;
    private readonly double[] _openSpare;

    /// <summary>
    /// Creates provider <paramref name="index"/>; an entrant starts <paramref name="dormant"/> until it
    /// joins. It keeps its entry of <paramref name="openSpare"/> (the market's, shared by its providers) current.
    /// Its streams draw with <paramref name="samplers"/>.
    /// </summary>
    public Provider(int index, ProviderSpec spec, ServiceUserTable users, bool dormant = false, OpenSpareHours? openSpare = null, SamplerFamily samplers = SamplerFamily.Fast)
    {
        _workforceRandom = new StreamRandom(0, samplers);
        _eventsRandom = new StreamRandom(0, samplers);
        _otherWorkRandom = new StreamRandom(0, samplers);
        Index = index;
        _openSpare = openSpare?.WeeklyHours ?? new double[index + 1];
        Spec = spec;
        Caseload = new ServiceUserList(users, index, linked: ReturnsPackagesOften(spec));
        Workforce = spec.Workforce is null ? null : new ProviderWorkforce(spec.Workforce, spec.CapacityWeeklyHours);
        _dormantAtStart = dormant;
        _workforceKey = StreamSeeds.StableHash($"provider/{spec.Id}");
        _eventsKey = StreamSeeds.StableHash($"provider/{spec.Id}/events");
        _otherWorkKey = StreamSeeds.StableHash($"provider/{spec.Id}/other_work");
        _otherWork = spec.Costs?.OtherWorkRatio();
        _otherWorkDrift = spec.Costs?.OtherWorkDrift();
        _weeklyHazard = 1 - Math.Exp(-spec.FailureOrNone.HazardPerYear / MarketScenario.WeeksPerYear);
        _weeklyEmbargoHazard = 1 - Math.Exp(-spec.FailureOrNone.EmbargoHazardPerYear / MarketScenario.WeeksPerYear);
        _hasHazards = _weeklyHazard > 0 || _weeklyEmbargoHazard > 0;
    }

    /// <summary>Its index among the market's providers.</summary>
    public int Index { get; }

    /// <summary>What the scenario says of it.</summary>
    public ProviderSpec Spec { get; }

    /// <summary>The people it delivers to, oldest package first.</summary>
    public ServiceUserList Caseload { get; }

    /// <summary>Its care workers; null when its capacity is fixed.</summary>
    public ProviderWorkforce? Workforce { get; }

    /// <summary>Where it is in its life.</summary>
    public ProviderStatus Status { get; private set; }

    /// <summary>Why it left, if it did.</summary>
    public ExitReason ExitReason { get; private set; }

    /// <summary>The week it began to leave; −1 while it has not.</summary>
    public int ExitWeek { get; private set; }

    /// <summary>The week its packages return to the zones (while <see cref="ProviderStatus.Exiting"/>).</summary>
    public int NoticeEndsWeek { get; private set; }

    /// <summary>It takes no new packages before this week (quality embargo).</summary>
    public int EmbargoedUntilWeek { get; private set; }

    /// <summary>Whether it takes new packages this week.</summary>
    public bool IsTakingPackages { get; private set; }

    /// <summary>Care hours a week it can deliver now.</summary>
    public double CapacityWeeklyHours { get; private set; }

    /// <summary>The hourly rate it is paid now (pounds an hour).</summary>
    public double RateGbpPerHour { get; private set; }

    /// <summary>Its cost of a contact hour this week (pounds), or NaN when costs are not modelled.</summary>
    public double CostPerHourGbp { get; private set; }

    /// <summary>Its reserves (pounds).</summary>
    public double ReservesGbp { get; private set; }

    /// <summary>Hours a week of other work per hour a week of its capacity this model year (drawn at the start of the run, redrawn each later year when it drifts).</summary>
    public double OtherWorkRatio { get; private set; }

    /// <summary>Consecutive weeks its income (modelled fees and its other work's margin) has been below its costs.</summary>
    public int WeeksBelowCost { get; private set; }

    /// <summary>Care hours a week of the packages it has taken on.</summary>
    public double CommittedWeeklyHours => Caseload.WeeklyHours;

    /// <summary>Hours a week it could still take on.</summary>
    public double SpareWeeklyHours => CapacityWeeklyHours - CommittedWeeklyHours;

    /// <summary>Care hours delivered since the run began.</summary>
    public double DeliveredHours { get; private set; }

    /// <summary>Restores the starting state for a new run.</summary>
    public void Reset(ulong runSeed)
    {
        _workforceRandom.Reseed(StreamSeeds.ForStream(runSeed, _workforceKey));
        _eventsRandom.Reseed(StreamSeeds.ForStream(runSeed, _eventsKey));
        Caseload.Clear();
        Array.Clear(_committedByStream);
        Status = _dormantAtStart ? ProviderStatus.Dormant : ProviderStatus.Open;
        ExitReason = ExitReason.None;
        ExitWeek = -1;
        NoticeEndsWeek = 0;
        EmbargoedUntilWeek = 0;
        RateGbpPerHour = Spec.RateGbpPerHour;
        CostPerHourGbp = double.NaN;
        ReservesGbp = Spec.FailureOrNone.ReservesGbp;
        WeeksBelowCost = 0;
        DeliveredHours = 0;
        _otherWorkRandom.Reseed(StreamSeeds.ForStream(runSeed, _otherWorkKey));
        OtherWorkRatio = _otherWork?.Sample(_otherWorkRandom) ?? 0;
        Workforce?.Reset();
        CapacityWeeklyHours = _dormantAtStart ? 0 : Workforce?.CapacityWeeklyHours ?? Spec.CapacityWeeklyHours;
        IsTakingPackages = !_dormantAtStart;
        PublishSpare();
    }

    /// <summary>At the start of a model year after the first: its other work drifts (<see cref="OtherWorkDrift"/>), from its own other-work stream.</summary>
    public void StartYear()
    {
        if (_otherWorkDrift is { } drift)
        {
            OtherWorkRatio = drift.Next(OtherWorkRatio, _otherWorkRandom);
        }
    }

    /// <summary>A dormant entrant joins the market at <paramref name="rateGbpPerHour"/>, mobilising its workforce.</summary>
    public void Join(double rateGbpPerHour)
    {
        Status = ProviderStatus.Open;
        RateGbpPerHour = rateGbpPerHour;
        Workforce?.Reset();
        CapacityWeeklyHours = Workforce?.CapacityWeeklyHours ?? Spec.CapacityWeeklyHours;
        IsTakingPackages = true;
        PublishSpare();
    }

    /// <summary>
    /// Whether it may return packages many times a run (its staff fall short of its caseload) or may fail or hand back,
    /// so its caseload is linked; a provider with fixed capacity that never fails returns them only if a shock forces
    /// it out, once, and its caseload is found by a pass over the table then (<see cref="ServiceUserList"/>).
    /// </summary>
    private static bool ReturnsPackagesOften(ProviderSpec spec)
    {
        var failure = spec.FailureOrNone;
        return spec.Workforce is not null || failure.HazardPerYear > 0 || failure.HandBackAfterWeeksBelowCost > 0 || double.IsFinite(failure.ReservesGbp);
    }

    /// <summary>Whether a package of <paramref name="weeklyHours"/> fits and it is taking packages.</summary>
    public bool CanTake(double weeklyHours) => IsTakingPackages && weeklyHours <= SpareWeeklyHours;

    /// <summary>Takes on the package of <paramref name="slot"/> (the caller has checked <see cref="CanTake"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Accept(int slot, double weeklyHours, FundingStream funding)
    {
        Caseload.Enqueue(slot);
        _committedByStream[(int)funding] += weeklyHours;
        PublishSpare();
    }

    /// <summary>A package it delivered has ended or left it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Release(int slot, double weeklyHours, FundingStream funding)
    {
        Caseload.Remove(slot);
        _committedByStream[(int)funding] -= weeklyHours;
        PublishSpare();
    }

    /// <summary>A package it delivers changes funder (a self-funder reaching the capital limit).</summary>
    public void Transfer(double weeklyHours, FundingStream from, FundingStream to)
    {
        _committedByStream[(int)from] -= weeklyHours;
        _committedByStream[(int)to] += weeklyHours;
    }

    /// <summary>Multiplies its rate by the year's uplift factor.</summary>
    public void Uplift(double factor) => RateGbpPerHour *= factor;

    /// <summary>
    /// The start of a week while open: draws the exogenous failure and embargo hazards, then the
    /// week's leavers and recruits. Returns true when the failure hazard strikes.
    /// </summary>
    /// <remarks>
    /// The hazards draw one uniform each, every week, from their own stream (<c>provider/&lt;id&gt;/events</c>),
    /// whatever the rates (none when both are zero, since nothing else reads the stream), and the workforce from <c>provider/&lt;id&gt;</c>: the week a hazard strikes depends
    /// only on the seed, the run, the provider and its hazard rate, so scenarios that differ in its capacity,
    /// workforce or embargo hazard lose it in the same week of run k (common random numbers).
    /// </remarks>
    public bool StartWeek(int week, double careWage, double outsideWage)
    {
        var failed = false;
        if (_hasHazards)
        {
            failed = _eventsRandom.NextDouble() < _weeklyHazard;
            if (_eventsRandom.NextDouble() < _weeklyEmbargoHazard && week >= EmbargoedUntilWeek)
            {
                EmbargoedUntilWeek = week + Spec.FailureOrNone.EmbargoWeeks;
            }
        }
        if (Workforce is not null && Status == ProviderStatus.Open)
        {
            Workforce.Week(_workforceRandom, careWage, outsideWage);
            CapacityWeeklyHours = Workforce.CapacityWeeklyHours;
        }
        IsTakingPackages = Status == ProviderStatus.Open && week >= EmbargoedUntilWeek;
        PublishSpare();
        return failed;
    }

    /// <summary>Starts its exit at <paramref name="week"/>: no new packages; its packages return after the notice period.</summary>
    public void BeginExit(int week, ExitReason reason)
    {
        Status = ProviderStatus.Exiting;
        ExitReason = reason;
        ExitWeek = week;
        NoticeEndsWeek = week + Spec.FailureOrNone.NoticeWeeks;
        IsTakingPackages = false;
        PublishSpare();
    }

    /// <summary>Its packages have all returned to the zones.</summary>
    public void Leave()
    {
        Status = ProviderStatus.Gone;
        CapacityWeeklyHours = 0;
        PublishSpare();
    }

    /// <summary>Writes its entry of the market's <see cref="OpenSpareHours"/>, the same value as <see cref="SpareWeeklyHours"/> while it takes packages.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void PublishSpare() => _openSpare[Index] = IsTakingPackages ? SpareWeeklyHours : double.NegativeInfinity;

    /// <summary>
    /// Delivers one week of care: adds hours and what they cost their payers to the totals (indexed by
    /// <see cref="FundingStream"/>), and, when costs are modelled at <paramref name="costPerHourGbp"/>,
    /// moves its reserves by the week's result (fees minus the cost of its hours and of the fixed costs
    /// of its idle capacity at price index <paramref name="cpiIndex"/>, plus the margin of its other
    /// work) and counts weeks in a row with a loss.
    /// </summary>
    public void DeliverWeek(Span<double> hoursByStream, Span<double> poundsByStream, double selfFunderPremium, double costPerHourGbp, double cpiIndex)
    {
        var rate = RateGbpPerHour;
        var selfFunderRate = rate * (1 + selfFunderPremium);
        AddToTotals(hoursByStream, poundsByStream, rate, selfFunderRate);
        DeliveredHours += CommittedWeeklyHours;
        CostPerHourGbp = costPerHourGbp;
        if (double.IsNaN(costPerHourGbp))
        {
            return;
        }
        var result = Spec.Costs is { } costs
            ? costs.OtherWorkMarginGbpPerWeek(OtherWorkRatio, Spec.CapacityWeeklyHours, costPerHourGbp) - costs.IdleCapacityCostGbp(Spec.CapacityWeeklyHours, CommittedWeeklyHours, cpiIndex)
            : 0;
        for (var s = 0; s < FundingStreams.Count; s++)
        {
            result += _committedByStream[s] * ((s == (int)FundingStream.SelfFunder ? selfFunderRate : rate) - costPerHourGbp);
        }
        ReservesGbp += result;
        WeeksBelowCost = result < 0 ? WeeksBelowCost + 1 : 0;
    }

    /// <summary>
    /// Adds its committed hours and what they cost each payer to the totals, by <see cref="FundingStream"/>, two
    /// streams a vector: each lane adds and multiplies as one stream at a time would, so the totals are the same to the bit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddToTotals(Span<double> hoursByStream, Span<double> poundsByStream, double rate, double selfFunderRate)
    {
        if (hoursByStream.Length < FundingStreams.Count || poundsByStream.Length < FundingStreams.Count)
        {
            throw new ArgumentException($"The totals need one entry for each of the {FundingStreams.Count} funding streams.");
        }
        ref var committed = ref MemoryMarshal.GetArrayDataReference(_committedByStream);
        ref var hours = ref MemoryMarshal.GetReference(hoursByStream);
        ref var pounds = ref MemoryMarshal.GetReference(poundsByStream);
        var councilAndNhs = Vector128.LoadUnsafe(ref committed);
        var directAndSelf = Vector128.LoadUnsafe(ref committed, 2);
        (Vector128.LoadUnsafe(ref hours) + councilAndNhs).StoreUnsafe(ref hours);
        (Vector128.LoadUnsafe(ref hours, 2) + directAndSelf).StoreUnsafe(ref hours, 2);
        (Vector128.LoadUnsafe(ref pounds) + (councilAndNhs * Vector128.Create(rate))).StoreUnsafe(ref pounds);
        (Vector128.LoadUnsafe(ref pounds, 2) + (directAndSelf * Vector128.Create(rate, selfFunderRate))).StoreUnsafe(ref pounds, 2);
    }
}
