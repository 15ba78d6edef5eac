using MarketSim.Simulator.Cli;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Cluster;

/// <summary>A bad or unreachable --cluster is bad input: one message, exit code 2, nothing written.</summary>
public class ClusterInputTests
{
    [Fact]
    public void A_malformed_connection_string_is_reported()
    {
        var dir = Path.Combine(Repo.TempDir(), "out");

        var run = CliRun.Of("run", Repo.Scenario("doncaster-ccash.yaml"), "--runs", "5", "--out", dir, "--cluster", "Hots=nowhere", "--quiet");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("error: --cluster: 'Hots=nowhere' is not a connection string", Assert.Single(run.ErrorLines));
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void An_unreachable_server_is_reported()
    {
        var port = System.Net.Sockets.TcpListener.Create(0);
        port.Start();
        var free = ((System.Net.IPEndPoint)port.LocalEndpoint).Port;
        port.Stop();

        var run = CliRun.Of("cluster", "status", "--cluster", $"Host=127.0.0.1;Port={free};Username=nobody;Timeout=1");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("no PostgreSQL server answered", Assert.Single(run.ErrorLines));
    }
}
