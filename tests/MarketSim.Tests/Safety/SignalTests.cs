using System.Runtime.InteropServices;
using System.Text.Json;
using MarketSim.Silo.Hosting;
using MarketSim.Simulator.Cli;
using MarketSim.Simulator.Experiments;
using MarketSim.Simulator.Scenarios;
using MarketSim.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MarketSim.Tests.Safety;

/// <summary>SIGINT, SIGTERM and SIGHUP stop cleanly: one line, no staging folder, 128 + signal, and the finished runs kept.</summary>
public class SignalTests
{
    private static readonly string Doncaster = Repo.Scenario("doncaster-ccash.yaml");

    [Theory]
    [InlineData("TERM", ExitCodes.Terminated, "SIGTERM")]
    [InlineData("HUP", ExitCodes.HungUp, "SIGHUP")]
    [InlineData("INT", ExitCodes.Cancelled, "SIGINT")]
    public void A_signal_mid_run_keeps_the_finished_runs_which_equal_a_shorter_run_byte_for_byte(string signal, int exitCode, string named)
    {
        var parent = Repo.TempDir();
        var dir = Path.Combine(parent, "out");
        using var process = new MarketSimProcess(parent, null, "run", Doncaster, "--runs", "5000000", "--seed", "3", "--threads", "2", "--out", dir);
        WaitForRuns(parent, process, minimumBytes: 200_000);

        process.Signal(signal);

        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "marketsim did not stop within 60 s of the signal");
        Assert.Equal(exitCode, process.ExitCode);
        var lines = process.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("progress:", StringComparison.Ordinal)).ToList();
        Assert.Contains(named, Assert.Single(lines));
        Assert.Equal(["out"], Directory.GetFileSystemEntries(parent).Select(Path.GetFileName));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
        Assert.Equal("interrupted", manifest.RootElement.GetProperty("stop_reason").GetString());
        var runs = manifest.RootElement.GetProperty("runs").GetInt64();
        Assert.InRange(runs, 1, 4_999_999);
        Assert.Equal(runs + 1, File.ReadLines(Path.Combine(dir, "runs.csv")).LongCount());

        var shorter = Path.Combine(Repo.TempDir(), "shorter");
        Assert.Equal(ExitCodes.Ok, CliRun.Of("run", Doncaster, "--runs", runs.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", "3", "--out", shorter, "--quiet").ExitCode);
        foreach (var file in new[] { "runs.csv", "summary.json", "series.csv" })
        {
            Assert.True(File.ReadAllBytes(Path.Combine(shorter, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(dir, file))), $"{file} differs from a run of {runs} runs");
        }
    }

    [Fact]
    public void A_signal_during_sensitivity_leaves_no_staging_folder()
    {
        var parent = Repo.TempDir();
        using var process = new MarketSimProcess(parent, null, "sensitivity", Doncaster, "--vary", "zones.*.demand.annual_growth=0..0.04", "--runs", "2000000", "--out", Path.Combine(parent, "out"));
        WaitForStaging(parent, process);

        process.Signal("TERM");

        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)));
        Assert.True(process.ExitCode == ExitCodes.Terminated, $"exit code {process.ExitCode}, not {ExitCodes.Terminated}: {process.Error}");
        Assert.Contains("SIGTERM", process.Error);
        Assert.Empty(Directory.GetFileSystemEntries(parent));
    }

    [Fact]
    public void A_signal_during_sobol_sensitivity_leaves_no_staging_folder()
    {
        var parent = Repo.TempDir();
        using var process = new MarketSimProcess(parent, null, "sensitivity", Repo.Scenario("doncaster-uncertain.yaml"), "--method", "sobol", "--base-runs", "50000", "--out", Path.Combine(parent, "out"));
        WaitForStaging(parent, process);

        process.Signal("TERM");

        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)));
        Assert.True(process.ExitCode == ExitCodes.Terminated, $"exit code {process.ExitCode}, not {ExitCodes.Terminated}: {process.Error}");
        Assert.Contains("SIGTERM", process.Error);
        Assert.Empty(Directory.GetFileSystemEntries(parent));
    }

    [Fact]
    public async Task The_embedded_silo_leaves_stop_signals_to_the_command()
    {
        // The host's default console lifetime would stop the silo as SIGTERM arrives, under the runs in flight.
        await using var silo = await EmbeddedSilo.Start(ScenarioCompiler.Instance, threads: 1);

        Assert.IsType<CommandLifetime>(silo.Services.GetRequiredService<IHostLifetime>());
    }

    [Fact]
    public void A_host_inside_a_command_has_no_console_lifetime_of_its_own()
    {
        // What the cluster client's host uses too: registered after the builder's own console lifetime, it replaces it.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });

        CommandLifetime.Use(builder);

        using var host = builder.Build();
        Assert.IsType<CommandLifetime>(host.Services.GetRequiredService<IHostLifetime>());
    }

    [Fact]
    public async Task A_stop_while_the_embedded_silo_starts_is_a_cancellation()
    {
        // Orleans ends a start cancelled in one of its stages with an exception of its own, which the command
        // reported as a failure (exit 1). Stops every 6 ms from 0 to 90 ms after the start cover its stages (a start
        // takes 50-80 ms here once the process is warm).
        var cancelled = 0;
        for (var afterMilliseconds = 0; afterMilliseconds <= 90; afterMilliseconds += 6)
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(afterMilliseconds));
            try
            {
                await using var silo = await EmbeddedSilo.Start(ScenarioCompiler.Instance, threads: 1, stop.Token);
            }
            catch (Exception ex)
            {
                Assert.True(ex is OperationCanceledException, $"a stop {afterMilliseconds} ms into the start ended it with {ex.GetType().Name}: {ex.Message}");
                cancelled++;
            }
        }
        Assert.InRange(cancelled, 1, 16);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("validate")]
    [InlineData("compare")]
    public async Task A_signal_while_a_scenario_is_a_pipe_nobody_writes_to_stops_the_command(string command)
    {
        // Before 2026-12-03 the read of such a file blocked in its opening and no signal, first or second, stopped
        // marketsim: only SIGKILL did.
        var parent = Repo.TempDir();
        var pipe = Path.Combine(Repo.TempDir(), "pipe.yaml");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [pipe]))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        string[] args = command switch
        {
            "validate" => ["validate", pipe],
            "run" => ["run", pipe, "--runs", "3", "--quiet", "--out", Path.Combine(parent, "out")],
            _ => ["compare", Doncaster, pipe, "--runs", "3", "--quiet", "--out", Path.Combine(parent, "out")],
        };
        using var interruption = new Interruption();
        var error = new StringWriter();
        var running = Task.Run(() => new MarketSimCli(TextWriter.Null, error).Invoke(args, interruption));

        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.False(running.IsCompleted, $"the read of the pipe did not wait for a writer: {error}");
        interruption.Request(PosixSignal.SIGTERM);

        Assert.Same(running, await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(30))));
        Assert.Equal(ExitCodes.Terminated, await running);
        Assert.Contains("interrupted by SIGTERM", Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(parent));
        // The read left blocked in its opening ends once a writer opens the pipe (.NET's own opening would take a lock).
        using var writer = System.Diagnostics.Process.Start("sh", ["-c", "exec 3>\"$0\"", pipe]);
        await writer.WaitForExitAsync();
    }

    [Fact]
    public void A_second_signal_stops_at_once_without_writing()
    {
        var parent = Repo.TempDir();
        using var interruption = new Interruption();
        var options = new ExperimentOptions(Doncaster, 100_000, 3, Path.Combine(parent, "out"), Threads: 2);

        var stopped = Record.Exception(() => Experiment.Run(options, (done, _) =>
        {
            if (done >= 128)
            {
                interruption.Request(PosixSignal.SIGTERM);
                interruption.Request(PosixSignal.SIGTERM);
            }
        }, interruption.Stop, interruption.Abort));

        Assert.IsAssignableFrom<OperationCanceledException>(stopped);
        Assert.Empty(Directory.GetFileSystemEntries(parent));
    }

    [Fact]
    public void A_first_signal_in_process_keeps_the_runs_delivered_so_far()
    {
        var parent = Repo.TempDir();
        using var interruption = new Interruption();
        var options = new ExperimentOptions(Doncaster, 100_000, 3, Path.Combine(parent, "out"), Threads: 2);

        using var result = Experiment.Run(options, (done, _) =>
        {
            if (done >= 128 && interruption.Signal is null)
            {
                interruption.Request(PosixSignal.SIGTERM);
            }
        }, interruption.Stop, interruption.Abort);

        Assert.True(result.Interrupted);
        Assert.InRange(result.Summary.Runs, 128, 99_999);
        Assert.Equal(ExitCodes.Terminated, interruption.ExitCode);
    }

    [Fact]
    public async Task An_interrupted_run_says_so_first_in_its_report_records_the_runs_asked_for_and_prints_the_tables_of_the_runs_kept()
    {
        var parent = Repo.TempDir();
        var dir = Path.Combine(parent, "out");
        using var interruption = new Interruption();
        var output = new StringWriter();
        var cli = Task.Run(() => new MarketSimCli(output, new StringWriter()).Invoke(["run", Doncaster, "--runs", "5000000", "--seed", "3", "--threads", "2", "--out", dir, "--quiet"], interruption));
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!Directory.GetDirectories(parent, ".out.partial-*").Select(d => new FileInfo(Path.Combine(d, "runs.csv"))).Any(f => f.Exists && f.Length >= 50_000))
        {
            Assert.NotSame(cli, await Task.WhenAny(cli, Task.Delay(100)));
            Assert.True(DateTime.UtcNow < deadline, "no runs were written within 90 s");
        }

        interruption.Request(PosixSignal.SIGINT);

        Assert.Equal(ExitCodes.Cancelled, await cli.WaitAsync(TimeSpan.FromSeconds(60)));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
        Assert.Equal(5_000_000, manifest.RootElement.GetProperty("runs_requested").GetInt64());
        var runs = manifest.RootElement.GetProperty("runs").GetInt64();
        var html = File.ReadAllText(Path.Combine(dir, "report.html"));
        var opening = html[(html.IndexOf("</h1>", StringComparison.Ordinal) + "</h1>\n".Length)..];
        Assert.StartsWith($"<p class=\"warning\">Interrupted: this run was stopped (a stop signal, or Stop in the workbench) after {runs:N0} of the 5,000,000 runs asked for.", opening, StringComparison.Ordinal);
        Assert.Contains($"{runs:N0} runs of the 5,000,000 asked for", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("P95", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Stopped: interrupted", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_signal_after_the_runs_of_a_run_keeps_every_run_says_so_and_exits_128_plus_its_number()
    {
        var dir = Path.Combine(Repo.TempDir(), "out");
        using var interruption = new Interruption();
        var error = new SignalAfterRuns(interruption, PosixSignal.SIGTERM);

        var code = new MarketSimCli(new StringWriter(), error).Invoke(["run", Doncaster, "--runs", "40", "--seed", "3", "--threads", "1", "--out", dir], interruption);

        Assert.Equal(ExitCodes.Terminated, code);
        Assert.Contains($"interrupted by SIGTERM after the runs had ended: the results of all 40 runs are written in {dir}", error.ToString(), StringComparison.Ordinal);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
        Assert.Equal(40, manifest.RootElement.GetProperty("runs").GetInt64());
    }

    [Theory]
    [InlineData("compare")]
    [InlineData("oat")]
    [InlineData("sobol")]
    public void A_signal_after_the_runs_of_compare_or_sensitivity_writes_nothing_and_exits_128_plus_its_number(string command)
    {
        var parent = Repo.TempDir();
        var dir = Path.Combine(parent, "out");
        using var interruption = new Interruption();
        var error = new SignalAfterRuns(interruption, PosixSignal.SIGINT);
        string[] args = command switch
        {
            "compare" => ["compare", Doncaster, Repo.Scenario("doncaster-lead-exit.yaml"), "--runs", "10"],
            "oat" => ["sensitivity", Doncaster, "--vary", "zones.*.demand.annual_growth=0..0.04", "--runs", "10"],
            _ => ["sensitivity", Repo.Scenario("doncaster-uncertain.yaml"), "--method", "sobol", "--base-runs", "2"],
        };

        var code = new MarketSimCli(new StringWriter(), error).Invoke([.. args, "--threads", "1", "--out", dir], interruption);

        Assert.True(code == ExitCodes.Cancelled, $"exit code {code}, not {ExitCodes.Cancelled}: {error}");
        Assert.Contains("interrupted by Ctrl+C (SIGINT): stopped cleanly; no results were written", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(parent));
    }

    private static void WaitForRuns(string parent, MarketSimProcess process, long minimumBytes)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            var csv = Directory.GetDirectories(parent, ".out.partial-*").Select(d => Path.Combine(d, "runs.csv")).FirstOrDefault(File.Exists);
            if (csv is not null && new FileInfo(csv).Length >= minimumBytes)
            {
                return;
            }
            Assert.False(process.WaitForExit(TimeSpan.FromMilliseconds(100)), $"marketsim exited early: {process.Error}");
        }
        Assert.Fail("no runs were written within 90 s");
    }

    private static void WaitForStaging(string parent, MarketSimProcess process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && Directory.GetDirectories(parent, ".out.partial-*").Length == 0)
        {
            Assert.False(process.WaitForExit(TimeSpan.FromMilliseconds(100)), $"marketsim exited early: {process.Error}");
        }
        Thread.Sleep(500);
    }
}
