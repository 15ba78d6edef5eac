using MarketSim.Grains.Scenario;

namespace MarketSim.Simulator.Comparison;

/// <summary>A comparison checked and ready to run: the base and each other scenario, loaded and validated, with the outcomes to pair.</summary>
/// <param name="Base">The base scenario.</param>
/// <param name="Others">Each other scenario with the outcomes it shares with the base.</param>
/// <param name="Metrics">The outcomes named with --metric, as given; empty for the default outcomes.</param>
public sealed record ComparisonPlan(ComparedScenario Base, IReadOnlyList<Counterpart> Others, IReadOnlyList<string> Metrics)
{
    /// <summary>How many scenarios are run, each with the same seed and runs.</summary>
    public int Scenarios => 1 + Others.Count;

    /// <summary>
    /// <paramref name="scenario"/>'s name in titles: its <c>name:</c>, followed by its folder in the results ("Doncaster
    /// CCASH (rate)") when another compared scenario has the same name, so that tables of copies can be told apart.
    /// </summary>
    public string Title(ComparedScenario scenario)
    {
        var sameName = new[] { Base }.Concat(Others.Select(o => o.Scenario)).Count(s => s.Scenario.Name == scenario.Scenario.Name);
        return sameName > 1 ? $"{scenario.Scenario.Name} ({scenario.Folder})" : scenario.Scenario.Name;
    }

    /// <summary>
    /// What the user should know before reading the differences: what each file warned about when it was
    /// loaded, in the order given, then each other scenario that shares no zone and no provider with the base
    /// (another market), then each that starts on another date than the base, whose run k then meets the seasons in other weeks.
    /// </summary>
    public IEnumerable<string> Warnings
    {
        get
        {
            var scenarios = new[] { Base }.Concat(Others.Select(o => o.Scenario)).ToList();
            List<(string Path, MarketScenario Scenario)> compared = [.. scenarios.Select(s => (s.Path, s.Scenario))];
            return scenarios.SelectMany(s => s.Warnings.Select(w => w.ToString()))
                .Concat(ScenarioComparison.DifferentMarketWarnings(compared))
                .Concat(ScenarioComparison.StartDateWarnings(compared));
        }
    }
}
