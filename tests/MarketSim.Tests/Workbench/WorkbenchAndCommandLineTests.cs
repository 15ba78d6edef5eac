using MarketSim.Tests.Support;

namespace MarketSim.Tests.Workbench;

/// <summary>The workbench runs experiments through the same code as `marketsim run`: the same scenario, seed and runs give the same files.</summary>
public sealed class WorkbenchAndCommandLineTests : IAsyncLifetime
{
    private readonly Support.Workbench _workbench = new();

    public Task InitializeAsync() => _workbench.InitializeAsync();

    public Task DisposeAsync() => _workbench.DisposeAsync();

    [Fact]
    public async Task The_same_experiment_from_the_workbench_and_from_marketsim_run_gives_byte_identical_runs_csv()
    {
        var id = await _workbench.StartRun("bundled/doncaster-ccash.yaml", 300, 11);

        var last = (await ProgressEvents.Read(_workbench.Client, id, TimeSpan.FromSeconds(180)))[^1];
        Assert.True(last.GetProperty("state").GetString() == "done", $"the workbench's experiment ended {last}");
        var fromWorkbench = Path.Combine(_workbench.Experiments, id);
        Assert.True(File.Exists(Path.Combine(fromWorkbench, "manifest.json")), $"{fromWorkbench} has no manifest.json");

        var fromCommandLine = Path.Combine(_workbench.Folder, "from-the-command-line");
        var cli = CliRun.Of("run", Repo.Scenario("doncaster-ccash.yaml"), "--runs", "300", "--seed", "11", "--out", fromCommandLine, "--quiet");
        Assert.True(cli.ExitCode == 0, cli.Error);

        var runs = await File.ReadAllBytesAsync(Path.Combine(fromWorkbench, "runs.csv"));
        Assert.True(runs.Length > 10_000, $"runs.csv is {runs.Length} bytes");
        Assert.Equal(runs, await File.ReadAllBytesAsync(Path.Combine(fromCommandLine, "runs.csv")));
        // summary.json names the scenario, seed and runs but no path or clock, so it is the same bytes too.
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(fromCommandLine, "summary.json")), await File.ReadAllBytesAsync(Path.Combine(fromWorkbench, "summary.json")));
    }
}
