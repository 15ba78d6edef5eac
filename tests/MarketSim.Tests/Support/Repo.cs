namespace MarketSim.Tests.Support;

/// <summary>Paths inside the repository, found from the test assembly's folder.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Scenario(string fileName) => Path.Combine(Root, "scenarios", fileName);

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "marketsim-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MarketSim.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("MarketSim.sln not found above the test folder.");
    }
}
