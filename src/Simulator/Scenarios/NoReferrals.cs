using System.Globalization;
using MarketSim.Grains.Scenario;
using MarketSim.Simulator.Reports;
using YamlDotNet.RepresentationModel;
using static MarketSim.Simulator.Scenarios.YamlNodes;

namespace MarketSim.Simulator.Scenarios;

/// <summary>
/// A warning for a zone whose <c>weekly_referrals_people</c> is written as 0: allowed (a zone that only runs down
/// its caseload), but far more often a slip, and one that shows only in the results, as a zone no one is referred to.
/// </summary>
internal static class NoReferrals
{
    /// <summary>
    /// One warning for each place the file writes 0 (plainly or as <c>{ value: 0 }</c>; a distribution is left alone), naming
    /// every zone that reads it there (a demand block shared through an alias is warned about once).
    /// </summary>
    public static IEnumerable<ScenarioProblem> Of(MarketScenario scenario, ScenarioDocument document, string file)
    {
        var zones = Child(document.Root, "zones") is YamlSequenceNode list ? list.Children : [];
        var places = new Dictionary<YamlNode, (YamlNode Demand, int First, List<string> Ids)>(ReferenceEqualityComparer.Instance);
        foreach (var (i, zone) in scenario.Zones.Index())
        {
            if (zone.Demand.WeeklyReferrals == 0 && Child(zones.ElementAtOrDefault(i), "demand") is YamlMappingNode demand
                && Written(Child(demand, "weekly_referrals_people")) is { } at)
            {
                if (!places.TryGetValue(at, out var place))
                {
                    places[at] = place = (demand, i, []);
                }
                place.Ids.Add(zone.Id);
            }
        }
        return [.. places.Select(p => new ScenarioProblem(document.Origins.GetValueOrDefault(p.Value.Demand) ?? file, p.Key.Start.Line, p.Key.Start.Column,
            string.Create(CultureInfo.InvariantCulture, $"zones[{p.Value.First}].demand.weekly_referrals_people"),
            $"0 people a week: no one will be referred to {(p.Value.Ids.Count == 1 ? "zone" : "zones")} {WordList.And(p.Value.Ids)} over the whole horizon, so the caseload only falls as packages end; if that is not meant, give the number of people referred a week"))];
    }
}
