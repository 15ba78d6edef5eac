using MarketSim.Grains.Scenario;

namespace MarketSim.Grains.Market;

/// <summary>
/// A person drawn this week (or for the starting caseload) and waiting to be brokered: the market
/// draws every zone's arrivals first, then brokers them all in this type's order: earliest arrival
/// first, ties by zone (its index, which follows the zone ids), then by the zone's own draw order;
/// never by the order of the scenario file.
/// </summary>
/// <param name="AtWeeks">Model time of arrival (weeks): week + uniform fraction; the starting caseload's is in [−1, 0).</param>
/// <param name="Zone">The zone's index in the market (zones are ordered by id).</param>
/// <param name="Sequence">The person's place among the zone's draws of the week, the last tie-break.</param>
/// <param name="WeeklyHours">Care hours a week of the package.</param>
/// <param name="EndWeeks">Model time the package ends (weeks).</param>
/// <param name="Funding">Who pays.</param>
internal readonly record struct Arrival(double AtWeeks, int Zone, int Sequence, double WeeklyHours, double EndWeeks, FundingStream Funding)
    : IComparable<Arrival>
{
    /// <summary>Brokerage order; sorting through <see cref="IComparable{T}"/> allocates nothing, unlike a comparer.</summary>
    public int CompareTo(Arrival other)
    {
        var byTime = AtWeeks.CompareTo(other.AtWeeks);
        if (byTime != 0)
        {
            return byTime;
        }
        var byZone = Zone.CompareTo(other.Zone);
        return byZone != 0 ? byZone : Sequence.CompareTo(other.Sequence);
    }
}
