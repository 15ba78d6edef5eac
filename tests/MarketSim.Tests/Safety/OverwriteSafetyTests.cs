using System.Text.Json;
using MarketSim.Simulator.Cli;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Safety;

/// <summary>--overwrite replaces only a results folder MarketSim wrote, and never deletes a user's files.</summary>
public class OverwriteSafetyTests
{
    private static readonly string Doncaster = Repo.Scenario("doncaster-ccash.yaml");

    [Fact]
    public void Overwrite_of_the_working_directory_is_refused_and_deletes_nothing()
    {
        var cwd = Repo.TempDir();
        File.WriteAllText(Path.Combine(cwd, "my-notes.txt"), "mine");

        var (code, _, error) = MarketSimProcess.Run(cwd, null, "run", Doncaster, "--runs", "3", "--out", ".", "--overwrite", "--quiet");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("the working directory", error);
        Assert.Contains("nothing was deleted", error);
        Assert.Equal(["my-notes.txt"], Directory.GetFileSystemEntries(cwd).Select(Path.GetFileName));
    }

    [Fact]
    public void Overwrite_of_a_parent_of_the_working_directory_is_refused()
    {
        var parent = Repo.TempDir();
        var cwd = Directory.CreateDirectory(Path.Combine(parent, "work")).FullName;
        File.WriteAllText(Path.Combine(parent, "keep.txt"), "mine");

        var (code, _, error) = MarketSimProcess.Run(cwd, null, "run", Doncaster, "--runs", "3", "--out", "..", "--overwrite", "--quiet");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("a parent of the working directory", error);
        Assert.Equal(["keep.txt", "work"], Directory.GetFileSystemEntries(parent).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Overwrite_of_the_home_directory_is_refused()
    {
        var home = Repo.TempDir();
        File.WriteAllText(Path.Combine(home, ".bashrc"), "mine");
        var elsewhere = Repo.TempDir();

        var (code, _, error) = MarketSimProcess.Run(elsewhere, new Dictionary<string, string> { ["HOME"] = home }, "run", Doncaster, "--runs", "3", "--out", home, "--overwrite", "--quiet");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("the home directory", error);
        Assert.Equal([".bashrc"], Directory.GetFileSystemEntries(home).Select(Path.GetFileName));
    }

    [Fact]
    public void Overwrite_of_the_root_is_refused()
    {
        var run = CliRun.Of("run", Doncaster, "--runs", "3", "--out", "/", "--overwrite", "--quiet");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("the root of the file system", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void Overwrite_of_a_folder_holding_a_users_file_is_refused_and_the_file_stays()
    {
        var dir = Path.Combine(Repo.TempDir(), "out");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "keep.txt"), "mine");

        var run = CliRun.Of("run", Doncaster, "--runs", "3", "--out", dir, "--overwrite", "--quiet");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("MarketSim did not write it", Assert.Single(run.ErrorLines));
        Assert.Equal(["keep.txt"], Directory.GetFileSystemEntries(dir).Select(Path.GetFileName));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(dir, "keep.txt")));
        Assert.Equal(["out"], Directory.GetFileSystemEntries(Path.GetDirectoryName(dir)!).Select(Path.GetFileName));
    }

    [Fact]
    public void Overwrite_of_a_results_folder_a_user_added_a_file_to_is_refused()
    {
        var dir = Path.Combine(Repo.TempDir(), "out");
        Assert.Equal(ExitCodes.Ok, CliRun.Of("run", Doncaster, "--runs", "3", "--out", dir, "--quiet").ExitCode);
        File.WriteAllText(Path.Combine(dir, "charts", "my-annotations.txt"), "mine");

        var run = CliRun.Of("run", Doncaster, "--runs", "4", "--out", dir, "--overwrite", "--quiet");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("charts/my-annotations.txt", Assert.Single(run.ErrorLines));
        Assert.True(File.Exists(Path.Combine(dir, "charts", "my-annotations.txt")));
        Assert.Equal(3, Manifest(dir).GetProperty("runs").GetInt64());
    }

    [Fact]
    public void Overwrite_of_a_results_folder_a_user_added_a_folder_to_is_refused_and_the_folder_stays()
    {
        var dir = Path.Combine(Repo.TempDir(), "out");
        Assert.Equal(ExitCodes.Ok, CliRun.Of("run", Doncaster, "--runs", "3", "--out", dir, "--quiet").ExitCode);
        Directory.CreateDirectory(Path.Combine(dir, "empty_user_dir"));
        Directory.CreateDirectory(Path.Combine(dir, "charts", "drafts"));

        var run = CliRun.Of("run", Doncaster, "--runs", "4", "--out", dir, "--overwrite", "--quiet");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("it holds 2 folders MarketSim did not write (charts/drafts/, empty_user_dir/)", line, StringComparison.Ordinal);
        Assert.Contains("nothing was deleted", line, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(dir, "empty_user_dir")));
        Assert.True(Directory.Exists(Path.Combine(dir, "charts", "drafts")));
        Assert.Equal(3, Manifest(dir).GetProperty("runs").GetInt64());
    }

    [Fact]
    public void Overwrite_replaces_a_results_folder_MarketSim_wrote_and_leaves_nothing_beside_it()
    {
        var parent = Repo.TempDir();
        var dir = Path.Combine(parent, "out");
        Assert.Equal(ExitCodes.Ok, CliRun.Of("run", Doncaster, "--runs", "3", "--out", dir, "--quiet").ExitCode);
        Assert.Equal("marketsim", Manifest(dir).GetProperty("written_by").GetString());

        var run = CliRun.Of("run", Doncaster, "--runs", "4", "--out", dir, "--overwrite", "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(4, Manifest(dir).GetProperty("runs").GetInt64());
        Assert.Equal(["out"], Directory.GetFileSystemEntries(parent).Select(Path.GetFileName));
        var listed = Manifest(dir).GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToList();
        var present = Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(present, listed);
    }

    [Fact]
    public void The_old_results_stay_when_the_replacement_does_not_complete()
    {
        var dir = Path.Combine(Repo.TempDir(), "out");
        Assert.Equal(ExitCodes.Ok, CliRun.Of("run", Doncaster, "--runs", "3", "--out", dir, "--quiet").ExitCode);
        var before = Snapshot(dir);
        using var interruption = new Interruption();
        interruption.Request(System.Runtime.InteropServices.PosixSignal.SIGTERM);

        var code = new MarketSimCli(new StringWriter(), new StringWriter()).Invoke(["run", Doncaster, "--runs", "500", "--out", dir, "--overwrite", "--quiet"], interruption);

        Assert.Equal(ExitCodes.Terminated, code);
        Assert.Equal(before, Snapshot(dir));
        Assert.Equal(["out"], Directory.GetFileSystemEntries(Path.GetDirectoryName(dir)!).Select(Path.GetFileName));
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void An_unwritable_output_folder_gives_one_line_exit_2_and_leaves_nothing()
    {
        // /sys refuses new folders even to root; an ordinary user cannot write into a folder made read-only.
        string dir;
        if (Environment.UserName == "root")
        {
            dir = "/sys/marketsim-test-results";
        }
        else
        {
            var locked = Repo.TempDir();
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            dir = Path.Combine(locked, "out");
        }

        var run = CliRun.Of("run", Doncaster, "--runs", "3", "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("permission denied", line);
        Assert.DoesNotContain(" at ", run.Error);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void A_results_folder_where_the_file_system_takes_no_new_folders_is_refused_without_the_staging_folders_name()
    {
        // /proc answers root's new folder with "not found"; anyone else is refused permission first.
        var run = CliRun.Of("run", Doncaster, "--runs", "3", "--out", "/proc/marketsim-test-results", "--quiet");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        var (why, allowed) = Environment.UserName == "root"
            ? ("the file system there takes no new folders", "a folder on a disk you can write to")
            : ("permission denied", "a folder you can write to");
        Assert.Equal($"error: --out /proc/marketsim-test-results: cannot write there ({why}); nothing was written; allowed: {allowed}",
            Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.False(Directory.Exists("/proc/marketsim-test-results"));
    }

    [Fact]
    public void A_stale_staging_folder_of_a_dead_process_is_removed_by_the_next_run_beside_it()
    {
        var parent = Repo.TempDir();
        var deadPid = DeadProcessId();
        var stale = Directory.CreateDirectory(Path.Combine(parent, $".old-run.partial-{deadPid}")).FullName;
        File.WriteAllText(Path.Combine(stale, ".marketsim-staging"), $"{deadPid} 638000000000000000\n");
        File.WriteAllText(Path.Combine(stale, "runs.csv"), "run,x\n0,1\n");
        var notOurs = Directory.CreateDirectory(Path.Combine(parent, $".photos.partial-{deadPid}")).FullName;
        File.WriteAllText(Path.Combine(notOurs, "holiday.jpg"), "mine");

        var run = CliRun.Of("run", Doncaster, "--runs", "3", "--out", Path.Combine(parent, "out"), "--quiet");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.False(Directory.Exists(stale));
        Assert.True(File.Exists(Path.Combine(notOurs, "holiday.jpg")));
    }

    [Fact]
    public void The_staging_folder_of_a_live_process_is_left_alone()
    {
        var parent = Repo.TempDir();
        using var sleeper = System.Diagnostics.Process.Start("sleep", "60")!;
        var live = Directory.CreateDirectory(Path.Combine(parent, $".other.partial-{sleeper.Id}")).FullName;
        File.WriteAllText(Path.Combine(live, ".marketsim-staging"), $"{sleeper.Id} {sleeper.StartTime.ToUniversalTime().Ticks}\n");

        var run = CliRun.Of("run", Doncaster, "--runs", "3", "--out", Path.Combine(parent, "out"), "--quiet");
        sleeper.Kill();

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.True(Directory.Exists(live));
    }

    private static int DeadProcessId()
    {
        using var p = System.Diagnostics.Process.Start("true")!;
        p.WaitForExit();
        return p.Id;
    }

    private static JsonElement Manifest(string dir) => JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json"))).RootElement;

    private static Dictionary<string, string> Snapshot(string dir) =>
        Directory.GetFiles(dir, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(dir, f), File.ReadAllText);
}
