using MarketSim.Grains.Randomness;

namespace MarketSim.Grains.Market;

/// <summary>
/// A zone's own random streams, keyed by the zone's id: the starting caseload, referrals, and
/// self-funders' savings, so that changing one zone, the starting caseload or the savings model
/// leaves the other draws alone (common random numbers across variants).
/// </summary>
internal sealed class ZoneStreams
{
    private readonly ulong _startingKey;
    private readonly ulong _referralKey;
    private readonly ulong _savingsKey;

    public ZoneStreams(string zoneId, SamplerFamily samplers)
    {
        StartingCaseload = new StreamRandom(0, samplers);
        Referrals = new StreamRandom(0, samplers);
        Savings = new StreamRandom(0, samplers);
        _startingKey = StreamSeeds.StableHash($"zone/{zoneId}/starting-caseload");
        _referralKey = StreamSeeds.StableHash($"zone/{zoneId}/referrals");
        _savingsKey = StreamSeeds.StableHash($"zone/{zoneId}/savings");
    }

    public StreamRandom StartingCaseload { get; }

    public StreamRandom Referrals { get; }

    public StreamRandom Savings { get; }

    public void Reseed(ulong runSeed)
    {
        StartingCaseload.Reseed(StreamSeeds.ForStream(runSeed, _startingKey));
        Referrals.Reseed(StreamSeeds.ForStream(runSeed, _referralKey));
        Savings.Reseed(StreamSeeds.ForStream(runSeed, _savingsKey));
    }
}
