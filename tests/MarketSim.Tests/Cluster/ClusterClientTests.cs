using MarketSim.Tests.Support;

namespace MarketSim.Tests.Cluster;

/// <summary>
/// What the cluster's clients print and write on a cluster of one real silo process: `cluster status`
/// before any experiment.
/// </summary>
public sealed class ClusterClientTests
{
    [Fact]
    public void Cluster_status_with_no_experiment_says_so_in_one_line_instead_of_an_empty_table()
    {
        using var cluster = new ProcessCluster();
        var silo = cluster.Start(1).Single();

        var status = CliRun.AtWidth(250, "cluster", "status", "--cluster", cluster.Redis.Uri);

        Assert.True(status.ExitCode == 0, status.Error);
        Assert.Contains(silo.Address, status.Output, StringComparison.Ordinal);
        var last = status.Output.TrimEnd('\n').Split('\n')[^1];
        Assert.Equal($"No experiments yet: start one with 'marketsim run SCENARIO --cluster {cluster.Redis.Uri}'.", last);
        Assert.DoesNotContain("Experiments", status.Output, StringComparison.Ordinal);
    }
}
