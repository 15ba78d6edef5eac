using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace MarketSim.Silo.Hosting;

/// <summary>
/// What a Redis server says, over a bare TCP connection, to <c>AUTH</c> (when a password is given) and <c>PING</c>. The Redis
/// client reports a refused password, under load, as a connection that failed; this asks the server itself, so a command can
/// say which it was.
/// </summary>
internal static class RedisHandshake
{
    /// <summary>What the server said.</summary>
    internal enum Reply
    {
        /// <summary>It answered PING with PONG (after accepting the password, when one was given).</summary>
        Pong,

        /// <summary>It refused the password given (<c>WRONGPASS</c>, or <c>ERR invalid password</c> before Redis 6).</summary>
        WrongPassword,

        /// <summary>It asks for a password and none was given (<c>NOAUTH</c>).</summary>
        NoPassword,

        /// <summary>The connection was accepted, but closed, or what came back is not Redis's answer.</summary>
        NotRedis,

        /// <summary>Nothing came back within the time given.</summary>
        Silent,
    }

    /// <summary>
    /// Connects to <paramref name="host"/>:<paramref name="port"/>, sends <c>AUTH</c> (when <paramref name="password"/> is given) and
    /// <c>PING</c>, and reads the replies within <paramref name="timeout"/>; <see cref="SocketException"/> from the connection is
    /// the caller's to read (refused, unknown host).
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    internal static async Task<Reply> Ask(string host, int port, string? user, string? password, TimeSpan timeout, CancellationToken cancellation)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, deadline.Token).ConfigureAwait(false);
            var stream = client.GetStream();
            string[] ping = ["PING"];
            string[][] commands = password is null ? [ping] : [user is null ? ["AUTH", password] : ["AUTH", user, password], ping];
            await stream.WriteAsync(Encoding.UTF8.GetBytes(string.Concat(commands.Select(Command))), deadline.Token).ConfigureAwait(false);

            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
            if (password is not null)
            {
                var auth = await reader.ReadLineAsync(deadline.Token).ConfigureAwait(false);
                if (auth is not null && (auth.StartsWith("-WRONGPASS", StringComparison.Ordinal) || auth.StartsWith("-ERR invalid password", StringComparison.Ordinal)))
                {
                    return Reply.WrongPassword;
                }
            }
            var pong = await reader.ReadLineAsync(deadline.Token).ConfigureAwait(false);
            return pong switch
            {
                "+PONG" => Reply.Pong,
                _ when pong?.StartsWith("-NOAUTH", StringComparison.Ordinal) == true => Reply.NoPassword,
                _ => Reply.NotRedis,
            };
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return Reply.Silent;
        }
        catch (IOException)
        {
            return Reply.NotRedis;
        }
    }

    /// <summary>One command in Redis's protocol (RESP): an array of bulk strings.</summary>
    private static string Command(string[] parts)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"*{parts.Length}\r\n");
        foreach (var part in parts)
        {
            text.Append(CultureInfo.InvariantCulture, $"${Encoding.UTF8.GetByteCount(part)}\r\n{part}\r\n");
        }
        return text.ToString();
    }
}
