using MarketSim.Grains.Scenario;
using YamlDotNet.RepresentationModel;

namespace MarketSim.Simulator.Scenarios;

/// <summary>
/// The checks that span sections of a scenario once each section reads cleanly: every
/// zone served, every funded stream paid by exactly one commissioner.
/// </summary>
internal sealed class CrossChecks(YamlFields root, MarketScenario scenario)
{
    public void Run()
    {
        Dynamics();
        for (var i = 0; i < scenario.Zones.Length; i++)
        {
            var zone = scenario.Zones[i];
            if (!scenario.Providers.Any(p => p.ZoneIds.Contains(zone.Id)))
            {
                root.Report(Entry("zones", i), $"zones[{i}]", $"no provider serves zone '{zone.Id}'; allowed: a zone that at least one provider lists in its zones");
            }
        }
        for (var s = 0; s < FundingStreams.Count; s++)
        {
            var stream = (FundingStream)s;
            if (stream == FundingStream.SelfFunder || !scenario.Zones.Any(z => z.Demand.FundingShares[s] > 0))
            {
                continue;
            }
            var payers = scenario.Commissioners.Where(c => c.Funds.Contains(stream)).Select(c => c.Id).ToList();
            if (payers.Count != 1)
            {
                var found = payers.Count == 0 ? "no commissioner funds it" : $"it is funded by {string.Join(" and ", payers)}";
                var (node, path) = payers.Count == 0 ? (root.Node("commissioners", false), "commissioners") : Funds(stream);
                root.Report(node, path, $"zones have {FundingStreams.Names[s]} packages but {found}; allowed: exactly one commissioner whose funds list '{FundingStreams.Names[s]}'");
            }
        }
    }

    private void Dynamics()
    {
        if (scenario.Economy is null)
        {
            if (scenario.Providers.Any(p => p.Costs is not null))
            {
                root.Report(root.Node("providers", false), "providers", "providers have costs but the scenario has no economy block; allowed: an economy block (NLW path and CPI) whenever costs are modelled");
            }
            if (scenario.RateSetting?.Policy is UpliftPolicy.CpiLinked or UpliftPolicy.NlwLinked
                || scenario.RateSetting?.CappedBase is UpliftPolicy.CpiLinked or UpliftPolicy.NlwLinked)
            {
                root.Report(root.Node("rate_setting", false), "rate_setting", "an NLW- or CPI-linked policy needs an economy block; allowed: add economy, or use policy: fixed");
            }
        }
        var shocks = scenario.Shocks ?? [];
        for (var i = 0; i < shocks.Length; i++)
        {
            var shock = shocks[i];
            if (shock.Week >= scenario.HorizonWeeks)
            {
                var type = ScenarioLoader.ShockKinds.First(k => k.Value == shock.Kind).Key;
                root.Report(Field(Entry("shocks", i), "week"), $"shocks[{i}].week", $"a {type} shock at week {shock.Week} is after the horizon; allowed: a week from 0 to {scenario.HorizonWeeks - 1}");
            }
        }
        var selfFunded = scenario.Zones.Any(z => z.Demand.FundingShares[(int)FundingStream.SelfFunder] > 0);
        if (selfFunded && scenario.SelfFunders?.SavingsGbp is not null && !scenario.Commissioners.Any(c => c.Funds.Contains(FundingStream.Council)))
        {
            root.Report(root.Node("self_funders", false), "self_funders", "self-funders convert to council funding but no commissioner funds 'council'; allowed: a commissioner whose funds list 'council'");
        }
    }

    // The commissioner entry's funds that list a stream paid twice: the last such entry, which a variant adds after its base's.
    private (YamlNode? Node, string Path) Funds(FundingStream stream)
    {
        var i = Array.FindLastIndex(scenario.Commissioners, c => c.Funds.Contains(stream));
        return (Field(Entry("commissioners", i), "funds"), $"commissioners[{i}].funds");
    }

    private YamlNode? Entry(string section, int index)
    {
        var list = root.Node(section, false);
        if (YamlNodes.Child(list, "value") is { } value)
        {
            list = value;
        }
        return list is YamlSequenceNode items && index < items.Children.Count ? items.Children[index] : list;
    }

    private static YamlNode? Field(YamlNode? entry, string key) => YamlNodes.Child(entry, key) ?? entry;
}
