using MarketSim.Tests.Support;

namespace MarketSim.Tests.Cluster;

/// <summary>The child-process log the silo tests wait on: lines arrive in order, and a missing line fails with the log.</summary>
public class ChildProcessLogTests
{
    [Fact]
    public void A_printed_line_is_found_and_kept_in_the_log()
    {
        using var process = new MarketSimProcess(Repo.TempDir(), null, "--version");

        var line = process.WaitForLine("0.1.0", TimeSpan.FromSeconds(60));

        Assert.StartsWith("0.1.0", line, StringComparison.Ordinal);
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)));
        Assert.Contains(line, process.Log, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_that_never_comes_fails_when_the_process_ends_with_its_log()
    {
        using var process = new MarketSimProcess(Repo.TempDir(), null, "no-such-command");

        var ex = Assert.Throws<TimeoutException>(() => process.WaitForLine("never printed", TimeSpan.FromSeconds(60)));

        Assert.Contains("closed its output", ex.Message, StringComparison.Ordinal);
        Assert.Contains("no-such-command", ex.Message, StringComparison.Ordinal);
    }
}
