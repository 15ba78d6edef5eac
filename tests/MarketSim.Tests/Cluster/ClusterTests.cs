using MarketSim.Simulator.Cli;
using MarketSim.Tests.Support;
using Npgsql;

namespace MarketSim.Tests.Cluster;

/// <summary>A real cluster: silo processes on loopback coordinated through a private PostgreSQL.</summary>
public sealed class ClusterTests : IClassFixture<ClusterTests.Database>
{
    private const int Runs = 3000;
    private static readonly string Scenario = Repo.Scenario("doncaster-ccash.yaml");
    private static readonly Lazy<(byte[] Runs, byte[] Summary)> Embedded = new(() => RunOutputs("--threads", "2"));
    private readonly Database _db;

    public ClusterTests(Database db) => _db = db;

    /// <summary>One PostgreSQL server for the class; the tests run one after another.</summary>
    public sealed class Database : IDisposable
    {
        public Database()
        {
            using var database = new MarketSim.Silo.Cluster.ClusterDatabase(Server.ConnectionString);
            MarketSim.Silo.Cluster.ClusterSchema.Migrate(database);
        }

        public PrivatePostgres Server { get; } = new();

        public void Dispose() => Server.Dispose();
    }

    private static (byte[] Runs, byte[] Summary) RunOutputs(params string[] extra)
    {
        var dir = Path.Combine(Repo.TempDir(), "out");
        var run = CliRun.Of(["run", Scenario, "--runs", Runs.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", "11", "--batch-size", "20", "--out", dir, "--quiet", .. extra]);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        return (File.ReadAllBytes(Path.Combine(dir, "runs.csv")), File.ReadAllBytes(Path.Combine(dir, "summary.json")));
    }

    private long Scalar(string sql)
    {
        using var connection = new NpgsqlConnection(_db.Server.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    private long LatestExperiment() => Scalar("SELECT coalesce(max(id), 0) FROM experiments");

    private void WaitFor(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            Thread.Sleep(50);
        }
    }

    private Task<(byte[] Runs, byte[] Summary)> ClientAsync() =>
        Task.Run(() => RunOutputs("--cluster", _db.Server.ConnectionString));

    [Fact]
    public async Task A_silo_killed_mid_experiment_loses_nothing_and_results_equal_the_embedded_run()
    {
        var before = LatestExperiment();
        using var a = new SiloProcess(_db.Server.ConnectionString, "silo-a");
        using var b = new SiloProcess(_db.Server.ConnectionString, "silo-b");
        using var c = new SiloProcess(_db.Server.ConnectionString, "silo-c");
        var client = ClientAsync();
        WaitFor(() => LatestExperiment() > before, "the experiment to be submitted");
        var experiment = LatestExperiment();
        WaitFor(() => Scalar($"SELECT count(*) FROM run_outcomes WHERE experiment_id = {experiment} AND computed_by = 'silo-b'") > 100, "silo-b to do some work");

        b.Kill();
        Assert.True(Scalar($"SELECT count(*) FROM run_outcomes WHERE experiment_id = {experiment}") < Runs, "the silo must die mid-experiment");
        var cluster = await client;

        Assert.Equal(Runs, Scalar($"SELECT count(*) FROM run_outcomes WHERE experiment_id = {experiment}"));
        Assert.Equal(Runs, Scalar($"SELECT count(DISTINCT run_index) FROM run_outcomes WHERE experiment_id = {experiment}"));
        Assert.Equal(0, Scalar($"SELECT count(*) FROM batches WHERE experiment_id = {experiment} AND completed_at IS NULL"));
        Assert.Equal(Embedded.Value.Runs, cluster.Runs);
        Assert.Equal(Embedded.Value.Summary, cluster.Summary);
    }

    [Fact]
    public async Task A_silo_started_after_the_experiment_began_takes_batches()
    {
        var before = LatestExperiment();
        using var first = new SiloProcess(_db.Server.ConnectionString, "early");
        var client = ClientAsync();
        WaitFor(() => LatestExperiment() > before, "the experiment to be submitted");
        var experiment = LatestExperiment();
        WaitFor(() => Scalar($"SELECT count(*) FROM run_outcomes WHERE experiment_id = {experiment}") > 200, "the early silo to start");

        using var late = new SiloProcess(_db.Server.ConnectionString, "late");
        var cluster = await client;

        Assert.True(Scalar($"SELECT count(*) FROM batches WHERE experiment_id = {experiment} AND completed_by = 'late'") > 0);
        Assert.Equal(Embedded.Value.Runs, cluster.Runs);
    }

    [Fact]
    public async Task A_PostgreSQL_restart_mid_experiment_neither_loses_nor_duplicates_runs()
    {
        var before = LatestExperiment();
        using var a = new SiloProcess(_db.Server.ConnectionString, "restart-a");
        using var b = new SiloProcess(_db.Server.ConnectionString, "restart-b");
        var client = ClientAsync();
        WaitFor(() => LatestExperiment() > before, "the experiment to be submitted");
        var experiment = LatestExperiment();
        WaitFor(() => Scalar($"SELECT count(*) FROM run_outcomes WHERE experiment_id = {experiment}") > 300, "some progress");

        Assert.True(Scalar($"SELECT count(*) FROM run_outcomes WHERE experiment_id = {experiment}") < Runs, "the restart must come mid-experiment");
        _db.Server.Restart();
        var cluster = await client;

        Assert.Equal(Runs, Scalar($"SELECT count(*) FROM run_outcomes WHERE experiment_id = {experiment}"));
        Assert.Equal(Embedded.Value.Runs, cluster.Runs);
        Assert.Equal(Embedded.Value.Summary, cluster.Summary);
        Assert.False(a.HasExited || b.HasExited, "silos ride out the restart");
    }

    [Fact]
    public void A_silo_stops_gracefully_on_SIGTERM_and_status_lists_it()
    {
        using var silo = new SiloProcess(_db.Server.ConnectionString, "graceful");
        WaitFor(() => Scalar("SELECT count(*) FROM silos WHERE id = 'graceful' AND status = 'alive'") == 1, "the silo to register");

        silo.Terminate();

        Assert.True(silo.WaitForExit(TimeSpan.FromSeconds(20)));
        Assert.Equal(0, silo.ExitCode);
        Assert.Equal(1, Scalar("SELECT count(*) FROM silos WHERE id = 'graceful' AND status = 'stopped'"));
        Assert.Equal(0, Scalar("SELECT count(*) FROM batches WHERE leased_by = 'graceful' AND completed_at IS NULL"));
        var status = CliRun.Of("cluster", "status", "--cluster", _db.Server.ConnectionString);
        Assert.Equal(ExitCodes.Ok, status.ExitCode);
        Assert.Contains("graceful", status.Output);
        Assert.Contains("stopped", status.Output);
    }
}
