using MarketSim.Grains.Outcomes;
using MarketSim.Grains.Scenario;

namespace MarketSim.Grains.Demand;

/// <summary>
/// What the service users of one zone and one funding stream report per run, in block order. There
/// is a block for each zone and each stream with a positive funding share in that zone.
/// </summary>
public static class ServiceUserMetrics
{
#pragma warning disable CS1591 // indices into the block, named after their metrics
    public const int Referrals = 0;
    public const int MeanWait = 1;
    public const int UnmetHours = 2;
    public const int SelfFunderConversions = 3;
#pragma warning restore CS1591

    private const string Separator = "__";

    /// <summary>The metrics of a service-user block.</summary>
    public static IReadOnlyList<EntityMetric> All { get; } =
    [
        new("referrals", "people", "New packages referred over the horizon in the zone with this funder at referral (including those that started and ended inside one week)"),
        new("mean_wait_weeks", "weeks", "Mean weeks from referral to first placement, over the referrals placed (0: placed in the week referred); empty when none was placed", true),
        new("unmet_hours", "hours", "Care hours of need of this funder's waiting service users not delivered"),
        new("self_funder_conversions", "people", "Self-funders who reached the capital limit and became council-funded (0 for other funders)"),
    ];

    /// <summary>The block id of the service users of <paramref name="zoneId"/> funded by <paramref name="stream"/>: <c>ZONE__STREAM</c>.</summary>
    public static string BlockId(string zoneId, FundingStream stream) => zoneId + Separator + FundingStreams.Names[(int)stream];

    /// <summary>The zone and funding stream of a block id made by <see cref="BlockId"/>.</summary>
    public static (string ZoneId, FundingStream Stream) Parse(string blockId)
    {
        var cut = blockId.LastIndexOf(Separator, StringComparison.Ordinal);
        var stream = cut < 0 ? -1 : Array.IndexOf(FundingStreams.Names, blockId[(cut + Separator.Length)..]);
        if (stream < 0)
        {
            throw new ArgumentException($"'{blockId}' is not a service-user block id (ZONE__STREAM).", nameof(blockId));
        }
        return (blockId[..cut], (FundingStream)stream);
    }

    /// <summary>The funding streams of <paramref name="zone"/> that have a block: those with a positive share.</summary>
    public static IEnumerable<FundingStream> StreamsOf(ZoneSpec zone)
    {
        for (var s = 0; s < FundingStreams.Count && s < zone.Demand.FundingShares.Length; s++)
        {
            if (zone.Demand.FundingShares[s] > 0)
            {
                yield return (FundingStream)s;
            }
        }
    }
}
