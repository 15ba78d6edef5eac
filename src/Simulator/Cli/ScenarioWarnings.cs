using MarketSim.Simulator.Scenarios;

namespace MarketSim.Simulator.Cli;

/// <summary>Prints what a scenario warns about when loaded (a repaired correlation matrix) to stderr, each line prefixed <c>warning:</c>.</summary>
internal static class ScenarioWarnings
{
    /// <summary>Prints the warnings of an already loaded scenario.</summary>
    public static void Print(MarketSimCli cli, UncertainScenario loaded)
    {
        foreach (var warning in loaded.Warnings)
        {
            cli.Error.WriteLine($"warning: {warning}");
        }
    }
}
