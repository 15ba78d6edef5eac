using System.Globalization;
using MarketSim.Silo.Hosting;
using MarketSim.Simulator.Cli;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Cli;

/// <summary>Every command with --threads warns, as run does, when it is given more threads than the machine has cores.</summary>
public sealed class ThreadsWarningTests
{
    private static readonly string Doncaster = Repo.Scenario("doncaster-ccash.yaml");
    private static readonly string Threads = (Environment.ProcessorCount + 1).ToString(CultureInfo.InvariantCulture);
    private static readonly string Warning = $"warning: --threads {Threads} is more than this machine's {Environment.ProcessorCount} cores";

    [Fact]
    public void Compare_with_more_threads_than_cores_runs_with_the_warning()
    {
        var dir = Path.Combine(Repo.TempDir(), "out");

        var compare = CliRun.Of("compare", Doncaster, Doncaster, "--runs", "4", "--threads", Threads, "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.Ok, compare.ExitCode);
        Assert.Contains(Warning, compare.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir, "compare.csv")));
    }

    [Fact]
    public void Sensitivity_with_more_threads_than_cores_runs_with_the_warning()
    {
        var dir = Path.Combine(Repo.TempDir(), "out");

        var sensitivity = CliRun.Of("sensitivity", Doncaster, "--vary", "providers.slp_a.capacity_weekly_hours=2000..3500", "--points", "2",
            "--runs", "4", "--threads", Threads, "--out", dir, "--quiet");

        Assert.Equal(ExitCodes.Ok, sensitivity.ExitCode);
        Assert.Contains(Warning, sensitivity.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir, "sensitivity.csv")));
    }

    [Fact]
    public void A_silo_with_more_threads_than_cores_warns_before_it_looks_for_the_cluster()
    {
        var port = FreePorts.Next();

        var silo = CliRun.Of("silo", "--cluster", $"redis://127.0.0.1:{port}", "--threads", Threads);

        Assert.Equal(ExitCodes.BadInput, silo.ExitCode);
        var lines = silo.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith(Warning, lines[0], StringComparison.Ordinal);
        Assert.StartsWith("error: --cluster: no Redis server answered", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_thread_per_core_or_fewer_gives_no_warning()
    {
        var writer = new StringWriter();

        ThreadsWarning.IfAboveCores(writer, Environment.ProcessorCount);
        ThreadsWarning.IfAboveCores(writer, 0);

        Assert.Equal("", writer.ToString());
    }
}
