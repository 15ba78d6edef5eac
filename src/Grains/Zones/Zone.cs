using MarketSim.Grains.Demand;
using MarketSim.Grains.Providers;
using MarketSim.Grains.Scenario;

namespace MarketSim.Grains.Zones;

/// <summary>
/// A zone: holds its demand and brokers each package to a provider with spare capacity, the lead
/// provider first, then the framework provider with most spare hours, then a spot purchase; keeps
/// the waiting list of those nothing could take, and counts their unmet hours.
/// </summary>
public sealed class Zone
{
    private readonly Provider[] _leads;
    private readonly Provider[] _framework;
    private readonly Provider[] _spot;
    private readonly Provider[] _serving;
    private readonly ServiceUserTable _users;

    /// <summary>Creates zone <paramref name="index"/> with the providers that serve it.</summary>
    public Zone(int index, ZoneSpec spec, IReadOnlyList<Provider> providers, ServiceUserTable users)
    {
        Index = index;
        Spec = spec;
        var serving = providers.Where(p => p.Spec.ZoneIds.Contains(spec.Id)).OrderBy(p => p.Spec.Id, StringComparer.Ordinal).ToArray();
        _leads = [.. serving.Where(p => p.Spec.Role == ProviderRole.Lead)];
        _framework = [.. serving.Where(p => p.Spec.Role == ProviderRole.Framework)];
        _spot = [.. serving.Where(p => p.Spec.Role == ProviderRole.Spot)];
        _serving = [.. _leads, .. _framework, .. _spot];
        Waiting = new ServiceUserList(users);
        _users = users;
    }

    /// <summary>Its index among the market's zones, which are in id order (not the file's order).</summary>
    public int Index { get; }

    /// <summary>What the scenario says of it.</summary>
    public ZoneSpec Spec { get; }

    /// <summary>People waiting for a package in this zone.</summary>
    public ServiceUserList Waiting { get; }

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
        Waiting.Clear();
        UnmetHours = 0;
        PeakWaiting = 0;
        WeeksWithoutLead = 0;
        ProviderExits = 0;
        WaitingPeopleWeeks = 0;
        PlacedWeeklyHours = 0;
        DeliveredHours = 0;
        ServiceUsers.Reset();
    }

    /// <summary><paramref name="slot"/> joins the end of the waiting list.</summary>
    public void Wait(int slot)
    {
        Waiting.Enqueue(slot);
        ServiceUsers.StartWaiting(_users.Funding[slot], _users.WeeklyHours[slot]);
    }

    /// <summary><paramref name="slot"/> leaves the waiting list, wherever it stands.</summary>
    public void StopWaiting(int slot)
    {
        Waiting.Remove(slot);
        ServiceUsers.StopWaiting(_users.Funding[slot], _users.WeeklyHours[slot]);
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
    public Provider? Choose(double weeklyHours) =>
        FirstWithRoom(_leads, weeklyHours) ?? MostSpare(_framework, weeklyHours) ?? MostSpare(_spot, weeklyHours);

    /// <summary>The most spare hours any provider serving the zone could take on now (0 when none is taking packages).</summary>
    public double MostSpareWeeklyHours()
    {
        var most = 0.0;
        foreach (var p in _serving)
        {
            if (p.IsTakingPackages && p.SpareWeeklyHours > most)
            {
                most = p.SpareWeeklyHours;
            }
        }
        return most;
    }

    /// <summary>Ends a week: counts the unmet hours of everyone still waiting, the list's peak, and a missing lead.</summary>
    public void CloseWeek()
    {
        UnmetHours += Waiting.WeeklyHours;
        PeakWaiting = Math.Max(PeakWaiting, Waiting.Count);
        WaitingPeopleWeeks += Waiting.Count;
        ServiceUsers.CloseWeek();
        var hasLead = false;
        foreach (var lead in _leads)
        {
            hasLead |= lead.Status == Failure.ProviderStatus.Open;
        }
        WeeksWithoutLead += hasLead || _leads.Length == 0 ? 0 : 1;
    }

    private static Provider? FirstWithRoom(Provider[] candidates, double weeklyHours)
    {
        foreach (var p in candidates)
        {
            if (p.CanTake(weeklyHours))
            {
                return p;
            }
        }
        return null;
    }

    private static Provider? MostSpare(Provider[] candidates, double weeklyHours)
    {
        Provider? best = null;
        var bestSpare = double.NegativeInfinity;
        foreach (var p in candidates)
        {
            var spare = p.SpareWeeklyHours;
            if (p.IsTakingPackages && spare >= weeklyHours && spare > bestSpare)
            {
                best = p;
                bestSpare = spare;
            }
        }
        return best;
    }
}
