using MarketSim.Grains.Outcomes;

namespace MarketSim.Grains.Zones;

/// <summary>
/// What each zone reports per run, in block order. The first four are the numbers of its
/// <c>unmet_hours__ID</c>, <c>peak_waiting_list__ID</c>, <c>provider_exits__ID</c> and
/// <c>weeks_without_lead__ID</c> columns, exactly.
/// </summary>
public static class ZoneMetrics
{
#pragma warning disable CS1591 // indices into the block, named after their metrics
    public const int UnmetHours = 0;
    public const int PeakWaiting = 1;
    public const int ProviderExits = 2;
    public const int WeeksWithoutLead = 3;
    public const int MeanWaiting = 4;
    public const int DeliveredHours = 5;
#pragma warning restore CS1591

    /// <summary>The metrics of a zone.</summary>
    public static IReadOnlyList<EntityMetric> All { get; } =
    [
        new("unmet_hours", "hours", "Care hours of need not delivered in the zone because people were waiting (as unmet_hours__ID)"),
        new("peak_waiting_list", "people", "The zone's largest waiting list at a week's end (as peak_waiting_list__ID)"),
        new("provider_exits", "providers", "Providers serving the zone that failed, handed back or were forced out (as provider_exits__ID)"),
        new("weeks_without_lead", "weeks", "Weeks that ended with none of the zone's lead providers open (as weeks_without_lead__ID)"),
        new("mean_waiting_list", "people", "Mean over weeks of the zone's waiting list at the week's end"),
        new("delivered_hours", "hours", "Care hours delivered to the zone's service users over the horizon, whoever paid"),
    ];
}
