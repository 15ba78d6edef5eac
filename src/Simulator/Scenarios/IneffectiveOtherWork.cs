using MarketSim.Grains.Scenario;
using YamlDotNet.RepresentationModel;
using static MarketSim.Simulator.Scenarios.YamlNodes;

namespace MarketSim.Simulator.Scenarios;

/// <summary>
/// Warnings for the fields of a provider's other work that a file sets but that change nothing, because
/// another field turns them off: a persistence or spread with no spread or no other work to apply to. A user
/// who sets them expects an effect, so the load says which field is the switch.
/// </summary>
internal static class IneffectiveOtherWork
{
    /// <summary>One warning for each such field where the file writes it (provider_defaults once, or a provider's own costs block).</summary>
    public static IEnumerable<ScenarioProblem> Of(MarketScenario scenario, ScenarioDocument document, string file)
    {
        var root = document.Root as YamlMappingNode;
        var defaults = Costs(Child(root, "provider_defaults"));
        var providers = Child(root, "providers") is YamlSequenceNode list ? list.Children : [];
        var warned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (i, provider) in scenario.Providers.Index())
        {
            if (provider.Costs is not { } costs)
            {
                continue;
            }
            var own = Costs(providers.ElementAtOrDefault(i));
            foreach (var (field, reason) in Reasons(costs))
            {
                var (block, path) = Child(own, field) is not null ? (own, $"providers[{i}].costs")
                    : Child(defaults, field) is not null ? (defaults, "provider_defaults.costs")
                    : (null, "");
                if (block is null || !warned.Add($"{path}.{field}"))
                {
                    continue;
                }
                var at = Child(block, field)!;
                yield return new ScenarioProblem(document.Origins.GetValueOrDefault(block) ?? file, at.Start.Line, at.Start.Column, $"{path}.{field}", reason);
            }
        }
    }

    private static IEnumerable<(string Field, string Reason)> Reasons(CostSpec costs)
    {
        if (costs.OtherWorkHoursPerCapacityHour == 0)
        {
            const string off = "has no effect while other_work_hours_per_capacity_hour is 0 (no other work); set that above 0 or leave this out";
            if (costs.OtherWorkHoursSd > 0)
            {
                yield return ("other_work_hours_sd", off);
            }
            if (costs.OtherWorkPersistence < 1)
            {
                yield return ("other_work_persistence", off);
            }
            if (costs.OtherWorkMarginOnCost > 0)
            {
                yield return ("other_work_margin_on_cost", off);
            }
        }
        else if (costs.OtherWorkHoursSd == 0 && costs.OtherWorkPersistence < 1)
        {
            yield return ("other_work_persistence", "has no effect while other_work_hours_sd is 0 (every provider's other work stays at its mean); set a spread above 0 or leave this out");
        }
    }

    private static YamlMappingNode? Costs(YamlNode? node) => Child(node as YamlMappingNode, "costs") as YamlMappingNode;
}
