using System.Net.Sockets;
using Npgsql;

namespace MarketSim.Silo.Cluster;

/// <summary>
/// The cluster's PostgreSQL database: a connection source and a retry rule, so that silos and the
/// client ride out a PostgreSQL restart (they retry transient failures with backoff for
/// <see cref="RetryWindow"/>, reconnecting each time) instead of failing.
/// </summary>
public sealed class ClusterDatabase : IDisposable
{
    private readonly NpgsqlDataSource _source;

    /// <summary>Opens a source for <paramref name="connectionString"/> (an Npgsql connection string).</summary>
    public ClusterDatabase(string connectionString, TimeProvider? time = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = true };
        _source = NpgsqlDataSource.Create(builder.ConnectionString);
        Time = time ?? TimeProvider.System;
    }

    /// <summary>The clock used for backoff and deadlines.</summary>
    public TimeProvider Time { get; }

    /// <summary>How long to keep retrying a transient failure before giving up.</summary>
    public TimeSpan RetryWindow { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Runs <paramref name="action"/> on an open connection, retrying transient failures.</summary>
    public T Run<T>(Func<NpgsqlConnection, T> action, CancellationToken cancellation = default)
    {
        var deadline = Time.GetUtcNow() + RetryWindow;
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                using var connection = _source.OpenConnection();
                return action(connection);
            }
            catch (Exception ex) when (IsTransient(ex) && Time.GetUtcNow() < deadline && !cancellation.IsCancellationRequested)
            {
                NpgsqlConnection.ClearAllPools();
                cancellation.WaitHandle.WaitOne(delay);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2000));
            }
        }
    }

    /// <summary>Runs <paramref name="action"/> on an open connection, retrying transient failures.</summary>
    public void Run(Action<NpgsqlConnection> action, CancellationToken cancellation = default) =>
        Run(c =>
        {
            action(c);
            return 0;
        }, cancellation);

    /// <summary>Whether <paramref name="ex"/> is worth retrying: a lost connection, a server shutting down or starting up.</summary>
    public static bool IsTransient(Exception ex) => ex switch
    {
        PostgresException pg => pg.IsTransient || pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("57P", StringComparison.Ordinal),
        NpgsqlException npg => npg.IsTransient || npg.InnerException is IOException or SocketException || npg.InnerException is null,
        IOException or SocketException or TimeoutException => true,
        _ => false,
    };

    /// <inheritdoc />
    public void Dispose() => _source.Dispose();
}
