using MarketSim.Grains.Scenario;

namespace MarketSim.Grains.Providers;

/// <summary>
/// A home-care provider: its capacity in care hours a week, the hours it has taken on (by funding
/// stream, so that each commissioner is billed for its own), and what it has delivered.
/// Capacity and rate are state, not spec, because workforce and pricing will move them.
/// </summary>
public sealed class ProviderGrain
{
    private readonly double[] _committedByStream = new double[FundingStreams.Count];

    /// <summary>Creates the provider of scenario index <paramref name="index"/>.</summary>
    public ProviderGrain(int index, ProviderSpec spec)
    {
        Index = index;
        Spec = spec;
    }

    /// <summary>Its index in the scenario's provider list.</summary>
    public int Index { get; }

    /// <summary>What the scenario says of it.</summary>
    public ProviderSpec Spec { get; }

    /// <summary>Care hours a week it can deliver now.</summary>
    public double CapacityWeeklyHours { get; private set; }

    /// <summary>The hourly rate it is paid now (pounds an hour).</summary>
    public double RateGbpPerHour { get; private set; }

    /// <summary>Care hours a week of the packages it has taken on.</summary>
    public double CommittedWeeklyHours { get; private set; }

    /// <summary>Hours a week it could still take on.</summary>
    public double SpareWeeklyHours => CapacityWeeklyHours - CommittedWeeklyHours;

    /// <summary>Care hours delivered since the run began.</summary>
    public double DeliveredHours { get; private set; }

    /// <summary>Restores the starting state for a new run.</summary>
    public void Reset()
    {
        CapacityWeeklyHours = Spec.CapacityWeeklyHours;
        RateGbpPerHour = Spec.RateGbpPerHour;
        CommittedWeeklyHours = 0;
        DeliveredHours = 0;
        Array.Clear(_committedByStream);
    }

    /// <summary>Whether a package of <paramref name="weeklyHours"/> fits in its spare capacity.</summary>
    public bool CanTake(double weeklyHours) => weeklyHours <= SpareWeeklyHours;

    /// <summary>Takes on a package (the caller has checked <see cref="CanTake"/>).</summary>
    public void Accept(double weeklyHours, FundingStream funding)
    {
        CommittedWeeklyHours += weeklyHours;
        _committedByStream[(int)funding] += weeklyHours;
    }

    /// <summary>A package it delivered has ended.</summary>
    public void Release(double weeklyHours, FundingStream funding)
    {
        CommittedWeeklyHours -= weeklyHours;
        _committedByStream[(int)funding] -= weeklyHours;
    }

    /// <summary>
    /// Delivers one week of care: adds the hours to <paramref name="hoursByStream"/> and what they cost
    /// to <paramref name="poundsByStream"/>, both indexed by <see cref="FundingStream"/>.
    /// </summary>
    public void DeliverWeek(Span<double> hoursByStream, Span<double> poundsByStream)
    {
        for (var s = 0; s < FundingStreams.Count; s++)
        {
            hoursByStream[s] += _committedByStream[s];
            poundsByStream[s] += _committedByStream[s] * RateGbpPerHour;
        }
        DeliveredHours += CommittedWeeklyHours;
    }
}
