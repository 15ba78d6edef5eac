using MarketSim.Grains.Randomness;

namespace MarketSim.Grains.Market;

/// <summary>
/// A zone's own random streams, keyed by the zone's id: one for the starting caseload and one for
/// referrals, so that changing one zone, or the starting caseload, leaves the other draws alone.
/// </summary>
internal sealed class ZoneStreams
{
    private readonly ulong _startingKey;
    private readonly ulong _referralKey;

    public ZoneStreams(string zoneId)
    {
        _startingKey = StreamSeeds.StableHash($"zone/{zoneId}/starting-caseload");
        _referralKey = StreamSeeds.StableHash($"zone/{zoneId}/referrals");
    }

    public StreamRandom StartingCaseload { get; } = new(0);

    public StreamRandom Referrals { get; } = new(0);

    public void Reseed(ulong runSeed)
    {
        StartingCaseload.Reseed(StreamSeeds.ForStream(runSeed, _startingKey));
        Referrals.Reseed(StreamSeeds.ForStream(runSeed, _referralKey));
    }
}
