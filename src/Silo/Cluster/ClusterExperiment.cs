using MarketSim.Silo.Runs;
using Npgsql;

namespace MarketSim.Silo.Cluster;

/// <summary>
/// The client's side of a cluster experiment: submits the experiment and its batches, then reads
/// the silos' outcomes back in run order into the same sinks an embedded run feeds, so the results
/// folder is byte-identical to an embedded run's.
/// </summary>
public static class ClusterExperiment
{
    /// <summary>Stores the experiment and one batch row per <paramref name="batchSize"/> runs; returns its id.</summary>
    public static long Submit(ClusterDatabase database, string scenarioName, string scenarioYaml, ulong seed, long runs, int batchSize, int rowWidth, CancellationToken cancellation = default)
    {
        ClusterSchema.Migrate(database, cancellation);
        return database.Run(connection =>
        {
            using var transaction = connection.BeginTransaction();
            long id;
            using (var insert = new NpgsqlCommand(
                "INSERT INTO experiments (scenario_name, scenario_yaml, seed, runs, batch_size, row_width, status) VALUES (@n, @y, @s, @r, @b, @w, 'submitting') RETURNING id", connection, transaction))
            {
                insert.Parameters.AddWithValue("n", scenarioName);
                insert.Parameters.AddWithValue("y", scenarioYaml);
                insert.Parameters.AddWithValue("s", unchecked((long)seed));
                insert.Parameters.AddWithValue("r", runs);
                insert.Parameters.AddWithValue("b", batchSize);
                insert.Parameters.AddWithValue("w", rowWidth);
                id = (long)insert.ExecuteScalar()!;
            }
            using (var batches = new NpgsqlCommand(
                "INSERT INTO batches (experiment_id, batch_index, first_run, run_count) SELECT @id, i, i * @b, least(@b, @r - i * @b) FROM generate_series(0, (@r + @b - 1) / @b - 1) AS i", connection, transaction))
            {
                batches.Parameters.AddWithValue("id", id);
                batches.Parameters.AddWithValue("b", (long)batchSize);
                batches.Parameters.AddWithValue("r", runs);
                batches.ExecuteNonQuery();
            }
            ClusterSchema.Execute(connection, "UPDATE experiments SET status = 'running' WHERE id = @id", ("id", id));
            transaction.Commit();
            return id;
        }, cancellation);
    }

    /// <summary>
    /// Feeds runs 0 .. runs − 1 of experiment <paramref name="experimentId"/> to <paramref name="sink"/>
    /// in order as silos finish them; marks the experiment done. Cancelling stops it (status 'cancelled').
    /// </summary>
    public static void Collect(ClusterDatabase database, long experimentId, long runs, int rowWidth, IOutcomeSink sink, Action<long>? onRunsDone = null, TimeSpan? poll = null, CancellationToken cancellation = default)
    {
        const int Page = 512;
        var next = 0L;
        var buffer = new double[Page * rowWidth];
        try
        {
            while (next < runs)
            {
                cancellation.ThrowIfCancellationRequested();
                var rows = database.Run(c => Read(c, experimentId, next, Page), cancellation);
                var contiguous = 0;
                foreach (var (run, bytes) in rows)
                {
                    if (run != next + contiguous)
                    {
                        break;
                    }
                    OutcomeCodec.Decode(bytes, buffer.AsSpan(contiguous * rowWidth, rowWidth));
                    contiguous++;
                }
                if (contiguous == 0)
                {
                    cancellation.WaitHandle.WaitOne(poll ?? TimeSpan.FromMilliseconds(150));
                    continue;
                }
                sink.Accept(next, contiguous, buffer.AsSpan(0, contiguous * rowWidth));
                next += contiguous;
                onRunsDone?.Invoke(next);
            }
            SetStatus(database, experimentId, "done");
        }
        catch (OperationCanceledException)
        {
            SetStatus(database, experimentId, "cancelled");
            throw;
        }
    }

    private static List<(long Run, byte[] Bytes)> Read(NpgsqlConnection connection, long experiment, long from, int limit)
    {
        using var command = new NpgsqlCommand(
            "SELECT run_index, outcomes FROM run_outcomes WHERE experiment_id = @e AND run_index >= @from ORDER BY run_index LIMIT @limit", connection);
        command.Parameters.AddWithValue("e", experiment);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("limit", limit);
        using var reader = command.ExecuteReader();
        var rows = new List<(long, byte[])>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), (byte[])reader[1]));
        }
        return rows;
    }

    private static void SetStatus(ClusterDatabase database, long experiment, string status) =>
        database.Run(c => ClusterSchema.Execute(c, "UPDATE experiments SET status = @s WHERE id = @id", ("s", status), ("id", experiment)));
}
