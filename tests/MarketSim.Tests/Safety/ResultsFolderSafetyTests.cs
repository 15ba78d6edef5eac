using MarketSim.Simulator.Cli;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Safety;

/// <summary>
/// A results folder appears complete or not at all, even when its --out is a symbolic link; no hidden folder is left behind.
/// </summary>
public class ResultsFolderSafetyTests
{
    private static readonly string Doncaster = Repo.Scenario("doncaster-ccash.yaml");

    [Fact]
    public void An_out_option_that_is_a_symbolic_link_is_refused_and_the_link_and_its_target_are_untouched()
    {
        var parent = Repo.TempDir();
        var real = Directory.CreateDirectory(Path.Combine(parent, "real")).FullName;
        var link = Path.Combine(parent, "link");
        File.CreateSymbolicLink(link, real);

        var run = CliRun.Of("run", Doncaster, "--runs", "3", "--out", link, "--quiet");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(
            $"error: --out {link}: is a symbolic link (to {real}); nothing was written; allowed: a folder path that is not a link (give the link's target, {real})",
            Assert.Single(run.ErrorLines));
        Assert.Equal(real, new FileInfo(link).LinkTarget);
        Assert.Empty(Directory.GetFileSystemEntries(real));
        Assert.Equal(["link", "real"], Directory.GetFileSystemEntries(parent).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Overwrite_through_a_symbolic_link_is_refused_and_the_results_it_points_to_stay()
    {
        var parent = Repo.TempDir();
        var results = Path.Combine(parent, "bigdisk", "results");
        Assert.Equal(ExitCodes.Ok, CliRun.Of("run", Doncaster, "--runs", "3", "--out", results, "--quiet").ExitCode);
        var before = Snapshot(results);
        var link = Path.Combine(parent, "res");
        File.CreateSymbolicLink(link, "bigdisk/results");

        var run = CliRun.Of("run", Doncaster, "--runs", "4", "--out", link + "/", "--overwrite", "--quiet");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(": is a symbolic link (to bigdisk/results)", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Equal("bigdisk/results", new FileInfo(link).LinkTarget);
        Assert.Equal(before, Snapshot(results));
        Assert.Equal(["bigdisk", "res"], Directory.GetFileSystemEntries(parent).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_broken_symbolic_link_as_out_is_refused_as_a_broken_link()
    {
        var parent = Repo.TempDir();
        var link = Path.Combine(parent, "res");
        File.CreateSymbolicLink(link, "nowhere");

        var run = CliRun.Of("run", Doncaster, "--runs", "3", "--out", link, "--quiet");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(
            $"error: --out {link}: is a broken symbolic link (to nowhere, which does not exist); nothing was written; allowed: a folder path that is not a link",
            Assert.Single(run.ErrorLines));
        Assert.Equal("nowhere", new FileInfo(link).LinkTarget);
        Assert.Equal(["res"], Directory.GetFileSystemEntries(parent).Select(Path.GetFileName));
    }

    private static Dictionary<string, string> Snapshot(string dir) =>
        Directory.GetFiles(dir, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(dir, f), File.ReadAllText);
}
