using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using MarketSim.Tests.Support;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace MarketSim.Tests.Cluster;

/// <summary>
/// The Orleans cluster as a user runs it: a private redis-server, `marketsim silo` child processes
/// (one worker thread each) and `marketsim run --cluster` as a child process. Silos are killed with
/// SIGKILL and Redis is restarted mid-experiment; the results folder must still equal an embedded
/// run's byte for byte, or the run must fail with one clear line and leave no folder. These tests
/// fail (not skip) when redis-server is missing.
/// </summary>
public sealed class RedisClusterTests(ITestOutputHelper output)
{
    // Enough runs for the experiment to outlast the tests' polling: with 2,000 a three-silo experiment had
    // delivered 1,740 runs by the first answer to "a sixth yet?", leaving too few for a second kill mid-way.
    private const long Runs = 6000;
    private const ulong Seed = 20261129;
    private const int BatchSize = 20;
    private static readonly string Scenario = Repo.Scenario("doncaster-ccash.yaml");
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(150);

    /// <summary>The embedded run's results folder (same scenario, seed and runs), computed once for every test here.</summary>
    private static readonly Lazy<string> EmbeddedRun = new(() =>
    {
        var outDir = Path.Combine(Repo.TempDir(), "embedded");
        var run = CliRun.Of("run", Scenario, "--runs", Runs.ToString(CultureInfo.InvariantCulture), "--seed", Seed.ToString(CultureInfo.InvariantCulture), "--out", outDir, "--quiet");
        Assert.True(run.ExitCode == 0, run.Error);
        return outDir;
    });

    [Fact]
    public async Task Killing_the_silo_hosting_the_experiment_and_then_another_changes_no_result_and_status_shows_them_dead()
    {
        var total = Stopwatch.StartNew();
        var embedded = EmbeddedRun.Value;
        output.WriteLine($"embedded run: {total.Elapsed.TotalSeconds:0.0} s");
        using var cluster = new ProcessCluster();
        cluster.Start(3);
        output.WriteLine($"3 silos joined: {total.Elapsed.TotalSeconds:0.0} s");
        var outDir = Path.Combine(Repo.TempDir(), "cluster");
        using var run = StartRun(cluster, outDir);
        var id = await cluster.WaitForExperiment(TimeSpan.FromSeconds(60));
        output.WriteLine($"experiment started: {total.Elapsed.TotalSeconds:0.0} s");

        var before = await cluster.WaitForProgress(id, p => p.RunsDelivered >= Runs / 6, TimeSpan.FromSeconds(90), "a sixth of the runs");
        Assert.True(before.Phase == "running" && before.RunsDelivered < Runs, $"the experiment was not mid-way at the first kill: {before}");
        var host = cluster.SiloAt(before.Host);
        var clock = Stopwatch.StartNew();
        host.Process.Kill();
        var hostDead = cluster.TimeUntilDead(host, TimeSpan.FromSeconds(60));
        var resumed = await cluster.WaitForProgress(id, p => StartedSilo.EndpointOf(p.Host) != host.Endpoint && p.RunsDelivered > before.RunsDelivered,
            TimeSpan.FromSeconds(60), "the experiment to deliver runs again from another silo");
        output.WriteLine($"killed host {host.Address} at {before.RunsDelivered} runs; delivering again from {resumed.Host} after {clock.Elapsed.TotalSeconds:0.0} s");

        var mid = await cluster.WaitForProgress(id, p => p.RunsDelivered >= resumed.RunsDelivered + (Runs / 6), TimeSpan.FromSeconds(60), "another sixth of the runs");
        Assert.True(mid.Phase == "running" && mid.RunsDelivered < Runs, $"the experiment was not mid-way at the second kill: {mid}");
        var newHost = cluster.SiloAt(mid.Host);
        var worker = cluster.Silos.First(s => !s.Process.HasExited && s != newHost);
        var seen = newHost.Process.Log.Split('\n').Length;
        clock.Restart();
        worker.Process.Kill();
        var workerDead = cluster.TimeUntilDead(worker, TimeSpan.FromSeconds(60));
        // Either the experiment grain sends the lost batch again, or, when the dead silo also held the grain's
        // directory entry, Orleans moves the grain, which computes again every batch after its saved mark.
        var redone = await WaitForLine(newHost, seen, [$"on silo {worker.Key} was lost", "leaves this silo"], TimeSpan.FromSeconds(30));
        output.WriteLine($"killed worker {worker.Address} at {mid.RunsDelivered} runs; {clock.Elapsed.TotalSeconds:0.0} s later: {redone}");

        Assert.True(run.WaitForExit(RunTimeout), $"the run did not finish in {RunTimeout.TotalSeconds:0} s:\n{run.Log}");
        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}:\n{run.Log}");
        output.WriteLine($"run finished: {total.Elapsed.TotalSeconds:0.0} s");
        output.WriteLine($"membership declared the host dead {(await hostDead).TotalSeconds:0.0} s after its kill, the worker {(await workerDead).TotalSeconds:0.0} s after its");
        AssertEveryRunOnce(Path.Combine(outDir, "runs.csv"));
        AssertSameBytes(Path.Combine(embedded, "runs.csv"), Path.Combine(outDir, "runs.csv"));
        AssertSameBytes(Path.Combine(embedded, "summary.json"), Path.Combine(outDir, "summary.json"));

        var done = await cluster.WaitForProgress(id, p => p.Phase == "finished", TimeSpan.FromSeconds(10), "the experiment to be finished");
        WriteLogs(cluster);
        Assert.Equal(Runs, done.RunsDelivered);
        Assert.True(done.BatchesBySilo.Values.Sum() >= Runs / BatchSize, $"fewer batches computed than the experiment has: {done}");

        var status = await WaitForStatus(cluster, s => Row(s, host.Address).Contains("Dead", StringComparison.Ordinal) && Row(s, worker.Address).Contains("Dead", StringComparison.Ordinal));
        Assert.Contains("Active", Row(status, newHost.Address), StringComparison.Ordinal);
        var experiment = Row(status, id);
        Assert.Contains("finished", experiment, StringComparison.Ordinal);
        Assert.Contains($"{Runs:N0} (100%)", experiment, StringComparison.Ordinal);
        output.WriteLine($"status shows both dead: {total.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task A_silo_started_during_an_experiment_takes_batches_of_it()
    {
        var embedded = EmbeddedRun.Value;
        using var cluster = new ProcessCluster();
        var first = cluster.Start(1).Single();
        var outDir = Path.Combine(Repo.TempDir(), "cluster");
        // Far more runs than it gets to: the client is interrupted once the late silo has computed a batch.
        using var run = StartRun(cluster, outDir, runs: 100 * Runs);
        var id = await cluster.WaitForExperiment(TimeSpan.FromSeconds(60));
        var early = await cluster.WaitForProgress(id, p => p.RunsDelivered >= 5 * BatchSize, TimeSpan.FromSeconds(60), "the first silo's runs");
        Assert.Equal([first.Endpoint], early.BatchesBySilo.Keys.Select(StartedSilo.EndpointOf));

        var late = cluster.Start(1).Single();
        var shared = await cluster.WaitForProgress(id, p => p.BatchesBySilo.Keys.Any(k => StartedSilo.EndpointOf(k) == late.Endpoint),
            TimeSpan.FromSeconds(60), "the late silo to compute a batch");
        output.WriteLine($"batches by silo: {string.Join(", ", shared.BatchesBySilo.Select(b => $"{b.Key}: {b.Value}"))}");
        Assert.Equal(2, shared.Silos);
        Assert.True(shared.BatchesBySilo[first.Key] > 0);

        run.Signal("INT");
        Assert.True(run.WaitForExit(TimeSpan.FromSeconds(60)), $"the run did not stop within 60 s of SIGINT:\n{run.Log}");
        Assert.True(run.ExitCode == 130, $"exit code {run.ExitCode}:\n{run.Log}");
        var kept = AssertRunsInOrder(Path.Combine(outDir, "runs.csv"));
        Assert.True(kept >= shared.RunsDelivered, $"kept {kept} runs, fewer than the {shared.RunsDelivered} delivered before SIGINT");
        AssertSamePrefix(Path.Combine(embedded, "runs.csv"), Path.Combine(outDir, "runs.csv"));
        Assert.Contains("\"stop_reason\": \"interrupted\"", File.ReadAllText(Path.Combine(outDir, "manifest.json")), StringComparison.Ordinal);

        var status = await WaitForStatus(cluster, s => Row(s, id).Contains("interrupted", StringComparison.Ordinal));
        // Runs asked for, then runs kept: the status says how far it got, as manifest.json's runs_requested and runs do.
        Assert.Matches($@"│ +{Regex.Escape($"{100 * Runs:N0}")} │ +{Regex.Escape($"{kept:N0}")} \(", Row(status, id));
        Assert.Contains("Active", Row(status, first.Address), StringComparison.Ordinal);
        Assert.Contains("Active", Row(status, late.Address), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_signal_after_the_first_writes_nothing_and_status_shows_the_experiment_cancelled_not_interrupted()
    {
        using var cluster = new ProcessCluster();
        cluster.Start(1);
        var outDir = Path.Combine(Repo.TempDir(), "cluster");
        using var run = StartRun(cluster, outDir, runs: 100 * Runs);
        var id = await cluster.WaitForExperiment(TimeSpan.FromSeconds(60));
        await cluster.WaitForProgress(id, p => p.RunsDelivered >= 5 * BatchSize, TimeSpan.FromSeconds(60), "the first runs");

        // Two signals of one kind sent before the kernel delivers the first merge into one (signals are not queued),
        // which a loaded machine made happen here. Half a second apart, the second lands while the kept runs are written
        // (or, on a slow machine, still during the runs): either way nothing is written and the experiment reads cancelled.
        run.Signal("INT");
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        run.Signal("INT");

        Assert.True(run.WaitForExit(TimeSpan.FromSeconds(60)), $"the run did not stop within 60 s of two SIGINTs:\n{run.Log}");
        Assert.True(run.ExitCode == 130, $"exit code {run.ExitCode}:\n{run.Log}");
        Assert.Contains("no results were written", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
        var status = await WaitForStatus(cluster, s => !Row(s, id).Contains("running", StringComparison.Ordinal) && !Row(s, id).Contains("finishing", StringComparison.Ordinal));
        Assert.Contains("cancelled", Row(status, id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redis_going_away_for_good_mid_experiment_is_named_as_the_cause_and_leaves_no_folder()
    {
        using var cluster = new ProcessCluster();
        var silo = cluster.Start(1).Single();
        var outDir = Path.Combine(Repo.TempDir(), "cluster");
        using var run = StartRun(cluster, outDir, runs: 100 * Runs);
        var id = await cluster.WaitForExperiment(TimeSpan.FromSeconds(60));
        await cluster.WaitForProgress(id, p => p.RunsDelivered >= 5 * BatchSize, TimeSpan.FromSeconds(60), "the first runs");

        cluster.Redis.Kill();

        Assert.True(run.WaitForExit(TimeSpan.FromSeconds(90)), $"the run did not give up within 90 s of Redis going away:\n{run.Log}");
        Assert.Equal(1, run.ExitCode);
        Assert.Matches($@"^error: --cluster: experiment {Regex.Escape(id)} failed: no runs came back for \d+ s: the Redis server at {Regex.Escape(cluster.Redis.Address)} does not answer, and the silos cannot hand out or save batches without it; restart Redis \(and the silos too if it lost its data\), then run again; no results were written$",
            Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        Assert.False(Directory.Exists(outDir));
        // Orleans logs each grain's failed read or write with its stack; the silo writes each kind once a minute.
        Assert.True(silo.Process.Log.Length < 100_000, $"the silo wrote {silo.Process.Log.Length:N0} characters of log while Redis was down");
    }

    [Fact]
    public async Task A_redis_restart_mid_experiment_gives_the_embedded_results_or_one_clear_error_and_no_folder()
    {
        var embedded = EmbeddedRun.Value;
        using var cluster = new ProcessCluster();
        cluster.Start(2);
        var outDir = Path.Combine(Repo.TempDir(), "cluster");
        using var run = StartRun(cluster, outDir);
        var id = await cluster.WaitForExperiment(TimeSpan.FromSeconds(60));
        var before = await cluster.WaitForProgress(id, p => p.RunsDelivered >= Runs / 4, TimeSpan.FromSeconds(90), "a quarter of the runs");
        Assert.True(before.Phase == "running" && before.RunsDelivered < Runs, $"the experiment was not mid-way at the restart: {before}");

        var clock = Stopwatch.StartNew();
        cluster.Redis.Restart(down: TimeSpan.FromSeconds(5));
        output.WriteLine($"Redis restarted in {clock.Elapsed.TotalSeconds:0.00} s at {before.RunsDelivered} runs");

        Assert.True(run.WaitForExit(RunTimeout), $"the run did not finish in {RunTimeout.TotalSeconds:0} s:\n{run.Log}");
        output.WriteLine($"the run exited with {run.ExitCode} {clock.Elapsed.TotalSeconds:0.0} s after the restart:\n{run.Error}");
        WriteLogs(cluster);
        if (run.ExitCode == 0)
        {
            AssertEveryRunOnce(Path.Combine(outDir, "runs.csv"));
            AssertSameBytes(Path.Combine(embedded, "runs.csv"), Path.Combine(outDir, "runs.csv"));
            AssertSameBytes(Path.Combine(embedded, "summary.json"), Path.Combine(outDir, "summary.json"));
        }
        else
        {
            var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var error = Assert.Single(lines);
            Assert.Matches(@"^error: --cluster: experiment \S+ failed: .+; no results were written$", error);
            Assert.Equal(1, run.ExitCode);
            Assert.False(Directory.Exists(outDir), "a failed run left a results folder");
            Assert.Empty(Directory.GetFileSystemEntries(Path.GetDirectoryName(outDir)!));
        }
    }

    private static MarketSimProcess StartRun(ProcessCluster cluster, string outDir, long runs = Runs) =>
        new(Repo.TempDir(), null, "run", Scenario, "--runs", runs.ToString(CultureInfo.InvariantCulture), "--seed", Seed.ToString(CultureInfo.InvariantCulture),
            "--batch-size", BatchSize.ToString(CultureInfo.InvariantCulture), "--out", outDir, "--cluster", cluster.Redis.Uri, "--quiet");

    /// <summary>The first line of <paramref name="silo"/>'s log after its first <paramref name="skip"/> that contains one of <paramref name="texts"/>.</summary>
    private static async Task<string> WaitForLine(StartedSilo silo, int skip, string[] texts, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var line = silo.Process.Log.Split('\n').Skip(skip).FirstOrDefault(l => texts.Any(t => l.Contains(t, StringComparison.Ordinal)));
            if (line is not null)
            {
                return line;
            }
            Assert.True(clock.Elapsed < timeout, $"no line with '{string.Join("' or '", texts)}' from {silo.Address} within {timeout.TotalSeconds:0} s:\n{silo.Process.Log}");
            await Task.Delay(100);
        }
    }

    /// <summary>The silos' own messages (MarketSim's, not Orleans' errors about the dead silos), for the test's output.</summary>
    private void WriteLogs(ProcessCluster cluster)
    {
        foreach (var silo in cluster.Silos)
        {
            var lines = silo.Process.Log.Split('\n').Where(l => l.Contains("MarketSim", StringComparison.Ordinal) || l.StartsWith("silo ", StringComparison.Ordinal));
            output.WriteLine($"--- {silo.Address}\n{string.Join('\n', lines.Select(l => l.Length > 240 ? l[..240] + "…" : l))}");
        }
    }

    /// <summary>`marketsim cluster status` (laid out wide enough for whole rows) once <paramref name="until"/> holds its output.</summary>
    private static async Task<string> WaitForStatus(ProcessCluster cluster, Func<string, bool> until)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var status = CliRun.AtWidth(250, "cluster", "status", "--cluster", cluster.Redis.Uri);
            Assert.True(status.ExitCode == 0, status.Error);
            if (until(status.Output))
            {
                return status.Output;
            }
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"cluster status did not show what was expected within 30 s:\n{status.Output}");
            await Task.Delay(500);
        }
    }

    /// <summary>The table row of `cluster status` that names <paramref name="key"/>.</summary>
    private static string Row(string status, string key) =>
        status.Split('\n').SingleOrDefault(l => l.TrimStart('│', ' ').StartsWith(key + " ", StringComparison.Ordinal)) ?? "";

    private static void AssertEveryRunOnce(string runsCsv) => Assert.Equal(Runs, AssertRunsInOrder(runsCsv));

    /// <summary>Checks runs.csv holds runs 0, 1, 2, … each once, in order, and returns how many.</summary>
    private static long AssertRunsInOrder(string runsCsv)
    {
        var runs = File.ReadLines(runsCsv).Skip(1).Select(l => long.Parse(l[..l.IndexOf(',', StringComparison.Ordinal)], CultureInfo.InvariantCulture)).ToList();
        for (var i = 0; i < runs.Count; i++)
        {
            Assert.True(runs[i] == i, $"line {i + 2} of runs.csv holds run {runs[i]}, not {i}");
        }
        return runs.Count;
    }

    /// <summary>The lines both files have (the header and the runs of the shorter) are equal.</summary>
    private static void AssertSamePrefix(string expected, string actual)
    {
        var want = File.ReadAllLines(expected);
        var got = File.ReadAllLines(actual);
        for (var i = 0; i < Math.Min(want.Length, got.Length); i++)
        {
            Assert.True(want[i] == got[i], $"line {i + 1} of {Path.GetFileName(actual)} differs from the embedded run's:\n  embedded: {want[i]}\n  cluster:  {got[i]}");
        }
    }

    private static void AssertSameBytes(string expected, string actual)
    {
        var want = File.ReadAllBytes(expected);
        var got = File.ReadAllBytes(actual);
        if (want.AsSpan().SequenceEqual(got))
        {
            return;
        }
        var wantLines = File.ReadAllLines(expected);
        var gotLines = File.ReadAllLines(actual);
        var first = Enumerable.Range(0, Math.Min(wantLines.Length, gotLines.Length)).FirstOrDefault(i => wantLines[i] != gotLines[i], -1);
        Assert.Fail($"{Path.GetFileName(actual)} differs from the embedded run's (SHA-256 {Hash(want)} vs {Hash(got)}; {wantLines.Length} vs {gotLines.Length} lines"
            + (first < 0 ? ")" : $"; first difference on line {first + 1}:\n  embedded: {wantLines[first]}\n  cluster:  {gotLines[first]})"));
    }

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes))[..12];
}

/// <summary>
/// `run --cluster`, `silo` and `cluster status` on bad input or a cluster that is not there: exit 2 with one
/// clear line, quickly, and no results folder. (A class of its own, so it runs beside the cluster tests.)
/// </summary>
public sealed class RedisClusterInputTests
{
    private static readonly string Scenario = Repo.Scenario("doncaster-ccash.yaml");

    [Fact]
    public async Task A_postgres_address_is_refused_by_every_command_with_exit_2()
    {
        const string message = "error: --cluster: 'postgres://x' is not a Redis address; allowed: redis://HOST:PORT (for example redis://127.0.0.1:6379)";

        var results = await RunAll("postgres://x");

        foreach (var (command, result, outDir) in results)
        {
            Assert.True(result.ExitCode == 2, $"{command}: exit code {result.ExitCode}\n{result.Error}");
            Assert.Equal(message, Assert.Single(Lines(result.Error)));
            Assert.False(outDir is not null && Directory.Exists(outDir), $"{command} left a results folder");
        }
    }

    [Fact]
    public async Task A_port_where_no_redis_answers_is_reported_by_every_command_with_exit_2()
    {
        var port = FreePort();

        var results = await RunAll($"redis://127.0.0.1:{port}");

        foreach (var (command, result, outDir) in results)
        {
            Assert.True(result.ExitCode == 2, $"{command}: exit code {result.ExitCode}\n{result.Error}");
            Assert.Equal($"error: --cluster: no Redis server answered at 127.0.0.1:{port}: the connection was refused (nothing listens on that port)", Assert.Single(Lines(result.Error)));
            Assert.True(result.Elapsed < TimeSpan.FromSeconds(20), $"{command} took {result.Elapsed.TotalSeconds:0} s");
            Assert.False(outDir is not null && Directory.Exists(outDir), $"{command} left a results folder");
        }
    }

    [Fact]
    public async Task A_wrong_or_missing_password_is_reported_as_refused_by_every_command_with_exit_2_not_as_no_answer()
    {
        using var redis = new PrivateRedis();
        using (var connection = redis.Connect())
        {
            await connection.GetServer(redis.Address).ConfigSetAsync("requirepass", "right");
        }
        const string allowed = "redis://:PASSWORD@HOST:PORT or redis://USER:PASSWORD@HOST:PORT (percent-encoded), or the password in the environment variable MARKETSIM_REDIS_PASSWORD";

        // One command at a time: the check gives a server 10 s to answer, and three cold processes connecting at once
        // on a loaded 2-core machine can take that long, which the commands then rightly report as no answer.
        var wrong = await RunAll($"redis://:wrong@{redis.Address}", oneAtATime: true);
        var missing = await RunAll(redis.Uri, oneAtATime: true);

        foreach (var (command, result, outDir) in wrong)
        {
            Assert.True(result.ExitCode == 2, $"{command}: exit code {result.ExitCode}\n{result.Error}");
            Assert.Equal($"error: --cluster: the Redis server at {redis.Address} refused the password given; allowed: the server's own, as {allowed}", Assert.Single(Lines(result.Error)));
            Assert.False(outDir is not null && Directory.Exists(outDir), $"{command} left a results folder");
        }
        foreach (var (command, result, outDir) in missing)
        {
            Assert.True(result.ExitCode == 2, $"{command}: exit code {result.ExitCode}\n{result.Error}");
            Assert.Equal($"error: --cluster: the Redis server at {redis.Address} asks for a password; allowed: {allowed}", Assert.Single(Lines(result.Error)));
            Assert.False(outDir is not null && Directory.Exists(outDir), $"{command} left a results folder");
        }
    }

    [Fact]
    public async Task A_password_in_the_environment_reaches_redis_and_a_wrong_one_is_named_as_from_the_environment()
    {
        using var redis = new PrivateRedis();
        using (var connection = redis.Connect())
        {
            await connection.GetServer(redis.Address).ConfigSetAsync("requirepass", "right");
        }

        var (rightCode, _, rightError) = MarketSimProcess.Run(Repo.TempDir(), new Dictionary<string, string> { ["MARKETSIM_REDIS_PASSWORD"] = "right" }, "cluster", "status", "--cluster", redis.Uri);
        var (wrongCode, _, wrongError) = MarketSimProcess.Run(Repo.TempDir(), new Dictionary<string, string> { ["MARKETSIM_REDIS_PASSWORD"] = "wrong" }, "cluster", "status", "--cluster", redis.Uri);

        // Past the password, to the silos: none is running.
        Assert.True(rightCode == 2, $"exit code {rightCode}\n{rightError}");
        Assert.StartsWith($"error: --cluster: no MarketSim silo answered through {redis.Uri} within 5 s", Assert.Single(Lines(rightError)), StringComparison.Ordinal);
        Assert.True(wrongCode == 2, $"exit code {wrongCode}\n{wrongError}");
        Assert.StartsWith($"error: --cluster: the Redis server at {redis.Address} refused the password given (the password from MARKETSIM_REDIS_PASSWORD); allowed:", Assert.Single(Lines(wrongError)), StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", wrongError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cluster_with_no_live_silo_is_reported_at_once_with_exit_2()
    {
        using var redis = new PrivateRedis();

        // No silo ever started.
        foreach (var (command, result, outDir) in await RunAll(redis.Uri, includeSilo: false))
        {
            AssertNoSilo(command, result, outDir, redis.Uri, "Redis lists no running silo");
        }
    }

    [Fact]
    public async Task A_cluster_whose_only_silo_was_killed_is_reported_in_words_without_orleans_retry_text()
    {
        using var redis = new PrivateRedis();

        // A silo killed outright: Redis still lists it as active, but nobody answers at its address.
        using (var silo = new SiloProcess(redis.Uri))
        {
            silo.WaitForLine("joined the cluster", TimeSpan.FromSeconds(60));
            silo.Kill();
        }

        foreach (var (command, result, outDir) in await RunAll(redis.Uri, includeSilo: false))
        {
            AssertNoSilo(command, result, outDir, redis.Uri, "the silos Redis lists did not answer");
            Assert.Equal(
                $"error: --cluster: no MarketSim silo answered through {redis.Uri} within 5 s (the silos Redis lists did not answer; a silo killed outright stays listed until a live one declares it dead); start one with 'marketsim silo --cluster {redis.Uri}'",
                Assert.Single(Lines(result.Error)));
        }
    }

    [Fact]
    public void A_signal_while_the_client_waits_for_a_silo_stops_it_as_a_signal_not_as_no_silo_answering()
    {
        using var redis = new PrivateRedis();
        const string watcherName = "marketsim-test-watcher";
        using var watcher = ConnectionMultiplexer.Connect($"{redis.Address},allowAdmin=true,name={watcherName}");
        var server = watcher.GetServer(redis.Address);
        var outDir = Path.Combine(Repo.TempDir(), "out");
        using var run = new MarketSimProcess(Repo.TempDir(), null, "run", Scenario, "--runs", "200", "--out", outDir, "--cluster", redis.Uri);

        // Once marketsim has a connection to Redis it has taken the signals over and waits up to 5 s for a silo to answer
        // (none was started): a condition rather than a fixed sleep, which a loaded machine could outlast before marketsim starts.
        var clock = Stopwatch.StartNew();
        while (!server.ClientList().Any(c => c.Name != watcherName))
        {
            Assert.True(!run.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60), $"marketsim did not connect to Redis:\n{run.Log}");
            Thread.Sleep(20);
        }
        run.Signal("TERM");

        Assert.True(run.WaitForExit(TimeSpan.FromSeconds(60)), run.Log);
        Assert.True(run.ExitCode == 143, $"exit code {run.ExitCode}:\n{run.Log}");
        Assert.Equal("interrupted by SIGTERM: stopped cleanly; no results were written", Assert.Single(Lines(run.Error)));
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task A_silo_port_in_use_is_refused_naming_its_option_with_exit_2_and_one_line()
    {
        using var redis = new PrivateRedis();
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);

        foreach (var (option, allowed) in new[] { ("--silo-port", "a free TCP port from 1 to 65,535, or 0 for a free one"), ("--gateway-port", "a free TCP port from 1 to 65,535, or 0 for a free one"), ("--dashboard", "a free TCP port from 1 to 65,535") })
        {
            var result = await Task.Run(() => Finished.Run(["silo", "--cluster", redis.Uri, "--threads", "1", option, port]));

            Assert.True(result.ExitCode == 2, $"{option}: exit code {result.ExitCode}\n{result.Error}");
            Assert.Equal($"error: {option}: {port} is in use on 127.0.0.1 by another program; allowed: {allowed}", Assert.Single(Lines(result.Error)));
        }
    }

    [Fact]
    public async Task A_silo_address_of_another_machine_is_refused_with_exit_2_and_one_line()
    {
        using var redis = new PrivateRedis();

        // 192.0.2.1 is TEST-NET-1 (RFC 5737): never an address of this machine.
        var result = await Task.Run(() => Finished.Run(["silo", "--cluster", redis.Uri, "--threads", "1", "--address", "192.0.2.1"]));

        Assert.True(result.ExitCode == 2, $"exit code {result.ExitCode}\n{result.Error}");
        Assert.Equal("error: --address: '192.0.2.1' is not an address of this machine; allowed: an IP address of this machine, like 10.0.0.5", Assert.Single(Lines(result.Error)));
    }

    [Fact]
    public async Task A_dashboard_port_of_0_or_one_port_for_silo_and_gateway_is_refused_with_exit_2()
    {
        using var redis = new PrivateRedis();

        var dashboard = await Task.Run(() => Finished.Run(["silo", "--cluster", redis.Uri, "--threads", "1", "--dashboard", "0"]));
        var samePorts = await Task.Run(() => Finished.Run(["silo", "--cluster", redis.Uri, "--threads", "1", "--silo-port", "22222", "--gateway-port", "22222"]));

        Assert.True(dashboard.ExitCode == 2, $"--dashboard 0: exit code {dashboard.ExitCode}\n{dashboard.Error}");
        Assert.Equal("error: --dashboard: '0' is not allowed; allowed: a TCP port from 1 to 65,535", Assert.Single(Lines(dashboard.Error), l => l.StartsWith("error:", StringComparison.Ordinal)));
        Assert.True(samePorts.ExitCode == 2, $"one port twice: exit code {samePorts.ExitCode}\n{samePorts.Error}");
        Assert.Equal("error: --gateway-port: 22222 is also the --silo-port; allowed: another TCP port from 1 to 65,535, or 0 for a free one", Assert.Single(Lines(samePorts.Error)));
    }

    [Fact]
    public void A_silo_with_one_thread_says_it_joined_with_1_worker_thread_in_the_singular()
    {
        using var redis = new PrivateRedis();
        using var silo = new SiloProcess(redis.Uri, threads: 1);

        var line = silo.WaitForLine("joined the cluster", TimeSpan.FromSeconds(60));

        Assert.Matches($@"^silo S127\.0\.0\.1:\d+:\d+ \(pid {silo.Pid}\) joined the cluster at {Regex.Escape(redis.Uri)} with 1 worker thread; stop with SIGTERM or Ctrl\+C$", line);
    }

    [Fact]
    public async Task A_silo_leaves_on_sigterm_and_still_exits_when_redis_is_gone()
    {
        using var cluster = new ProcessCluster();
        var silos = cluster.Start(2);
        var (first, second) = (silos[0], silos[1]);

        first.Process.Terminate();
        Assert.True(first.Process.WaitForExit(TimeSpan.FromSeconds(30)), $"the silo did not stop within 30 s of SIGTERM:\n{first.Process.Log}");
        Assert.Equal(0, first.Process.ExitCode);
        first.Process.WaitForLine($"silo {first.Address} (pid {first.Process.Pid}) left the cluster", TimeSpan.FromSeconds(1));
        // It recorded its leaving before it exited, so the first read after its exit finds it Dead (a read, not a
        // timed wait: on a loaded machine connecting to Redis alone can take over a second).
        Assert.True(await cluster.StatusOf(first) == SiloStatus.Dead, "a silo that left is not Dead in the membership table");

        // With Redis gone, leaving cannot be recorded; Orleans would retry for minutes.
        cluster.Redis.Kill();
        var clock = Stopwatch.StartNew();
        second.Process.Terminate();
        Assert.True(second.Process.WaitForExit(TimeSpan.FromSeconds(40)), $"the silo did not stop within 40 s of SIGTERM with Redis gone:\n{second.Process.Log}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(25), $"stopping took {clock.Elapsed.TotalSeconds:0} s");
        Assert.Equal(1, second.Process.ExitCode);
        second.Process.WaitForLine($"silo {second.Address} (pid {second.Process.Pid}) could not leave the cluster cleanly (does Redis at {cluster.Redis.Uri} answer?); stopping anyway", TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_silo_declared_dead_while_paused_says_so_in_words_and_exits_1_without_a_stack_trace()
    {
        using var cluster = new ProcessCluster();
        var silos = cluster.Start(2);
        var paused = silos[1];

        paused.Process.Pause();
        try
        {
            await cluster.TimeUntilDead(paused, TimeSpan.FromSeconds(60));
        }
        finally
        {
            paused.Process.Resume();
        }

        Assert.True(paused.Process.WaitForExit(TimeSpan.FromSeconds(25)), $"the silo did not stop within 25 s of learning it was declared dead:\n{paused.Process.Log}");
        Assert.True(paused.Process.ExitCode == 1, $"exit code {paused.Process.ExitCode}:\n{paused.Process.Log}");
        paused.Process.WaitForLine(
            $"error: silo {paused.Address} (pid {paused.Process.Pid}) was declared dead by the other silos of the cluster at {cluster.Redis.Uri}: it did not answer their probes",
            TimeSpan.FromSeconds(1));
        Assert.DoesNotContain("FATAL EXCEPTION", paused.Process.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", paused.Process.Log, StringComparison.Ordinal);
        Assert.False(silos[0].Process.HasExited, $"the silo that stayed up stopped too:\n{silos[0].Process.Log}");
    }

    [Fact]
    public async Task A_silo_whose_row_is_flushed_from_redis_stops_and_says_so_instead_of_running_on_unseen()
    {
        using var cluster = new ProcessCluster();
        var silo = cluster.Start(1).Single();
        Assert.Equal(SiloStatus.Active, await cluster.StatusOf(silo));

        using (var redis = cluster.Redis.Connect())
        {
            await redis.GetServer(cluster.Redis.Address).FlushAllDatabasesAsync();
        }

        Assert.True(silo.Process.WaitForExit(TimeSpan.FromSeconds(40)), $"the silo ran on for 40 s after its membership table was flushed:\n{silo.Process.Log}");
        Assert.True(silo.Process.ExitCode == 1, $"exit code {silo.Process.ExitCode}:\n{silo.Process.Log}");
        silo.Process.WaitForLine(
            $"error: silo {silo.Address} (pid {silo.Process.Pid}) is no longer in the cluster's membership table at {cluster.Redis.Uri}: Redis restarted empty or was flushed",
            TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void A_signal_while_a_silo_joins_lets_it_join_and_leave_cleanly_without_orleans_stack_traces()
    {
        // Orleans ended a start cancelled in one of its stages with five fail: lines of stack trace. Signals at 30%, 60% and
        // 90% of the time a join takes reach its stages; whichever one a signal meets, the silo stops in one of two clean ways.
        // The times are counted from the silo's first connection to Redis, by when it handles signals: a signal before then
        // meets the runtime's default action, which says nothing.
        using var redis = new PrivateRedis();
        using var watcher = redis.Connect();
        var server = watcher.GetServer(redis.Address);
        var ownClients = server.ClientList().Length;
        TimeSpan joined;
        using (var first = new SiloProcess(redis.Uri, threads: 1))
        {
            var clock = WhenItConnects(server, ownClients);
            first.WaitForLine("joined the cluster", TimeSpan.FromSeconds(60));
            joined = clock.Elapsed;
            first.Terminate();
            Assert.True(first.WaitForExit(TimeSpan.FromSeconds(60)), $"the silo did not stop within 60 s of SIGTERM:\n{first.Log}");
        }
        foreach (var share in new[] { 0.3, 0.6, 0.9 })
        {
            Assert.True(SpinWait.SpinUntil(() => server.ClientList().Length == ownClients, TimeSpan.FromSeconds(60)), "the last silo's connections to Redis stayed open");
            using var silo = new SiloProcess(redis.Uri, threads: 1);
            WhenItConnects(server, ownClients);
            Thread.Sleep(joined * share);
            silo.Terminate();

            Assert.True(silo.WaitForExit(TimeSpan.FromSeconds(60)), $"the silo did not stop within 60 s of a signal {share:P0} into its join:\n{silo.Log}");
            Assert.DoesNotContain("fail:", silo.Log, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", silo.Log, StringComparison.Ordinal);
            if (silo.ExitCode == 0)
            {
                silo.WaitForLine($"(pid {silo.Pid}) left the cluster", TimeSpan.FromSeconds(1));
            }
            else
            {
                // Before the silo began to join, while it checked that Redis answers.
                Assert.True(silo.ExitCode == 143, $"exit code {silo.ExitCode} after a signal {share:P0} into the join:\n{silo.Log}");
                Assert.Equal($"silo (pid {silo.Pid}) stopped by SIGTERM before it joined the cluster at {redis.Uri}", Assert.Single(Lines(silo.Log)));
            }
        }
    }

    // Waits until a client besides the test's own is connected to Redis (a silo checking that Redis answers), then starts a clock.
    private static Stopwatch WhenItConnects(StackExchange.Redis.IServer server, int ownClients)
    {
        var deadline = Stopwatch.StartNew();
        while (server.ClientList().Length <= ownClients)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), "no silo connected to Redis within 60 s");
            Thread.Sleep(20);
        }
        return Stopwatch.StartNew();
    }

    [Fact]
    public void A_signal_while_a_silo_waits_for_redis_says_it_stopped_before_joining_not_that_no_results_were_written()
    {
        // A port that takes connections and never answers: the silo waits out its 10 s check that Redis answers, and the signal comes during it.
        var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            var address = $"redis://127.0.0.1:{((System.Net.IPEndPoint)silent.LocalEndpoint).Port}";
            using var silo = new SiloProcess(address, threads: 1);
            Assert.True(SpinWait.SpinUntil(silent.Pending, TimeSpan.FromSeconds(60)), $"the silo did not connect within 60 s:\n{silo.Log}");
            using var connection = silent.AcceptTcpClient();
            silo.Terminate();

            Assert.True(silo.WaitForExit(TimeSpan.FromSeconds(60)), $"the silo did not stop within 60 s of SIGTERM:\n{silo.Log}");
            Assert.True(silo.ExitCode == 143, $"exit code {silo.ExitCode}:\n{silo.Log}");
            Assert.Equal($"silo (pid {silo.Pid}) stopped by SIGTERM before it joined the cluster at {address}", Assert.Single(Lines(silo.Log)));
        }
        finally
        {
            silent.Stop();
        }
    }

    [Fact]
    public void A_second_signal_stops_a_silo_at_once_while_it_waits_to_leave_and_says_so_without_blaming_redis()
    {
        using var redis = new PrivateRedis();
        using var silo = new SiloProcess(redis.Uri, threads: 1);
        silo.WaitForLine("joined the cluster", TimeSpan.FromSeconds(60));

        // With Redis gone, leaving would wait out its 15 s; the second signal must cut that short.
        redis.Kill();
        silo.Terminate();
        Thread.Sleep(TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();
        silo.Terminate();

        Assert.True(silo.WaitForExit(TimeSpan.FromSeconds(30)), $"the silo did not stop after a second SIGTERM:\n{silo.Log}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"stopping took {clock.Elapsed.TotalSeconds:0} s after the second signal");
        Assert.Equal(1, silo.ExitCode);
        silo.WaitForLine($"(pid {silo.Pid}) stopped by a second signal before it had left the cluster; the other silos will declare it dead", TimeSpan.FromSeconds(1));
        Assert.DoesNotContain("does Redis", silo.Log, StringComparison.Ordinal);
    }

    private static void AssertNoSilo(string command, Finished result, string? outDir, string uri, string reason)
    {
        Assert.True(result.ExitCode == 2, $"{command}: exit code {result.ExitCode}\n{result.Error}");
        var line = Assert.Single(Lines(result.Error));
        Assert.StartsWith($"error: --cluster: no MarketSim silo answered through {uri} within 5 s ({reason}", line, StringComparison.Ordinal);
        Assert.EndsWith($"); start one with 'marketsim silo --cluster {uri}'", line, StringComparison.Ordinal);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(20), $"{command} took {result.Elapsed.TotalSeconds:0} s, not 5 s or so");
        Assert.False(outDir is not null && Directory.Exists(outDir), $"{command} left a results folder");
        Assert.True(outDir is null || Directory.GetFileSystemEntries(Path.GetDirectoryName(outDir)!).Length == 0, $"{command} left a staging folder");
    }

    /// <summary>`run --cluster`, `cluster status` and (with <paramref name="includeSilo"/>) `silo` against <paramref name="cluster"/>, as child processes at the same time.</summary>
    private static async Task<List<(string Command, Finished Result, string? OutDir)>> RunAll(string cluster, bool includeSilo = true, bool oneAtATime = false)
    {
        var outDir = Path.Combine(Repo.TempDir(), "results");
        List<(string Command, string[] Args, string? OutDir)> commands =
        [
            ("run", ["run", Scenario, "--runs", "10", "--out", outDir, "--quiet", "--cluster", cluster], outDir),
            ("cluster status", ["cluster", "status", "--cluster", cluster], null),
        ];
        if (includeSilo)
        {
            commands.Add(("silo", ["silo", "--cluster", cluster, "--threads", "1"], null));
        }
        var finished = oneAtATime
            ? [.. commands.Select(c => Finished.Run(c.Args))]
            : await Task.WhenAll(commands.Select(c => Task.Run(() => Finished.Run(c.Args))));
        return [.. commands.Zip(finished, (c, f) => (c.Command, f, c.OutDir))];
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A `marketsim` child process run to its end, and how long it took.</summary>
    private sealed record Finished(int ExitCode, string Error, TimeSpan Elapsed)
    {
        public static Finished Run(string[] args)
        {
            var clock = Stopwatch.StartNew();
            var (code, _, error) = MarketSimProcess.Run(Repo.TempDir(), null, args);
            return new Finished(code, error, clock.Elapsed);
        }
    }
}
