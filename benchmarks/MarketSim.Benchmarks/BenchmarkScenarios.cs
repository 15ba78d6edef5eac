using MarketSim.Grains.Scenario;
using MarketSim.Simulator.Scenarios;

namespace MarketSim.Benchmarks;

/// <summary>The bundled scenarios and the benchmarks' own scenarios the benchmarks run, found from the benchmark's folder.</summary>
internal static class BenchmarkScenarios
{
    public static MarketScenario Load(string fileName) => ScenarioLoader.Load(Path(fileName));

    public static string Path(string fileName) => System.IO.Path.Combine(FindRoot(), "scenarios", fileName);

    /// <summary>A scenario kept for the benchmarks only (benchmarks/scenarios), not bundled with the engine.</summary>
    public static string BenchmarkPath(string fileName) => System.IO.Path.Combine(FindRoot(), "benchmarks", "scenarios", fileName);

    /// <summary>The repository's root folder (where MarketSim.sln is).</summary>
    public static string Root => FindRoot();

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "MarketSim.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException("Run the benchmarks from inside the MarketSim repository.");
    }
}
