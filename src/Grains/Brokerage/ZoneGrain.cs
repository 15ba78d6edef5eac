using MarketSim.Grains.Demand;
using MarketSim.Grains.Providers;
using MarketSim.Grains.Scenario;

namespace MarketSim.Grains.Brokerage;

/// <summary>
/// A zone: holds its demand and brokers each package to a provider with spare capacity, the lead
/// provider first, then the framework provider with most spare hours, then a spot purchase; keeps
/// the waiting list of those nothing could take, and counts their unmet hours.
/// </summary>
public sealed class ZoneGrain
{
    private readonly ProviderGrain[] _leads;
    private readonly ProviderGrain[] _framework;
    private readonly ProviderGrain[] _spot;

    /// <summary>Creates zone <paramref name="index"/> with the providers that serve it.</summary>
    public ZoneGrain(int index, ZoneSpec spec, IReadOnlyList<ProviderGrain> providers, ServiceUserTable users)
    {
        Index = index;
        Spec = spec;
        var serving = providers.Where(p => p.Spec.ZoneIds.Contains(spec.Id)).ToArray();
        _leads = [.. serving.Where(p => p.Spec.Role == ProviderRole.Lead)];
        _framework = [.. serving.Where(p => p.Spec.Role == ProviderRole.Framework)];
        _spot = [.. serving.Where(p => p.Spec.Role == ProviderRole.Spot)];
        Waiting = new WaitingList(users);
    }

    /// <summary>Its index in the scenario's zone list.</summary>
    public int Index { get; }

    /// <summary>What the scenario says of it.</summary>
    public ZoneSpec Spec { get; }

    /// <summary>People waiting for a package in this zone.</summary>
    public WaitingList Waiting { get; }

    /// <summary>Care hours of need not delivered because people were waiting, since the run began.</summary>
    public double UnmetHours { get; private set; }

    /// <summary>The longest the waiting list has been at the end of a week (people).</summary>
    public int PeakWaiting { get; private set; }

    /// <summary>Restores the starting state for a new run.</summary>
    public void Reset()
    {
        Waiting.Clear();
        UnmetHours = 0;
        PeakWaiting = 0;
    }

    /// <summary>
    /// Offers a package to the zone's providers in brokerage order; returns the provider that took it,
    /// or null when none has room.
    /// </summary>
    public ProviderGrain? Broker(double weeklyHours, FundingStream funding)
    {
        var chosen = FirstWithRoom(_leads, weeklyHours) ?? MostSpare(_framework, weeklyHours) ?? MostSpare(_spot, weeklyHours);
        chosen?.Accept(weeklyHours, funding);
        return chosen;
    }

    /// <summary>Ends a week: counts the unmet hours of everyone still waiting and the list's peak.</summary>
    public void CloseWeek()
    {
        UnmetHours += Waiting.WeeklyHours;
        PeakWaiting = Math.Max(PeakWaiting, Waiting.Count);
    }

    private static ProviderGrain? FirstWithRoom(ProviderGrain[] candidates, double weeklyHours)
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

    private static ProviderGrain? MostSpare(ProviderGrain[] candidates, double weeklyHours)
    {
        ProviderGrain? best = null;
        var bestSpare = double.NegativeInfinity;
        foreach (var p in candidates)
        {
            var spare = p.SpareWeeklyHours;
            if (spare >= weeklyHours && spare > bestSpare)
            {
                best = p;
                bestSpare = spare;
            }
        }
        return best;
    }
}
