using System.Globalization;
using System.Net.Sockets;
using StackExchange.Redis;

namespace MarketSim.Silo.Hosting;

/// <summary>Whether a Redis server answers at the address, and if not, why in words (the Redis client does not say).</summary>
public sealed partial class ClusterAddress
{
    /// <summary>
    /// Whether a Redis server at <paramref name="address"/> answers PING within <paramref name="timeout"/>
    /// (connecting included), so that a command can fail fast with <see cref="NoAnswerMessage"/> instead of
    /// retrying for long. A wrong password also counts as no answer.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    public static async Task<bool> CanReach(ClusterAddress address, TimeSpan timeout, CancellationToken cancellation = default) =>
        (await Ping(address, timeout, cancellation).ConfigureAwait(false)).Result == PingResult.Answered;

    /// <summary>Pings the Redis at this address; throws <see cref="ClusterUnavailableException"/> with <see cref="NoAnswerMessage"/> when it does not answer within <paramref name="timeout"/>, or with what to give when it refuses the password.</summary>
    public void ThrowIfUnreachable(TimeSpan timeout, CancellationToken cancellation = default)
    {
        var (result, why) = Ping(this, timeout, cancellation).GetAwaiter().GetResult();
        switch (result)
        {
            case PingResult.Answered:
                return;
            case PingResult.RefusedPassword:
                throw new ClusterUnavailableException(Password is null
                    ? $"{Option}: the Redis server at {Endpoint} asks for a password; allowed: {PasswordWays}"
                    : $"{Option}: the Redis server at {Endpoint} refused the {(User is null ? "password" : "user and password")} given{(PasswordFromEnvironment ? $" (the password from {PasswordVariable})" : "")}; allowed: the server's own, as {PasswordWays}");
            default:
                throw new ClusterUnavailableException(NoAnswerMessage(timeout, why));
        }
    }

    /// <summary>
    /// Pings with the Redis client, and tries again (up to <see cref="PingTries"/> times in all) while a try fails without an
    /// answer and at least a second of <paramref name="timeout"/> is left. When the client still has no answer, the server
    /// is asked over a bare connection (<see cref="RedisHandshake"/>): the test suite under load has seen the client report a
    /// server that refused the password as one that did not answer. The handshake also says why there was no answer.
    /// </summary>
    private static async Task<(PingResult Result, string? Why)> Ping(ClusterAddress address, TimeSpan timeout, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(address);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await PingOnce(address, timeout, cancellation).ConfigureAwait(false);
        for (var tries = 1; result == PingResult.NoAnswer && tries < PingTries && timeout - clock.Elapsed > TimeSpan.FromSeconds(1); tries++)
        {
            result = await PingOnce(address, timeout - clock.Elapsed, cancellation).ConfigureAwait(false);
        }
        return result == PingResult.NoAnswer ? await Handshake(address, timeout, cancellation).ConfigureAwait(false) : (result, null);
    }

    /// <summary>What the server says over a bare connection, and in words why there was no answer when there was none.</summary>
    private static async Task<(PingResult Result, string? Why)> Handshake(ClusterAddress address, TimeSpan timeout, CancellationToken cancellation)
    {
        try
        {
            var reply = await RedisHandshake.Ask(address.Host, address.Port, address.User, address.Password, timeout < HandshakeTimeout ? timeout : HandshakeTimeout, cancellation).ConfigureAwait(false);
            return reply switch
            {
                RedisHandshake.Reply.Pong => (PingResult.Answered, null),
                RedisHandshake.Reply.WrongPassword or RedisHandshake.Reply.NoPassword => (PingResult.RefusedPassword, null),
                RedisHandshake.Reply.NotRedis => (PingResult.NoAnswer, "the connection was accepted but closed without a Redis answer (is another program listening on that port?)"),
                _ => (PingResult.NoAnswer, null),
            };
        }
        catch (SocketException ex)
        {
            return (PingResult.NoAnswer, ex.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "the connection was refused (nothing listens on that port)",
                SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData => $"the host name '{address.Host}' is not known",
                SocketError.NetworkUnreachable or SocketError.HostUnreachable => $"this machine has no route to {address.Host} (the network is unreachable from here)",
                _ => null,
            });
        }
    }

    private static async Task<PingResult> PingOnce(ClusterAddress address, TimeSpan timeout, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        var options = address.ToConfigurationOptions(timeout);
        options.AbortOnConnectFail = true;
        options.ConnectRetry = 1;
        options.AsyncTimeout = options.ConnectTimeout;
        options.SyncTimeout = options.ConnectTimeout;

        // The client's own timeouts apply to each step; this caps the whole check and lets it be cancelled.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        var connecting = ConnectionMultiplexer.ConnectAsync(options);
        ConnectionMultiplexer? connection = null;
        try
        {
            connection = await connecting.WaitAsync(deadline.Token).ConfigureAwait(false);
            await connection.GetDatabase().PingAsync().WaitAsync(deadline.Token).ConfigureAwait(false);
            return PingResult.Answered;
        }
        catch (Exception ex) when (!cancellation.IsCancellationRequested)
        {
            return IsRefusedPassword(ex) ? PingResult.RefusedPassword : PingResult.NoAnswer;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The connection failed as the caller asked to stop: the stop is what the caller hears.
            throw new OperationCanceledException("The check of the cluster address was cancelled.", ex, cancellation);
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                DisposeWhenConnected(connecting);
            }
        }
    }

    private static bool IsRefusedPassword(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is RedisConnectionException { FailureType: ConnectionFailureType.AuthenticationFailure }
                || (e is RedisServerException && (e.Message.StartsWith("NOAUTH", StringComparison.Ordinal) || e.Message.StartsWith("WRONGPASS", StringComparison.Ordinal))))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The message for a server that did not answer: <c>--cluster: no Redis server answered at 127.0.0.1:6399 within 5 s</c>, or, given
    /// <paramref name="why"/> (the connection was refused, the host name is not known), that instead of a wait that did not happen.
    /// </summary>
    public string NoAnswerMessage(TimeSpan timeout, string? why = null) =>
        why is null
            ? $"{Option}: no Redis server answered at {Endpoint} within {timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s"
            : $"{Option}: no Redis server answered at {Endpoint}: {why}";

    /// <summary>Disposes a connection that completes after the check gave up on it (and observes a failure).</summary>
    private static void DisposeWhenConnected(Task<ConnectionMultiplexer> connecting) =>
        _ = connecting.ContinueWith(
            t =>
            {
                if (t.IsCompletedSuccessfully)
                {
                    t.Result.Dispose();
                }
                else
                {
                    _ = t.Exception;
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

    private enum PingResult
    {
        Answered,
        NoAnswer,
        RefusedPassword,
    }
}
