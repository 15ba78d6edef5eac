using System.Runtime.InteropServices;
using System.Text.Json;
using MarketSim.Simulator.Cli;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Cluster;

/// <summary>
/// What the cluster's clients print and write on a cluster of real silo processes: `cluster status`
/// before any experiment and with no live silo, the manifest of a `run --cluster`, `cluster forget`,
/// and what `cluster status` and `cluster forget` say when a signal stops them.
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
        var ids = TwoEndedExperiments(cluster);
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

    [Fact]
    public async Task Status_with_no_live_silo_lists_the_silos_in_the_membership_table()
    {
        using var cluster = new ProcessCluster();
        var never = CliRun.AtWidth(250, "cluster", "status", "--cluster", cluster.Redis.Uri);
        var silos = cluster.Start(2);
        var (left, killed) = (silos[0], silos[1]);
        left.Process.Terminate();
        Assert.True(left.Process.WaitForExit(TimeSpan.FromSeconds(60)), $"the silo did not leave after SIGTERM:\n{left.Process.Log}");
        killed.Process.Kill();
        Assert.Equal(SiloStatus.Dead, await cluster.StatusOf(left));
        Assert.Equal(SiloStatus.Active, await cluster.StatusOf(killed));

        var status = CliRun.AtWidth(250, "cluster", "status", "--cluster", cluster.Redis.Uri);

        // Never a silo: the table is empty, and the error is the one it always was.
        Assert.True(never.ExitCode == 2, never.Error);
        Assert.Equal($"The membership table in Redis at {cluster.Redis.Uri} records no silo.", never.Output.Trim());
        Assert.StartsWith($"error: --cluster: no MarketSim silo answered through {cluster.Redis.Uri} within 5 s (Redis lists no running silo)", never.Error, StringComparison.Ordinal);
        // Two silos recorded, neither live: each listed with its status in the table, then the error.
        Assert.True(status.ExitCode == 2, status.Error);
        Assert.Contains("Silos (from the membership table in Redis: none answered)", status.Output, StringComparison.Ordinal);
        var lines = status.Output.Split('\n');
        Assert.Matches($@"│ {left.Address} +│ marketsim-\S+ +│ Dead +│ \d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d │ +[0-9dhms ]+ ago │", Assert.Single(lines, l => l.Contains(left.Address, StringComparison.Ordinal)));
        Assert.Matches($@"│ {killed.Address} +│ marketsim-\S+ +│ Active, not answering +│ \d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d │ +[0-9dhms ]+ ago │", Assert.Single(lines, l => l.Contains(killed.Address, StringComparison.Ordinal)));
        Assert.Equal(
            $"error: --cluster: no MarketSim silo answered through {cluster.Redis.Uri} within 5 s (the silos Redis lists did not answer; a silo killed outright stays listed until a live one declares it dead); start one with 'marketsim silo --cluster {cluster.Redis.Uri}'",
            status.Error.Trim());
    }

    [Fact]
    public void Status_stopped_by_a_signal_says_it_was_reading_the_cluster_and_did_not_change_it()
    {
        using var cluster = new ProcessCluster();
        cluster.Start(1);
        using var interruption = new Interruption();
        interruption.Request(PosixSignal.SIGTERM);
        var (output, error) = (new StringWriter(), new StringWriter());

        var code = new MarketSimCli(output, error, consoleWidth: 250).Invoke(["cluster", "status", "--cluster", cluster.Redis.Uri], interruption);

        Assert.Equal(ExitCodes.Terminated, code);
        Assert.Equal($"interrupted by SIGTERM: cluster status stopped while reading the cluster at {cluster.Redis.Uri}; the cluster was not changed", error.ToString().Trim());
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public void Forget_stopped_by_a_signal_says_how_many_it_had_forgotten_and_how_many_were_kept()
    {
        using var cluster = new ProcessCluster();
        cluster.Start(1);
        var ids = TwoEndedExperiments(cluster);
        using var interruption = new Interruption();
        var output = new SignalOnLine(interruption, PosixSignal.SIGINT, "forgot experiment ");
        var error = new StringWriter();

        var code = new MarketSimCli(output, error, consoleWidth: 250).Invoke(["cluster", "forget", "--cluster", cluster.Redis.Uri, "--ended"], interruption);

        Assert.Equal(ExitCodes.Cancelled, code);
        var forgotten = Assert.Single(ids, id => output.ToString().StartsWith($"forgot experiment {id} ", StringComparison.Ordinal));
        var kept = Assert.Single(ids, id => id != forgotten);
        Assert.Single(output.ToString().TrimEnd('\n').Split('\n'));
        Assert.Equal(
            $"interrupted by Ctrl+C (SIGINT): cluster forget stopped after forgetting 1 of the 2 experiments chosen; not forgotten: {kept}; 1 experiment kept in the cluster at {cluster.Redis.Uri}",
            error.ToString().Trim());
        using var redis = cluster.Redis.Connect();
        var server = redis.GetServer(cluster.Redis.Address);
        Assert.Empty(server.Keys(pattern: $"marketsim/state/*/{forgotten}*"));
        Assert.NotEmpty(server.Keys(pattern: $"marketsim/state/*/{kept}*"));
        var status = CliRun.AtWidth(250, "cluster", "status", "--cluster", cluster.Redis.Uri);
        Assert.Contains(kept, status.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(forgotten, status.Output, StringComparison.Ordinal);
    }

    /// <summary>Runs two small experiments on <paramref name="cluster"/> to their end and gives their ids, first and second.</summary>
    private static List<string> TwoEndedExperiments(ProcessCluster cluster)
    {
        var ids = new List<string>();
        foreach (var name in new[] { "first", "second" })
        {
            var outDir = Path.Combine(Repo.TempDir(), name);
            var run = CliRun.Of("run", Repo.Scenario("doncaster-ccash.yaml"), "--runs", "100", "--out", outDir, "--cluster", cluster.Redis.Uri, "--quiet");
            Assert.True(run.ExitCode == 0, run.Error);
            using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "manifest.json")));
            ids.Add(manifest.RootElement.GetProperty("experiment_id").GetString()!);
        }
        return ids;
    }

    /// <summary>A stdout that sends <paramref name="signal"/> once a line starting with <paramref name="prefix"/> is written: the command's first step done.</summary>
    private sealed class SignalOnLine(Interruption interruption, PosixSignal signal, string prefix) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (interruption.Signal is null && value is not null && value.StartsWith(prefix, StringComparison.Ordinal))
            {
                interruption.Request(signal);
            }
        }
    }
}
