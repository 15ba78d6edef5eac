using System.Text.Json;
using MarketSim.Simulator.Cli;
using MarketSim.Simulator.Experiments;
using MarketSim.Simulator.Reports;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Safety;

/// <summary>
/// A results folder appears complete or not at all, even when its --out changes while the runs go on, is a symbolic
/// link, or holds old results that cannot be removed; no hidden folder is left behind.
/// </summary>
public class ResultsFolderSafetyTests
{
    private static readonly string Doncaster = Repo.Scenario("doncaster-ccash.yaml");

    [Fact]
    public void A_folder_that_appears_while_the_runs_go_on_keeps_the_results_beside_it_and_leaves_no_hidden_folder()
    {
        var parent = Repo.TempDir();
        var dir = Path.Combine(parent, "out");
        var options = new ExperimentOptions(Doncaster, 20, 3, dir, Threads: 1);

        var error = Assert.Throws<IOException>(() => Experiment.Run(options, (_, _) =>
        {
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "notes.txt"), "mine");
        }));

        Assert.Equal(
            $"--out {dir}: the folder exists and is not empty, found when the runs were done (it appeared or changed while they went on); your results are in {dir}-2 instead; nothing in {dir} was changed",
            error.Message);
        Assert.Equal(["out", "out-2"], Directory.GetFileSystemEntries(parent).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(dir).Select(Path.GetFileName));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(dir, "notes.txt")));
        Assert.Equal(20, Manifest(dir + "-2").GetProperty("runs").GetInt64());
        Assert.False(File.Exists(Path.Combine(dir + "-2", ".marketsim-staging")));
    }

    [Fact]
    public void A_refused_commit_with_nowhere_to_keep_the_results_leaves_no_hidden_folder()
    {
        var parent = Repo.TempDir();
        var dir = Path.Combine(parent, "out");
        foreach (var n in Enumerable.Range(2, 98))
        {
            Directory.CreateDirectory($"{dir}-{n}");
        }
        using (var folder = ResultsFolder.Begin(dir, overwrite: false))
        {
            File.WriteAllText(folder.File("manifest.json"), "{}");
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "notes.txt"), "mine");

            var error = Assert.Throws<IOException>(folder.Commit);

            Assert.Contains("the folder exists and is not empty", error.Message, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(Directory.GetFileSystemEntries(parent), e => Path.GetFileName(e).StartsWith('.'));
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(dir).Select(Path.GetFileName));
    }

    [Fact]
    public void Overwrite_of_a_results_folder_whose_files_cannot_be_removed_is_refused_and_changes_nothing()
    {
        var parent = Repo.TempDir();
        var dir = Path.Combine(parent, "out");
        Assert.Equal(ExitCodes.Ok, CliRun.Of("run", Doncaster, "--runs", "3", "--out", dir, "--quiet").ExitCode);
        var before = Snapshot(dir);
        var charts = Path.Combine(dir, "charts");

        CliRun run;
        using (FolderRemoval.RefuseForTests(folder => folder == charts))
        {
            run = CliRun.Of("run", Doncaster, "--runs", "4", "--out", dir, "--overwrite", "--quiet");
        }

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(
            $"error: --out {dir}: cannot replace it: the files in charts/ cannot be removed (permission denied); nothing was deleted; allowed: a results folder MarketSim wrote that you can change, or another --out",
            Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(before, Snapshot(dir));
        Assert.Equal(["out"], Directory.GetFileSystemEntries(parent).Select(Path.GetFileName));
    }

    [Fact]
    public void Old_results_that_cannot_all_be_deleted_after_the_replacement_are_a_warning_naming_what_is_left()
    {
        var parent = Repo.TempDir();
        var dir = Path.Combine(parent, "out");
        Assert.Equal(ExitCodes.Ok, CliRun.Of("run", Doncaster, "--runs", "3", "--out", dir, "--quiet").ExitCode);
        var old = Path.Combine(parent, $".out.old-{Environment.ProcessId}");

        CliRun run;
        using (FolderRemoval.RefuseForTests(folder => folder == Path.Combine(old, "charts")))
        {
            run = CliRun.Of("run", Doncaster, "--runs", "4", "--out", dir, "--overwrite", "--quiet");
        }

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(4, Manifest(dir).GetProperty("runs").GetInt64());
        Assert.Equal(
            $"warning: --out {dir}: the new results are in place, but the old ones could not all be deleted (permission denied); what is left of them is in .out.old-{Environment.ProcessId} beside it, for you to delete",
            Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(old, "charts")));
        Assert.False(File.Exists(Path.Combine(old, "runs.csv")));
    }

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

    private static JsonElement Manifest(string dir) => JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json"))).RootElement;

    private static Dictionary<string, string> Snapshot(string dir) =>
        Directory.GetFiles(dir, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(dir, f), File.ReadAllText);
}
