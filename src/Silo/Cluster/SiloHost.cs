using MarketSim.Grains.Market;
using Npgsql;

namespace MarketSim.Silo.Cluster;

/// <summary>
/// A standalone silo: registers in the membership table, heartbeats, leases batches of runs with
/// FOR UPDATE SKIP LOCKED and an expiry, computes them with the same model and seeds as an embedded
/// run, and writes their outcomes idempotently, keyed by experiment and run index. On stop it finishes
/// the batches it holds, then leaves.
/// </summary>
public sealed class SiloHost
{
    private readonly ClusterDatabase _database;
    private readonly SiloOptions _options;
    private readonly Func<string, Func<IRunModel>> _modelFromScenario;
    private readonly Dictionary<long, Func<IRunModel>> _factories = [];
    private readonly object _gate = new();
    private long _batchesCompleted;

    /// <summary>
    /// Creates a silo over <paramref name="database"/>; <paramref name="modelFromScenario"/> turns an
    /// experiment's scenario YAML into a factory of run models (the Simulator supplies it).
    /// </summary>
    public SiloHost(ClusterDatabase database, SiloOptions options, Func<string, Func<IRunModel>> modelFromScenario)
    {
        _database = database;
        _options = options;
        _modelFromScenario = modelFromScenario;
    }

    /// <summary>Batches this silo has completed.</summary>
    public long BatchesCompleted => Interlocked.Read(ref _batchesCompleted);

    /// <summary>Runs until <paramref name="stop"/> is cancelled (SIGTERM), then finishes its batches and deregisters.</summary>
    public void Run(CancellationToken stop)
    {
        ClusterSchema.Migrate(_database, stop);
        var threads = _options.Threads > 0 ? _options.Threads : Environment.ProcessorCount;
        _database.Run(c => ClusterSchema.Execute(c,
            "INSERT INTO silos (id, host, pid, threads, status) VALUES (@id, @host, @pid, @threads, 'alive') ON CONFLICT (id) DO UPDATE SET status = 'alive', heartbeat_at = now()",
            ("id", _options.Id), ("host", Environment.MachineName), ("pid", Environment.ProcessId), ("threads", threads)), stop);
        using var heartbeatStop = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var heartbeat = new Thread(() => Heartbeat(heartbeatStop.Token)) { IsBackground = true, Name = "silo-heartbeat" };
        heartbeat.Start();
        var workers = Enumerable.Range(0, threads).Select(i => new Thread(() => Work(stop)) { IsBackground = true, Name = $"silo-worker-{i}" }).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        heartbeatStop.Cancel();
        heartbeat.Join();
        _database.Run(c => ClusterSchema.Execute(c,
            "UPDATE batches SET leased_by = NULL, lease_expires_at = NULL WHERE leased_by = @id AND completed_at IS NULL; UPDATE silos SET status = 'stopped', heartbeat_at = now() WHERE id = @id",
            ("id", _options.Id)), CancellationToken.None);
    }

    private void Work(CancellationToken stop)
    {
        var models = new Dictionary<long, IRunModel>();
        while (!stop.IsCancellationRequested)
        {
            (long Experiment, long Batch, long FirstRun, int Count, long Seed, string Yaml)? lease;
            try
            {
                lease = _database.Run(TryLease, stop);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
            if (lease is null)
            {
                stop.WaitHandle.WaitOne(_options.IdlePoll);
                continue;
            }
            var (experiment, batch, firstRun, count, seed, yaml) = lease.Value;
            if (!models.TryGetValue(experiment, out var model))
            {
                model = Factory(experiment, yaml)();
                models[experiment] = model;
            }
            var width = model.OutcomeCount;
            var row = new double[width];
            var runs = new long[count];
            var blobs = new byte[count][];
            for (var i = 0; i < count; i++)
            {
                runs[i] = firstRun + i;
                model.Run(unchecked((ulong)seed), firstRun + i, row);
                blobs[i] = OutcomeCodec.Encode(row);
            }
            _database.Run(c => Complete(c, experiment, batch, runs, blobs), CancellationToken.None);
            Interlocked.Increment(ref _batchesCompleted);
        }
    }

    private Func<IRunModel> Factory(long experiment, string yaml)
    {
        lock (_gate)
        {
            if (!_factories.TryGetValue(experiment, out var factory))
            {
                factory = _modelFromScenario(yaml);
                _factories[experiment] = factory;
            }
            return factory;
        }
    }

    private (long Experiment, long Batch, long FirstRun, int Count, long Seed, string Yaml)? TryLease(NpgsqlConnection connection)
    {
        const string sql = """
            UPDATE batches b SET leased_by = @me, lease_expires_at = now() + @lease
            FROM experiments e
            WHERE e.id = b.experiment_id
              AND (b.experiment_id, b.batch_index) = (
                SELECT x.experiment_id, x.batch_index FROM batches x JOIN experiments y ON y.id = x.experiment_id
                WHERE y.status = 'running' AND x.completed_at IS NULL AND (x.leased_by IS NULL OR x.lease_expires_at < now())
                ORDER BY x.experiment_id, x.batch_index
                LIMIT 1 FOR UPDATE OF x SKIP LOCKED)
            RETURNING b.experiment_id, b.batch_index, b.first_run, b.run_count, e.seed, e.scenario_yaml
            """;
        using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("me", _options.Id);
        command.Parameters.AddWithValue("lease", _options.Lease);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt32(3), reader.GetInt64(4), reader.GetString(5))
            : null;
    }

    private int Complete(NpgsqlConnection connection, long experiment, long batch, long[] runs, byte[][] blobs)
    {
        using var transaction = connection.BeginTransaction();
        using (var insert = new NpgsqlCommand(
            "INSERT INTO run_outcomes (experiment_id, run_index, outcomes, computed_by) SELECT @e, r, o, @me FROM unnest(@runs, @blobs) AS t(r, o) ON CONFLICT DO NOTHING", connection, transaction))
        {
            insert.Parameters.AddWithValue("e", experiment);
            insert.Parameters.AddWithValue("me", _options.Id);
            insert.Parameters.AddWithValue("runs", runs);
            insert.Parameters.AddWithValue("blobs", blobs);
            insert.ExecuteNonQuery();
        }
        using (var done = new NpgsqlCommand(
            "UPDATE batches SET completed_at = now(), completed_by = @me, leased_by = NULL, lease_expires_at = NULL WHERE experiment_id = @e AND batch_index = @b AND completed_at IS NULL", connection, transaction))
        {
            done.Parameters.AddWithValue("e", experiment);
            done.Parameters.AddWithValue("b", batch);
            done.Parameters.AddWithValue("me", _options.Id);
            done.ExecuteNonQuery();
        }
        transaction.Commit();
        return runs.Length;
    }

    private void Heartbeat(CancellationToken stop)
    {
        while (!stop.WaitHandle.WaitOne(_options.Heartbeat))
        {
            try
            {
                _database.Run(c => ClusterSchema.Execute(c,
                    """
                    UPDATE silos SET heartbeat_at = now(), status = 'alive' WHERE id = @id;
                    UPDATE batches SET lease_expires_at = now() + @lease WHERE leased_by = @id AND completed_at IS NULL;
                    UPDATE silos SET status = 'dead' WHERE status = 'alive' AND heartbeat_at < now() - @dead;
                    """,
                    ("id", _options.Id), ("lease", _options.Lease), ("dead", _options.DeadAfter)), stop);
            }
            catch (Exception ex) when (ex is OperationCanceledException || stop.IsCancellationRequested || ClusterDatabase.IsTransient(ex))
            {
                // A missed heartbeat is harmless: the next one, or the lease expiry, sets things right.
            }
        }
    }
}
