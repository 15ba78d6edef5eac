namespace MarketSim.Simulator.Workbench.Library;

/// <summary>Finds the bundled scenarios: beside the program (a build or an install copies them there), else in the repository the program runs from.</summary>
public static class BundledScenarios
{
    private const string Marker = "doncaster-ccash.yaml";

    /// <summary>The bundled scenarios' folder, or null when none is found.</summary>
    public static string? Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "scenarios");
                if (File.Exists(Path.Combine(candidate, Marker)))
                {
                    return candidate;
                }
            }
        }
        return null;
    }
}
