using System.Globalization;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace MarketSim.Silo.Hosting;

/// <summary>
/// The Redis server a cluster meets at, as given with <c>--cluster</c>: <c>redis://HOST:PORT</c>
/// (port 6379 when left out). HOST is a name, an IPv4 address or an IPv6 address in brackets; an
/// optional <c>redis://:PASSWORD@HOST:PORT</c> or <c>redis://USER:PASSWORD@HOST:PORT</c> (percent-encoded)
/// authenticates; a trailing <c>/</c> or <c>/0</c> (database 0, the one a cluster uses) is allowed, another database, path or query is not. A password can come instead from the
/// environment variable <see cref="PasswordVariable"/>, which other users' <c>ps</c> does not show. <see cref="ToString"/>
/// and the messages never show the password.
/// </summary>
public sealed partial class ClusterAddress
{
    /// <summary>The command-line option this address comes from, named in every message.</summary>
    public const string Option = "--cluster";

    /// <summary>Redis's port, used when the address gives none.</summary>
    public const int DefaultPort = 6379;

    /// <summary>What <c>--cluster</c> accepts, for messages.</summary>
    public const string Allowed = "redis://HOST:PORT (for example redis://127.0.0.1:6379)";

    /// <summary>The environment variable that gives Redis's password when <c>--cluster</c>'s address does not.</summary>
    public const string PasswordVariable = "MARKETSIM_REDIS_PASSWORD";

    /// <summary>The ways to give a password, for messages.</summary>
    private const string PasswordWays = $"redis://:PASSWORD@HOST:PORT or redis://USER:PASSWORD@HOST:PORT (percent-encoded), or the password in the environment variable {PasswordVariable}";

    /// <summary>How long a client waits for a connection unless told otherwise.</summary>
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long every command (<c>run --cluster</c>, <c>silo</c>, <c>cluster status</c>) waits for Redis to answer
    /// before it starts: longer than <see cref="DefaultConnectTimeout"/>, since a Redis started beside them may
    /// still be coming up, and a cold process on a loaded machine can take seconds to connect; a shorter wait then
    /// reports a server that refused the password as one that did not answer (docs/cluster.md gives it).
    /// </summary>
    public static readonly TimeSpan StartReachTimeout = TimeSpan.FromSeconds(10);

    private const string Scheme = "redis://";

    /// <summary>The most pings one check makes while the server fails fast without an answer (<see cref="Ping"/>).</summary>
    private const int PingTries = 3;

    /// <summary>The longest a bare handshake (<see cref="RedisHandshake"/>) waits for the server, after the Redis client had no answer.</summary>
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(3);

    private ClusterAddress(string host, int port, string? user, string? password, bool passwordFromEnvironment)
    {
        Host = host;
        Port = port;
        User = user;
        Password = password;
        PasswordFromEnvironment = passwordFromEnvironment;
    }

    /// <summary>The host name or IP address, without brackets (for example <c>::1</c>).</summary>
    public string Host { get; }

    /// <summary>The TCP port.</summary>
    public int Port { get; }

    /// <summary>The Redis ACL user name, if the address gives one.</summary>
    public string? User { get; }

    /// <summary>The password, if the address or <see cref="PasswordVariable"/> gives one.</summary>
    public string? Password { get; }

    /// <summary>Whether <see cref="Password"/> came from <see cref="PasswordVariable"/> rather than the address.</summary>
    public bool PasswordFromEnvironment { get; }

    /// <summary>HOST:PORT, with an IPv6 address in brackets (<c>[::1]:6379</c>), for messages and endpoints.</summary>
    public string Endpoint => $"{(Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host)}:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Parses the value of <c>--cluster</c>, with the password from <see cref="PasswordVariable"/> when the address gives none.</summary>
    /// <exception cref="ClusterAddressException">As <see cref="Parse"/>, or the variable holds a password the Redis client cannot carry.</exception>
    public static ClusterAddress FromCommandLine(string? value) => Parse(value, Environment.GetEnvironmentVariable(PasswordVariable));

    /// <summary>
    /// Parses the value of <c>--cluster</c>; <paramref name="environmentPassword"/> (the value of <see cref="PasswordVariable"/>,
    /// ignored when empty) is the password when the address gives none, as <c>redis-cli</c> treats <c>REDISCLI_AUTH</c>.
    /// </summary>
    /// <exception cref="ClusterAddressException">The value is not <c>redis://HOST:PORT</c>; the message names
    /// <c>--cluster</c>, the value (password hidden) and what is allowed.</exception>
    public static ClusterAddress Parse(string? value, string? environmentPassword = null)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            throw Bad("is empty", "");
        }
        if (text.StartsWith("rediss://", StringComparison.OrdinalIgnoreCase))
        {
            throw Bad("asks for TLS (rediss://), which is not supported", text);
        }
        if (!text.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            throw Bad(LooksLikeHostAndPort(text) ? $"is not a Redis address (did you mean {Scheme}{text}?)" : "is not a Redis address", text);
        }

        var fromEnvironment = !string.IsNullOrEmpty(environmentPassword);
        var authority = text[Scheme.Length..];
        string? user = null;
        string? password = null;
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            if (authority[..at].IndexOfAny(['/', '?', '#']) >= 0)
            {
                throw Bad("has '/', '?' or '#' before '@'; percent-encode them in a user or password (%2F, %3F, %23)", text);
            }
            (user, password) = Credentials(authority[..at], text, fromEnvironment);
            authority = authority[(at + 1)..];
        }
        if (password is null && fromEnvironment)
        {
            if (!ConfigurationCanCarry(environmentPassword!))
            {
                throw new ClusterAddressException($"{PasswordVariable}: the password has a comma or surrounding spaces, which the Redis client's configuration string cannot carry; allowed: a password without them");
            }
            password = environmentPassword;
        }
        else
        {
            fromEnvironment = false;
        }

        var end = authority.IndexOfAny(['/', '?', '#']);
        if (end >= 0)
        {
            var tail = authority[end..];
            var database = System.Text.RegularExpressions.Regex.IsMatch(tail, "^/[0-9]+$");
            if (database && tail.TrimStart('/', '0').Length > 0)
            {
                throw Bad($"selects Redis database {tail[1..]}, but a cluster always keeps its data in database 0 (leave the number out, or write /0)", text);
            }
            if (tail != "/" && !database)
            {
                throw Bad($"has a path or query ('{tail}') after HOST:PORT, which is not allowed", text);
            }
            authority = authority[..end];
        }

        var (host, port) = HostAndPort(authority, text);
        return new ClusterAddress(host, port, user, password, fromEnvironment);
    }

    /// <summary>
    /// The StackExchange.Redis configuration string for this address, such as
    /// <c>127.0.0.1:6379,password=…,abortConnect=false,connectTimeout=5000</c> (for
    /// <c>UseRedisClustering(string)</c>). Clients keep retrying in the background rather than fail at start.
    /// </summary>
    public string ToConfigurationString(TimeSpan? connectTimeout = null) =>
        ToConfigurationOptions(connectTimeout).ToString(includePassword: true);

    /// <summary>The same settings as <see cref="ToConfigurationString"/>, as options to adjust further.</summary>
    public ConfigurationOptions ToConfigurationOptions(TimeSpan? connectTimeout = null)
    {
        var timeout = connectTimeout ?? DefaultConnectTimeout;
        if (timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(connectTimeout), timeout, "The connect timeout must be positive.");
        }
        var options = new ConfigurationOptions
        {
            AbortOnConnectFail = false,
            ConnectTimeout = (int)Math.Min(int.MaxValue, Math.Ceiling(timeout.TotalMilliseconds)),
            User = User,
            Password = Password,
        };
        options.EndPoints.Add(IPAddress.TryParse(Host, out var ip) ? new IPEndPoint(ip, Port) : new DnsEndPoint(Host, Port));
        return options;
    }

    /// <summary><c>redis://HOST:PORT</c>, without the user or password.</summary>
    public override string ToString() => Scheme + Endpoint;

    /// <summary>
    /// The address to type in a command this one suggests: <c>redis://HOST:PORT</c>, or with a password
    /// <c>redis://:PASSWORD@HOST:PORT</c> (<c>USER:PASSWORD</c> with a user), the words standing for what was given, which is never printed;
    /// with the password from <see cref="PasswordVariable"/>, the address as given (<c>redis://USER@HOST:PORT</c> with a user).
    /// </summary>
    public string ToTypeAgain() =>
        Password is null ? ToString()
        : PasswordFromEnvironment ? $"{Scheme}{(User is null ? "" : "USER@")}{Endpoint}"
        : $"{Scheme}{(User is null ? "" : "USER")}:PASSWORD@{Endpoint}";

    private static (string? User, string? Password) Credentials(string userInfo, string text, bool passwordInEnvironment)
    {
        if (System.Text.RegularExpressions.Regex.IsMatch(userInfo, "%(?![0-9A-Fa-f]{2})"))
        {
            throw Bad("has a '%' that does not start a percent-encoded character in the user or password; write a percent sign as %25", text);
        }
        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 && passwordInEnvironment && userInfo.Length > 0)
        {
            var named = Uri.UnescapeDataString(userInfo);
            return named.Contains(',', StringComparison.Ordinal)
                ? throw Bad("has a user with a comma, which the Redis client's configuration string cannot carry", text)
                : (named, null);
        }
        if (colon < 0)
        {
            throw Bad($"has a user but no password; write redis://:PASSWORD@HOST:PORT or redis://USER:PASSWORD@HOST:PORT, or give the password in {PasswordVariable}", text);
        }
        var user = Uri.UnescapeDataString(userInfo[..colon]);
        var password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
        if (password.Length == 0)
        {
            throw Bad("has an empty password; leave out '@' and what comes before it when the server has no password", text);
        }
        if (!ConfigurationCanCarry(password) || user.Contains(',', StringComparison.Ordinal))
        {
            throw Bad("has a user or password with a comma or surrounding spaces, which the Redis client's configuration string cannot carry", text);
        }
        return (user.Length == 0 ? null : user, password);
    }

    /// <summary>Whether the Redis client's configuration string can carry <paramref name="password"/>: no comma, no surrounding spaces.</summary>
    private static bool ConfigurationCanCarry(string password) =>
        !password.Contains(',', StringComparison.Ordinal) && password.Trim().Length == password.Length;

    private static (string Host, int Port) HostAndPort(string authority, string text)
    {
        string host;
        string? port = null;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw Bad("has '[' without ']' around an IPv6 address", text);
            }
            host = authority[1..close];
            var rest = authority[(close + 1)..];
            if (rest.Length > 0)
            {
                if (rest[0] != ':')
                {
                    throw Bad($"has '{rest}' after the IPv6 address; write [IPv6]:PORT", text);
                }
                port = rest[1..];
            }
            if (host.Length == 0)
            {
                throw Bad("has no host", text);
            }
            if (!IPAddress.TryParse(host, out var ip) || ip.AddressFamily != AddressFamily.InterNetworkV6)
            {
                throw Bad($"has '[{host}]', which is not an IPv6 address", text);
            }
        }
        else
        {
            var colons = authority.Count(c => c == ':');
            if (colons > 1)
            {
                throw Bad("has an IPv6 address without brackets; write redis://[IPv6]:PORT, for example redis://[::1]:6379", text);
            }
            var colon = authority.IndexOf(':', StringComparison.Ordinal);
            host = colon < 0 ? authority : authority[..colon];
            port = colon < 0 ? null : authority[(colon + 1)..];
            if (host.Length == 0)
            {
                throw Bad("has no host", text);
            }
            var dotted = host.All(c => char.IsAsciiDigit(c) || c == '.');
            if (dotted ? !IsIPv4(host) : Uri.CheckHostName(host) != UriHostNameType.Dns)
            {
                throw Bad($"has '{host}', which is neither a host name nor an IPv4 address", text);
            }
        }
        return (host, ParsePort(port, text));
    }

    private static bool IsIPv4(string host) =>
        host.Split('.') is { Length: 4 } parts
        && parts.All(p => p.Length is > 0 and <= 3 && (p.Length == 1 || p[0] != '0') && int.Parse(p, CultureInfo.InvariantCulture) <= 255);

    private static bool LooksLikeHostAndPort(string text)
    {
        if (text.Contains("://", StringComparison.Ordinal) || text.IndexOfAny(['=', ';', ',', ' ', '@']) >= 0)
        {
            return false;
        }
        try
        {
            Parse(Scheme + text);
            return true;
        }
        catch (ClusterAddressException)
        {
            return false;
        }
    }

    private static int ParsePort(string? port, string text)
    {
        if (port is null)
        {
            return DefaultPort;
        }
        if (port.Length is 0 or > 5 || !port.All(char.IsAsciiDigit) || int.Parse(port, CultureInfo.InvariantCulture) is < 1 or > 65535)
        {
            throw Bad($"has a bad port '{port}' (a number from 1 to 65535)", text);
        }
        return int.Parse(port, CultureInfo.InvariantCulture);
    }

    private static ClusterAddressException Bad(string problem, string text) =>
        new($"{Option}: '{Redact(text)}' {problem}; allowed: {Allowed}");

    /// <summary>The value with any password (whatever is between the first ':' and the last '@') replaced by ***, for messages.</summary>
    private static string Redact(string text)
    {
        if (!text.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }
        var rest = text[Scheme.Length..];
        var at = rest.LastIndexOf('@');
        var colon = at < 0 ? -1 : rest.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || colon >= at - 1)
        {
            return text;
        }
        return $"{text[..Scheme.Length]}{rest[..colon]}:***{rest[at..]}";
    }
}
