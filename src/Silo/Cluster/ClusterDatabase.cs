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
    /// <exception cref="ClusterConnectionException">The connection string is not an Npgsql connection string.</exception>
    public ClusterDatabase(string connectionString, TimeProvider? time = null)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = true };
            _source = NpgsqlDataSource.Create(builder.ConnectionString);
        }
        catch (ArgumentException ex)
        {
            throw new ClusterConnectionException($"'{connectionString}' is not a connection string ({ex.Message})", ex);
        }
        Time = time ?? TimeProvider.System;
    }

    /// <summary>The clock used for backoff and deadlines.</summary>
    public TimeProvider Time { get; }

    /// <summary>How long to keep retrying a transient failure before giving up.</summary>
    public TimeSpan RetryWindow { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Checks the server answers within <paramref name="window"/> (retrying meanwhile), so that a wrong
    /// address fails fast instead of after the long <see cref="RetryWindow"/> meant for restarts.
    /// </summary>
    /// <exception cref="ClusterConnectionException">The server did not answer.</exception>
    public void CheckReachable(TimeSpan window, CancellationToken cancellation = default)
    {
        var deadline = Time.GetUtcNow() + window;
        while (true)
        {
            try
            {
                using var connection = _source.OpenConnection();
                return;
            }
            catch (Exception ex) when (IsTransient(ex) || ex is PostgresException)
            {
                if (Time.GetUtcNow() >= deadline || cancellation.IsCancellationRequested)
                {
                    throw new ClusterConnectionException($"no PostgreSQL server answered within {window.TotalSeconds:0} s ({ex.Message})", ex);
                }
                cancellation.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(250));
            }
        }
    }

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
