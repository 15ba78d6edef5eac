using System.Diagnostics;

namespace MarketSim.Tests.Support;

/// <summary>Paths inside the repository, found from the test assembly's folder, and the test run's scratch folders.</summary>
public static class Repo
{
    private const string RunPrefix = "run-";

    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The test process's own folder under the system temp folder (marketsim-tests/run-PID-…). It is deleted when the
    /// process exits normally; the test host is often ended without that, so each run also deletes the folders of
    /// earlier test processes that are no longer running. Left alone, the runs' folders filled a disk (5,877 of them, 7.7 GB).
    /// </summary>
    private static string RunScratch { get; } = CreateRunScratch();

    public static string Scenario(string fileName) => Path.Combine(Root, "scenarios", fileName);

    /// <summary>A new empty folder for one test, inside the run's scratch folder.</summary>
    public static string TempDir()
    {
        var dir = Path.Combine(RunScratch, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string CreateRunScratch()
    {
        var parent = Path.Combine(Path.GetTempPath(), "marketsim-tests");
        Directory.CreateDirectory(parent);
        foreach (var left in Directory.EnumerateDirectories(parent, RunPrefix + "*"))
        {
            if (OwnerHasExited(Path.GetFileName(left)))
            {
                TryDelete(left);
            }
        }
        var scratch = Path.Combine(parent, $"{RunPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(scratch);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(scratch);
        return scratch;
    }

    /// <summary>Whether the test process that made the scratch folder <paramref name="name"/> (run-PID-guid) is gone.</summary>
    private static bool OwnerHasExited(string name)
    {
        var parts = name.Split('-');
        if (parts.Length != 3 || !int.TryParse(parts[1], out var pid))
        {
            return false;
        }
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
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
