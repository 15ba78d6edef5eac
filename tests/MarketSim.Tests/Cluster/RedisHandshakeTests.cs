using System.Net;
using System.Net.Sockets;
using MarketSim.Silo.Hosting;
using MarketSim.Tests.Support;
using Reply = MarketSim.Silo.Hosting.RedisHandshake.Reply;

namespace MarketSim.Tests.Cluster;

/// <summary>
/// The bare AUTH-and-PING handshake that tells a refused password from a server that did not answer, when the Redis
/// client cannot: each reply of a real redis-server, and of programs that are not Redis.
/// </summary>
public class RedisHandshakeTests
{
    private static readonly TimeSpan Given = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_server_with_a_password_tells_a_wrong_a_missing_and_the_right_one_apart()
    {
        using var redis = new PrivateRedis();
        using (var connection = redis.Connect())
        {
            await connection.GetServer(redis.Address).ConfigSetAsync("requirepass", "right");
        }

        Assert.Equal(Reply.WrongPassword, await RedisHandshake.Ask("127.0.0.1", redis.Port, null, "wrong", Given, default));
        Assert.Equal(Reply.WrongPassword, await RedisHandshake.Ask("127.0.0.1", redis.Port, "default", "wrong", Given, default));
        Assert.Equal(Reply.NoPassword, await RedisHandshake.Ask("127.0.0.1", redis.Port, null, null, Given, default));
        Assert.Equal(Reply.Pong, await RedisHandshake.Ask("127.0.0.1", redis.Port, null, "right", Given, default));
        Assert.Equal(Reply.Pong, await RedisHandshake.Ask("127.0.0.1", redis.Port, "default", "right", Given, default));
    }

    [Fact]
    public async Task A_server_without_a_password_answers_pong()
    {
        using var redis = new PrivateRedis();

        Assert.Equal(Reply.Pong, await RedisHandshake.Ask("127.0.0.1", redis.Port, null, null, Given, default));
    }

    [Fact]
    public async Task A_program_that_closes_the_connection_or_answers_in_another_protocol_is_not_redis()
    {
        Assert.Equal(Reply.NotRedis, await WithListener((_, _) => Task.CompletedTask, (port, _) => RedisHandshake.Ask("127.0.0.1", port, null, null, Given, default)));
        Assert.Equal(Reply.NotRedis, await WithListener(
            (stream, stop) => stream.WriteAsync("HTTP/1.1 400 Bad Request\r\n\r\n"u8.ToArray(), stop).AsTask(),
            (port, _) => RedisHandshake.Ask("127.0.0.1", port, null, null, Given, default)));
    }

    [Fact]
    public async Task A_program_that_accepts_and_says_nothing_is_silent_once_the_time_given_is_up()
    {
        var reply = await WithListener(
            (_, stop) => Task.Delay(System.Threading.Timeout.InfiniteTimeSpan, stop),
            (port, _) => RedisHandshake.Ask("127.0.0.1", port, null, null, TimeSpan.FromMilliseconds(300), default));

        Assert.Equal(Reply.Silent, reply);
    }

    [Fact]
    public async Task A_port_nobody_listens_on_leaves_the_refused_connection_to_the_caller()
    {
        var free = new TcpListener(IPAddress.Loopback, 0);
        free.Start();
        var port = ((IPEndPoint)free.LocalEndpoint).Port;
        free.Stop();

        var refused = await Assert.ThrowsAsync<SocketException>(() => RedisHandshake.Ask("127.0.0.1", port, null, null, Given, default));

        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }

    [Fact]
    public async Task A_cancelled_handshake_is_cancelled_not_silent()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => WithListener(
            (_, stop) => Task.Delay(System.Threading.Timeout.InfiniteTimeSpan, stop),
            (port, _) => RedisHandshake.Ask("127.0.0.1", port, null, null, Given, cancel.Token)));
    }

    /// <summary>Runs <paramref name="ask"/> against a one-connection listener that does <paramref name="serve"/> and then closes.</summary>
    private static async Task<T> WithListener<T>(Func<NetworkStream, CancellationToken, Task> serve, Func<int, CancellationToken, Task<T>> ask)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var stop = new CancellationTokenSource();
        var serving = Task.Run(async () =>
        {
            using var accepted = await listener.AcceptTcpClientAsync(stop.Token);
            await serve(accepted.GetStream(), stop.Token);
        });
        try
        {
            return await ask(port, stop.Token);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAny(serving);
        }
    }
}
