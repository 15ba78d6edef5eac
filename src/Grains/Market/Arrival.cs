using MarketSim.Grains.Scenario;

namespace MarketSim.Grains.Market;

/// <summary>
/// A person drawn this week (or for the starting caseload) and waiting to be brokered: the market
/// draws every zone's arrivals first, zone by zone in index order (which follows the zone ids), then
/// brokers them all in the order of <see cref="ArrivalSorter"/>; never by the order of the scenario file.
/// </summary>
/// <param name="AtWeeks">Model time of arrival (weeks): week + uniform fraction; the starting caseload's is in [−1, 0).</param>
/// <param name="Zone">The zone's index in the market (zones are ordered by id).</param>
/// <param name="WeeklyHours">Care hours a week of the package.</param>
/// <param name="EndWeeks">Model time the package ends (weeks).</param>
/// <param name="Funding">Who pays.</param>
internal readonly record struct Arrival(double AtWeeks, int Zone, double WeeklyHours, double EndWeeks, FundingStream Funding);
