using Npgsql;

namespace MarketSim.Silo.Cluster;

/// <summary>
/// Creates and migrates the cluster's tables. Each migration runs once, in order, under an advisory
/// lock, so silos and clients starting together do not race.
/// </summary>
public static class ClusterSchema
{
    private const long LockKey = 0x4D61726B657453;

    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE silos (
            id text PRIMARY KEY,
            host text NOT NULL,
            pid integer NOT NULL,
            threads integer NOT NULL,
            started_at timestamptz NOT NULL DEFAULT now(),
            heartbeat_at timestamptz NOT NULL DEFAULT now(),
            status text NOT NULL);
        CREATE TABLE experiments (
            id bigserial PRIMARY KEY,
            created_at timestamptz NOT NULL DEFAULT now(),
            scenario_name text NOT NULL,
            scenario_yaml text NOT NULL,
            seed bigint NOT NULL,
            runs bigint NOT NULL,
            batch_size integer NOT NULL,
            row_width integer NOT NULL,
            status text NOT NULL);
        CREATE TABLE batches (
            experiment_id bigint NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
            batch_index bigint NOT NULL,
            first_run bigint NOT NULL,
            run_count integer NOT NULL,
            leased_by text,
            lease_expires_at timestamptz,
            completed_at timestamptz,
            completed_by text,
            PRIMARY KEY (experiment_id, batch_index));
        CREATE INDEX batches_open ON batches (experiment_id, batch_index) WHERE completed_at IS NULL;
        CREATE TABLE run_outcomes (
            experiment_id bigint NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
            run_index bigint NOT NULL,
            outcomes bytea NOT NULL,
            computed_by text NOT NULL,
            PRIMARY KEY (experiment_id, run_index));
        """,
        // Outcome rows are a few kilobytes of doubles that do not compress: store them without
        // TOAST compression, which only costs the server CPU the silos need.
        "ALTER TABLE run_outcomes ALTER COLUMN outcomes SET STORAGE EXTERNAL;",
    ];

    /// <summary>The schema version this engine writes.</summary>
    public static int Version => Migrations.Length;

    /// <summary>Brings the database's schema up to <see cref="Version"/>.</summary>
    public static void Migrate(ClusterDatabase database, CancellationToken cancellation = default) =>
        database.Run(connection =>
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, "SELECT pg_advisory_xact_lock(@key)", ("key", LockKey));
            Execute(connection, "CREATE TABLE IF NOT EXISTS marketsim_schema (version integer NOT NULL)");
            using (var read = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM marketsim_schema", connection))
            {
                var current = Convert.ToInt32(read.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
                for (var v = current; v < Migrations.Length; v++)
                {
                    Execute(connection, Migrations[v]);
                    Execute(connection, "INSERT INTO marketsim_schema (version) VALUES (@v)", ("v", v + 1));
                }
            }
            transaction.Commit();
        }, cancellation);

    internal static int Execute(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return command.ExecuteNonQuery();
    }
}
