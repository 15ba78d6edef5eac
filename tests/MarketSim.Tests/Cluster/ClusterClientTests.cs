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
        Assert.Equal(cluster.Redis.Uri, root.GetProperty("cluster").GetString());
        Assert.Matches(@"^\d{8}-\d{6}-doncaster-ccash-[0-9a-f]{6}$", root.GetProperty("experiment_id").GetString());
    }

    [Fact]
    public void Forget_removes_an_ended_experiment_from_redis_and_status_and_refuses_unknown_ids_and_a_bare_command()
    {
        using var cluster = new ProcessCluster();
        cluster.Start(1);
        var ids = new List<string>();
        foreach (var name in new[] { "first", "second" })
        {
            var outDir = Path.Combine(Repo.TempDir(), name);
            var run = CliRun.Of("run", Repo.Scenario("doncaster-ccash.yaml"), "--runs", "100", "--out", outDir, "--cluster", cluster.Redis.Uri, "--quiet");
            Assert.True(run.ExitCode == 0, run.Error);
            using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "manifest.json")));
            ids.Add(manifest.RootElement.GetProperty("experiment_id").GetString()!);
        }
        using var redis = cluster.Redis.Connect();
        var server = redis.GetServer(cluster.Redis.Address);
        int KeysOf(string id) => server.Keys(pattern: $"marketsim/state/*/{id}*").Count();
        Assert.All(ids, id => Assert.True(KeysOf(id) > 10, $"experiment {id} has {KeysOf(id)} keys in Redis before forget"));

        var bare = CliRun.Of("cluster", "forget", "--cluster", cluster.Redis.Uri);
        var unknown = CliRun.Of("cluster", "forget", "--cluster", cluster.Redis.Uri, ids[0], "no-such-experiment");
        var one = CliRun.AtWidth(250, "cluster", "forget", "--cluster", cluster.Redis.Uri, ids[0]);
        var status = CliRun.AtWidth(250, "cluster", "status", "--cluster", cluster.Redis.Uri);
        var ended = CliRun.AtWidth(250, "cluster", "forget", "--cluster", cluster.Redis.Uri, "--ended");

        Assert.True(bare.ExitCode == 2, bare.Error);
        Assert.StartsWith("error: cluster forget: no experiment named; allowed:", bare.Error, StringComparison.Ordinal);
        Assert.True(unknown.ExitCode == 2, unknown.Error);
        Assert.Equal($"error: cluster forget: experiment 'no-such-experiment' is not in the cluster at {cluster.Redis.Uri}; allowed: an ID that 'marketsim cluster status --cluster {cluster.Redis.Uri}' lists", unknown.Error.Trim());
        Assert.True(one.ExitCode == 0, one.Error);
        Assert.Equal(
            [$"forgot experiment {ids[0]} (Doncaster CCASH, finished, 100 runs delivered)", $"Forgot 1 experiment; 1 kept in the cluster at {cluster.Redis.Uri}."],
            one.Output.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain(ids[0], status.Output, StringComparison.Ordinal);
        Assert.Contains(ids[1], status.Output, StringComparison.Ordinal);
        Assert.True(ended.ExitCode == 0, ended.Error);
        Assert.EndsWith($"Forgot 1 experiment; 0 kept in the cluster at {cluster.Redis.Uri}.", ended.Output.TrimEnd('\n'), StringComparison.Ordinal);
        Assert.All(ids, id => Assert.Equal(0, KeysOf(id)));
    }

    [Fact]
    public async Task Forget_refuses_a_running_experiment_unless_forced_and_then_its_client_fails_writing_nothing()
    {
        using var cluster = new ProcessCluster();
        cluster.Start(1);
        var outDir = Path.Combine(Repo.TempDir(), "results");
        using var run = new MarketSimProcess(Repo.TempDir(), null, "run", Repo.Scenario("doncaster-ccash.yaml"), "--runs", "1000000", "--out", outDir, "--cluster", cluster.Redis.Uri, "--quiet");
        var id = await cluster.WaitForExperiment(TimeSpan.FromSeconds(60));

        var refused = CliRun.AtWidth(250, "cluster", "forget", "--cluster", cluster.Redis.Uri, id);
        var endedOnly = CliRun.AtWidth(250, "cluster", "forget", "--cluster", cluster.Redis.Uri, "--ended");
        var forced = CliRun.AtWidth(250, "cluster", "forget", "--cluster", cluster.Redis.Uri, id, "--force");

        Assert.True(refused.ExitCode == 2, refused.Error);
        Assert.Matches($"^error: cluster forget: experiment '{id}' is running \\([0-9,]+ of 1,000,000 runs delivered\\), and a client may still be taking its runs; stop that client first, or give --force", refused.Error);
        Assert.True(endedOnly.ExitCode == 0, endedOnly.Error);
        Assert.Equal("No experiment has ended; 1 running kept.", endedOnly.Output.Trim());
        Assert.True(forced.ExitCode == 0, forced.Error);
        Assert.Matches($"^forgot experiment {id} \\(Doncaster CCASH, running, [0-9,]+ runs delivered\\), cancelled first\n", forced.Output);
        Assert.True(run.WaitForExit(TimeSpan.FromSeconds(60)), $"the client did not stop within 60 s of its experiment being forgotten:\n{run.Log}");
        Assert.True(run.ExitCode == 1, $"exit code {run.ExitCode}:\n{run.Log}");
        Assert.Contains($"experiment {id} failed", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir), "the client wrote a results folder for a forgotten experiment");
    }
}
