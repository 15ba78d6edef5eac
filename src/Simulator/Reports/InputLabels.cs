using MarketSim.Grains.Scenario;
using MarketSim.Grains.Uncertainty;

namespace MarketSim.Simulator.Reports;

/// <summary>
/// An uncertain input in words. Most are their path's <see cref="FieldLabels"/>; one draw shared through a YAML
/// alias names every place it is used, so that the growth drawn once for six zones is not read as Zone 1's
/// ("zones › all › demand › annual growth"), while its runs.csv column keeps the first path's name.
/// </summary>
public static class InputLabels
{
    /// <summary>The words for the input named <paramref name="name"/> (its path) among <paramref name="inputs"/>; a path's words when it is not one of them.</summary>
    public static string Of(string name, IReadOnlyList<UncertainInput> inputs, MarketScenario? scenario)
    {
        foreach (var input in inputs)
        {
            if (input.Path == name)
            {
                return Of(input, scenario);
            }
        }
        return FieldLabels.Of(name, scenario);
    }

    /// <summary>The words for <paramref name="input"/> in <paramref name="scenario"/>.</summary>
    public static string Of(UncertainInput input, MarketScenario? scenario)
    {
        var paths = input.SharedPaths;
        if (paths.Count < 2)
        {
            return FieldLabels.Of(input.Path, scenario);
        }
        var split = paths.Select(p => p.Split('.')).ToArray();
        var sameShape = split.All(s => s.Length == split[0].Length);
        var differing = sameShape ? Enumerable.Range(0, split[0].Length).Where(i => split.Any(s => s[i] != split[0][i])).ToArray() : [];
        if (differing.Length != 1 || differing[0] == 0)
        {
            return $"{FieldLabels.Of(input.Path, scenario)} (one draw, shared by {paths.Count} places)";
        }
        var at = differing[0];
        var ids = split.Select(s => s[at]).Distinct().ToArray();
        var before = string.Join('.', split[0][..at]);
        var after = string.Join('.', split[0][(at + 1)..]);
        if (scenario is not null && ids.Length == EntityCount(split[0][at - 1], scenario))
        {
            return FieldLabels.Of($"{before}.*.{after}", scenario);
        }
        var names = ids.Select(id => FieldLabels.Of(id, scenario)).ToArray();
        var listed = WordList.And(names);
        return string.Join(" › ", new[] { FieldLabels.Of(before, scenario), listed, FieldLabels.Of(after, scenario) }.Where(s => s.Length > 0));
    }

    private static int EntityCount(string list, MarketScenario scenario) => list switch
    {
        "zones" => scenario.Zones.Length,
        "providers" => scenario.Providers.Length,
        "commissioners" => scenario.Commissioners.Length,
        "pooled_budgets" => scenario.PooledBudgets.Length,
        _ => -1,
    };
}
