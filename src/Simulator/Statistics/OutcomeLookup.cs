using MarketSim.Grains.Outcomes;
using MarketSim.Simulator.Scenarios;

namespace MarketSim.Simulator.Statistics;

/// <summary>Finds an outcome column named on the command line, with a clear error when there is none.</summary>
public static class OutcomeLookup
{
    /// <summary>
    /// The index of column <paramref name="metric"/>; otherwise throws a <see cref="ScenarioException"/>
    /// naming <paramref name="option"/>, with a did-you-mean.
    /// </summary>
    public static int ColumnOrThrow(OutcomeSchema schema, string metric, string scenarioPath, string option)
    {
        var names = schema.Columns.Select(c => c.Name).ToList();
        var index = names.IndexOf(metric);
        if (index >= 0)
        {
            return index;
        }
        throw new ScenarioException([new ScenarioProblem(scenarioPath, 0, 0, option, $"'{metric}' is not an outcome of this scenario{DidYouMean.Allowed(metric, names, "a column of runs.csv (see docs/outputs.md)")}")]);
    }
}
