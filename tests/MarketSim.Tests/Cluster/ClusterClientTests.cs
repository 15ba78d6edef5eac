using System.Text.Json;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Cluster;

/// <summary>
/// What the cluster's clients print and write on a cluster of one real silo process: `cluster status`
/// before any experiment, and the manifest of a `run --cluster`.
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

    [Fact]
    public void A_cluster_runs_manifest_records_no_threads_of_the_client_machine_but_that_the_silos_ran_the_runs()
    {
        using var cluster = new ProcessCluster();
        cluster.Start(1);
        var outDir = Path.Combine(Repo.TempDir(), "results");

        var run = CliRun.Of("run", Repo.Scenario("doncaster-ccash.yaml"), "--runs", "200", "--seed", "1", "--out", outDir, "--cluster", cluster.Redis.Uri, "--quiet");

        Assert.True(run.ExitCode == 0, run.Error);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "manifest.json")));
        var root = manifest.RootElement;
        Assert.Equal("cluster", root.GetProperty("silo").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("threads").ValueKind);
        Assert.Equal("the runs ran on the cluster's silos, each on the run threads of its own --threads", root.GetProperty("threads_note").GetString());
        Assert.Equal("marketsim run scenario.yaml --runs 200 --seed 1", root.GetProperty("reproduce").GetString());
    }
}
