using System.Runtime.CompilerServices;
using MarketSim.Grains.Demand;
using MarketSim.Grains.Providers;
using MarketSim.Grains.Scenario;

namespace MarketSim.Grains.Zones;

/// <summary>
/// A zone: holds its demand and brokers each package to a provider with spare capacity, the lead
/// provider first, then the framework provider with most spare hours, then a spot purchase; puts
/// those nothing could take on the market's waiting list, and counts them and their unmet hours.
/// </summary>
public sealed class Zone
{
    private readonly int[] _leads;
    private readonly ProviderSet _framework;
    private readonly ProviderSet _spot;
    private readonly ProviderSet _servingOnlySome;
    private readonly Provider[] _providers;
    private readonly double[] _openSpare;
    private readonly ServiceUserTable _users;
    private readonly LeastWaitingHours _leastWaiting = new();
    private readonly WaitingList _waiting;

    /// <summary>
    /// Creates zone <paramref name="index"/> with the providers that serve it, of the market's
    /// <paramref name="providers"/> (in index order), whose spare hours it reads from <paramref name="openSpare"/>.
    /// <paramref name="servingEveryZone"/> says, by provider index, which providers serve every zone of the
    /// market: their most spare hours the market works out once for all zones (see <see cref="MostSpareWeeklyHours"/>).
    /// The zone's waiting people join <paramref name="waiting"/>, the market's list of everyone waiting (a list of its own when null).
    /// </summary>
    public Zone(int index, ZoneSpec spec, IReadOnlyList<Provider> providers, ServiceUserTable users, OpenSpareHours openSpare, IReadOnlyList<bool>? servingEveryZone = null, WaitingList? waiting = null)
    {
        Index = index;
        Spec = spec;
        var serving = providers.Where(p => p.Spec.ZoneIds.Contains(spec.Id)).OrderBy(p => p.Spec.Id, StringComparer.Ordinal).ToArray();
        int[] Indexes(ProviderRole role) => [.. serving.Where(p => p.Spec.Role == role).Select(p => p.Index)];
        _leads = Indexes(ProviderRole.Lead);
        int[] framework = Indexes(ProviderRole.Framework);
        int[] spot = Indexes(ProviderRole.Spot);
        _framework = new ProviderSet(framework);
        _spot = new ProviderSet(spot);
        _servingOnlySome = new ProviderSet([.. _leads.Concat(framework).Concat(spot).Where(p => servingEveryZone?[p] != true)]);
        _providers = [.. providers];
        _openSpare = openSpare.WeeklyHours;
        _waiting = waiting ?? new WaitingList(users);
        _users = users;
    }

    /// <summary>Its index among the market's zones, which are in id order (not the file's order).</summary>
    public int Index { get; }

    /// <summary>What the scenario says of it.</summary>
    public ZoneSpec Spec { get; }

    /// <summary>People waiting for a package in this zone.</summary>
    public int WaitingCount { get; private set; }

    /// <summary>Care hours a week of the packages of the people waiting in this zone.</summary>
    public double WaitingWeeklyHours { get; private set; }

    /// <summary>No package on the waiting list is smaller than this (hours a week; +∞ when nobody waits).</summary>
    public double LeastWaitingWeeklyHours => _leastWaiting.WeeklyHours;

    /// <summary>Care hours of need not delivered because people were waiting, since the run began.</summary>
    public double UnmetHours { get; private set; }

    /// <summary>The longest the waiting list has been at the end of a week (people).</summary>
    public int PeakWaiting { get; private set; }

    /// <summary>Sum over weeks of the waiting list at the week's end (people × weeks).</summary>
    public double WaitingPeopleWeeks { get; private set; }

    /// <summary>Care hours a week of the zone's placed packages, at whichever provider.</summary>
    public double PlacedWeeklyHours { get; private set; }

    /// <summary>Care hours delivered to the zone's service users since the run began.</summary>
    public double DeliveredHours { get; private set; }

    /// <summary>Its service users' referrals, waits and unmet hours by funding stream.</summary>
    public ServiceUserRecord ServiceUsers { get; } = new();

    /// <summary>Restores the starting state for a new run.</summary>
    public void Reset()
    {
        WaitingCount = 0;
        WaitingWeeklyHours = 0;
        _leastWaiting.Clear();
        UnmetHours = 0;
        PeakWaiting = 0;
        WeeksWithoutLead = 0;
        ProviderExits = 0;
        WaitingPeopleWeeks = 0;
        PlacedWeeklyHours = 0;
        DeliveredHours = 0;
        ServiceUsers.Reset();
    }

    /// <summary><paramref name="slot"/> joins the end of the market's waiting list, as one of the zone's.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Wait(int slot)
    {
        _waiting.Enqueue(slot);
        ref readonly var user = ref _users[slot];
        WaitingCount++;
        WaitingWeeklyHours += user.WeeklyHours;
        _leastWaiting.Add(user.WeeklyHours);
        ServiceUsers.StartWaiting(user.Funding, user.WeeklyHours);
    }

    /// <summary><paramref name="slot"/> leaves the waiting list, wherever it stands.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StopWaiting(int slot)
    {
        _waiting.Remove(slot);
        ref readonly var user = ref _users[slot];
        WaitingCount--;
        WaitingWeeklyHours -= user.WeeklyHours;
        _leastWaiting.Remove(user.WeeklyHours);
        ServiceUsers.StopWaiting(user.Funding, user.WeeklyHours);
    }

    /// <summary>A package of the zone's of <paramref name="weeklyHours"/> has been placed with a provider.</summary>
    public void NotePlaced(double weeklyHours) => PlacedWeeklyHours += weeklyHours;

    /// <summary>A package of the zone's of <paramref name="weeklyHours"/> has left its provider.</summary>
    public void NoteUnplaced(double weeklyHours) => PlacedWeeklyHours -= weeklyHours;

    /// <summary>The week's delivery: every placed package of the zone's is delivered.</summary>
    public void Deliver() => DeliveredHours += PlacedWeeklyHours;

    /// <summary>Weeks that ended with none of the zone's lead providers open.</summary>
    public int WeeksWithoutLead { get; private set; }

    /// <summary>Providers serving the zone that failed, handed back or were forced out.</summary>
    public int ProviderExits { get; private set; }

    /// <summary>A provider serving the zone has begun to exit.</summary>
    public void NoteProviderExit() => ProviderExits++;

    /// <summary>
    /// The provider a package of <paramref name="weeklyHours"/> goes to, in brokerage order (lead, then
    /// the framework provider with most spare hours, then spot), or null when none has room. Ties
    /// (two leads with room, equal spare hours) go to the provider whose id sorts first.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Provider? Choose(double weeklyHours)
    {
        var chosen = FirstWithRoom(_leads, weeklyHours);
        if (chosen < 0)
        {
            chosen = MostSpare(_framework, weeklyHours);
        }
        if (chosen < 0)
        {
            chosen = MostSpare(_spot, weeklyHours);
        }
        return chosen < 0 ? null : _providers[chosen];
    }

    /// <summary>
    /// The most spare hours any provider serving the zone could take on now (0 when none is taking
    /// packages), given <paramref name="everyZoneMost"/>, the most of the providers serving every zone
    /// (at least 0): only the zone's other providers are read, since the market's all-zone providers
    /// would be read again for every zone.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double MostSpareWeeklyHours(double everyZoneMost) => double.MaxNative(everyZoneMost, OwnProvidersMostSpareWeeklyHours);

    /// <summary>The most spare hours of the zone's providers that do not serve every zone of the market (−∞ when none is taking packages).</summary>
    public double OwnProvidersMostSpareWeeklyHours
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _servingOnlySome.Most(_openSpare);
    }

    /// <summary>Ends a week: counts the unmet hours of everyone still waiting, the list's peak, and a missing lead.</summary>
    public void CloseWeek()
    {
        UnmetHours += WaitingWeeklyHours;
        PeakWaiting = Math.Max(PeakWaiting, WaitingCount);
        WaitingPeopleWeeks += WaitingCount;
        ServiceUsers.CloseWeek();
        var hasLead = false;
        foreach (var lead in _leads)
        {
            hasLead |= _providers[lead].Status == Failure.ProviderStatus.Open;
        }
        WeeksWithoutLead += hasLead || _leads.Length == 0 ? 0 : 1;
    }

    /// <summary>The first of <paramref name="candidates"/> (provider indexes) with room for the package; −1 when none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FirstWithRoom(int[] candidates, double weeklyHours)
    {
        var spare = _openSpare;
        foreach (var p in candidates)
        {
            if (weeklyHours <= spare[p])
            {
                return p;
            }
        }
        return -1;
    }

    /// <summary>The one of <paramref name="candidates"/> with most spare hours, if the package fits; −1 when none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int MostSpare(ProviderSet candidates, double weeklyHours)
    {
        var most = candidates.IndexOfMost(_openSpare);
        return most >= 0 && _openSpare[most] >= weeklyHours ? most : -1;
    }
}
