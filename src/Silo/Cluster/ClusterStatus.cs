using Npgsql;

namespace MarketSim.Silo.Cluster;

/// <summary>What `marketsim cluster status` shows: the silos and the experiments with their progress.</summary>
public static class ClusterStatus
{
    /// <summary>A silo's row.</summary>
    public sealed record Silo(string Id, string Host, int Pid, int Threads, string Status, double SecondsSinceHeartbeat, long BatchesCompleted);

    /// <summary>An experiment's row.</summary>
    public sealed record Experiment(long Id, string Scenario, long Runs, long RunsCompleted, long BatchesLeased, string Status, DateTime CreatedUtc);

    /// <summary>Reads the cluster's state, first marking silos whose heartbeat is older than <paramref name="deadAfter"/> as dead.</summary>
    public static (List<Silo> Silos, List<Experiment> Experiments) Read(ClusterDatabase database, TimeSpan deadAfter)
    {
        ClusterSchema.Migrate(database);
        return database.Run(connection =>
        {
            ClusterSchema.Execute(connection, "UPDATE silos SET status = 'dead' WHERE status = 'alive' AND heartbeat_at < now() - @dead", ("dead", deadAfter));
            var silos = new List<Silo>();
            using (var command = new NpgsqlCommand(
                """
                SELECT s.id, s.host, s.pid, s.threads, s.status, extract(epoch FROM now() - s.heartbeat_at)::float8,
                       (SELECT count(*) FROM batches b WHERE b.completed_by = s.id)
                FROM silos s ORDER BY s.started_at
                """, connection))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    silos.Add(new Silo(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetString(4), reader.GetDouble(5), reader.GetInt64(6)));
                }
            }
            var experiments = new List<Experiment>();
            using (var command = new NpgsqlCommand(
                """
                SELECT e.id, e.scenario_name, e.runs,
                       (SELECT count(*) FROM run_outcomes r WHERE r.experiment_id = e.id),
                       (SELECT count(*) FROM batches b WHERE b.experiment_id = e.id AND b.completed_at IS NULL AND b.leased_by IS NOT NULL AND b.lease_expires_at > now()),
                       e.status, e.created_at
                FROM experiments e ORDER BY e.id
                """, connection))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    experiments.Add(new Experiment(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetString(5), reader.GetDateTime(6)));
                }
            }
            return (silos, experiments);
        });
    }
}
