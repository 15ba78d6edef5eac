using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MarketSim.Silo.Hosting;
using MarketSim.Tests.Support;
using StackExchange.Redis;

namespace MarketSim.Tests.Cluster;

/// <summary>--cluster takes redis://HOST:PORT; anything else is one clear message; an unreachable server is found fast.</summary>
public class ClusterAddressTests
{
    private const string Allowed = "allowed: redis://HOST:PORT (for example redis://127.0.0.1:6379)";

    [Theory]
    [InlineData("redis://127.0.0.1:6379", "127.0.0.1", 6379, "127.0.0.1:6379")]
    [InlineData("redis://localhost", "localhost", 6379, "localhost:6379")]
    [InlineData("redis://cache.example.org:6380/", "cache.example.org", 6380, "cache.example.org:6380")]
    [InlineData("REDIS://Redis-1:1", "Redis-1", 1, "Redis-1:1")]
    [InlineData("redis://[::1]:7000", "::1", 7000, "[::1]:7000")]
    [InlineData(" redis://10.0.0.5:65535 ", "10.0.0.5", 65535, "10.0.0.5:65535")]
    public void A_redis_address_is_parsed(string value, string host, int port, string endpoint)
    {
        var address = ClusterAddress.Parse(value);

        Assert.Equal(host, address.Host);
        Assert.Equal(port, address.Port);
        Assert.Equal(endpoint, address.Endpoint);
        Assert.Equal($"redis://{endpoint}", address.ToString());
        Assert.Null(address.User);
        Assert.Null(address.Password);
    }

    [Theory]
    [InlineData("redis://:s3cret@127.0.0.1:6390", null, "s3cret")]
    [InlineData("redis://app:p%40ss:w=rd@h:1", "app", "p@ss:w=rd")]
    [InlineData("redis://:a@b@h:1", null, "a@b")]
    public void A_password_and_user_are_read_and_never_shown(string value, string? user, string password)
    {
        var address = ClusterAddress.Parse(value);

        Assert.Equal(user, address.User);
        Assert.Equal(password, address.Password);
        Assert.DoesNotContain(password, address.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("@", address.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_postgres_address_is_refused_with_the_message_the_user_sees() =>
        Assert.Equal(
            "--cluster: 'postgres://x' is not a Redis address; allowed: redis://HOST:PORT (for example redis://127.0.0.1:6379)",
            Assert.Throws<ClusterAddressException>(() => ClusterAddress.Parse("postgres://x")).Message);

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("   ", "is empty")]
    [InlineData("127.0.0.1:6379", "is not a Redis address (did you mean redis://127.0.0.1:6379?)")]
    [InlineData("Host=127.0.0.1;Port=5432;Username=marketsim", "is not a Redis address")]
    [InlineData("http://127.0.0.1:6379", "is not a Redis address")]
    [InlineData("rediss://h:6380", "asks for TLS (rediss://), which is not supported")]
    [InlineData("redis://", "has no host")]
    [InlineData("redis://:6379", "has no host")]
    [InlineData("redis://[]:6379", "has no host")]
    [InlineData("redis://h:0", "has a bad port '0' (a number from 1 to 65535)")]
    [InlineData("redis://h:65536", "has a bad port '65536'")]
    [InlineData("redis://h:-1", "has a bad port '-1'")]
    [InlineData("redis://h:six", "has a bad port 'six'")]
    [InlineData("redis://h:", "has a bad port ''")]
    [InlineData("redis://h:0000006379", "has a bad port '0000006379'")]
    [InlineData("redis://h:6379/1", "selects Redis database 1, but a cluster always keeps its data in database 0 (leave the number out, or write /0)")]
    [InlineData("redis://h:6379/0/", "has a path or query ('/0/') after HOST:PORT")]
    [InlineData("redis://h:6379/x/y", "has a path or query ('/x/y')")]
    [InlineData("redis://h:6379?db=1", "has a path or query ('?db=1')")]
    [InlineData("redis://::1:6379", "has an IPv6 address without brackets")]
    [InlineData("redis://[::1:6379", "has '[' without ']'")]
    [InlineData("redis://[::1]6379", "has '6379' after the IPv6 address")]
    [InlineData("redis://[127.0.0.1]:6379", "has '[127.0.0.1]', which is not an IPv6 address")]
    [InlineData("redis://300.1.1.1:6379", "has '300.1.1.1', which is neither a host name nor an IPv4 address")]
    [InlineData("redis://10.0.1:6379", "has '10.0.1', which is neither")]
    [InlineData("redis://two words:6379", "has 'two words', which is neither")]
    [InlineData("redis://user@h:6379", "has a user but no password")]
    [InlineData("redis://:@h:6379", "has an empty password")]
    public void Bad_input_names_the_option_the_value_and_what_is_allowed(string value, string problem)
    {
        var ex = Assert.Throws<ClusterAddressException>(() => ClusterAddress.Parse(value));

        Assert.StartsWith($"--cluster: '{value.Trim()}' {problem}", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith($"; {Allowed}", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<ArgumentException>(ex);
    }

    [Theory]
    [InlineData("redis://:100%ZZ@h:6379")]
    [InlineData("redis://:50%@h:6379")]
    [InlineData("redis://us%er:pw@h:6379")]
    public void A_percent_sign_that_encodes_nothing_is_refused_rather_than_sent_as_typed(string value)
    {
        var ex = Assert.Throws<ClusterAddressException>(() => ClusterAddress.Parse(value));

        Assert.Contains("has a '%' that does not start a percent-encoded character in the user or password; write a percent sign as %25", ex.Message, StringComparison.Ordinal);
        Assert.Contains(":***@h:6379", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("redis://127.0.0.1:6379/0")]
    [InlineData("redis://:hunter2@127.0.0.1:6379/00")]
    public void Database_0_written_as_a_path_is_accepted_as_the_database_a_cluster_uses(string value)
    {
        var address = ClusterAddress.Parse(value);

        Assert.Equal("redis://127.0.0.1:6379", address.ToString());
        Assert.Null(address.ToConfigurationOptions().DefaultDatabase);
    }

    [Fact]
    public void A_null_value_is_reported_as_empty() =>
        Assert.StartsWith("--cluster: '' is empty", Assert.Throws<ClusterAddressException>(() => ClusterAddress.Parse(null)).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("redis://:hunter2@h:99999", "'redis://:***@h:99999' has a bad port")]
    [InlineData("redis://app:hunter2@h:1/x", "'redis://app:***@h:1/x' has a path")]
    [InlineData("redis://app:hunter2@h:1/2", "'redis://app:***@h:1/2' selects Redis database 2")]
    [InlineData("redis://:hun,ter2@h:1", "'redis://:***@h:1' has a user or password with a comma")]
    [InlineData("redis://:hunter2/x@h:1", "'redis://:***@h:1' has '/', '?' or '#' before '@'")]
    [InlineData("redis://:hunter2@h:1:2", "'redis://:***@h:1:2' has an IPv6 address without brackets")]
    public void A_message_never_shows_the_password(string value, string shown)
    {
        var message = Assert.Throws<ClusterAddressException>(() => ClusterAddress.Parse(value)).Message;

        Assert.Contains(shown, message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("redis://127.0.0.1:6390", "127.0.0.1:6390")]
    [InlineData("redis://cache.example.org", "cache.example.org:6379")]
    [InlineData("redis://[::1]:7000", "[::1]:7000")]
    public void The_configuration_string_reaches_the_same_server_and_retries_in_the_background(string value, string endpoint)
    {
        var configuration = ClusterAddress.Parse(value).ToConfigurationString();

        var options = ConfigurationOptions.Parse(configuration);
        Assert.StartsWith(endpoint + ",", configuration, StringComparison.Ordinal);
        Assert.Equal(endpoint, Assert.Single(options.EndPoints) switch
        {
            DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
            var other => other.ToString(),
        });
        Assert.False(options.AbortOnConnectFail);
        Assert.Equal(5000, options.ConnectTimeout);
        Assert.Null(options.Password);
        Assert.DoesNotContain("password", configuration, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("redis://127.0.0.1:6390", null, "from-env", true, "redis://127.0.0.1:6390")]
    [InlineData("redis://app@127.0.0.1:6390", "app", "from-env", true, "redis://USER@127.0.0.1:6390")]
    [InlineData("redis://:in-address@127.0.0.1:6390", null, "in-address", false, "redis://:PASSWORD@127.0.0.1:6390")]
    public void A_password_in_the_environment_is_used_when_the_address_gives_none(string value, string? user, string password, bool fromEnvironment, string typeAgain)
    {
        var address = ClusterAddress.Parse(value, environmentPassword: "from-env");

        Assert.Equal(user, address.User);
        Assert.Equal(password, address.Password);
        Assert.Equal(fromEnvironment, address.PasswordFromEnvironment);
        Assert.Equal(password, ConfigurationOptions.Parse(address.ToConfigurationString()).Password);
        Assert.Equal(typeAgain, address.ToTypeAgain());
        Assert.DoesNotContain(password, address.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_password_variable_counts_as_unset()
    {
        var address = ClusterAddress.Parse("redis://127.0.0.1:6390", environmentPassword: "");

        Assert.Null(address.Password);
        Assert.False(address.PasswordFromEnvironment);
        Assert.Contains("has a user but no password", Assert.Throws<ClusterAddressException>(() => ClusterAddress.Parse("redis://app@h:1", "")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a,b")]
    [InlineData(" padded")]
    public void A_password_variable_the_redis_client_cannot_carry_is_refused_naming_the_variable(string password)
    {
        var ex = Assert.Throws<ClusterAddressException>(() => ClusterAddress.Parse("redis://127.0.0.1:6390", password));

        Assert.Equal(
            "MARKETSIM_REDIS_PASSWORD: the password has a comma or surrounding spaces, which the Redis client's configuration string cannot carry; allowed: a password without them",
            ex.Message);
        Assert.DoesNotContain(password.Trim(), ex.Message.Replace("MARKETSIM_REDIS_PASSWORD", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void The_configuration_string_carries_the_password_and_the_timeout()
    {
        var address = ClusterAddress.Parse("redis://app:p%40ss=w@127.0.0.1:6390");

        var configuration = address.ToConfigurationString(TimeSpan.FromSeconds(2));

        Assert.StartsWith("127.0.0.1:6390,", configuration, StringComparison.Ordinal);
        var options = ConfigurationOptions.Parse(configuration);
        Assert.Equal("p@ss=w", options.Password);
        Assert.Equal("app", options.User);
        Assert.Equal(2000, options.ConnectTimeout);
    }

    [Fact]
    public void An_unknown_host_is_named_as_such_not_as_a_server_that_did_not_answer_within_the_timeout()
    {
        var address = ClusterAddress.Parse("redis://nosuchhost.invalid:6399");

        var refused = Assert.Throws<ClusterUnavailableException>(() => address.ThrowIfUnreachable(TimeSpan.FromSeconds(10)));

        Assert.Equal("--cluster: no Redis server answered at nosuchhost.invalid:6399: the host name 'nosuchhost.invalid' is not known", refused.Message);
    }

    [Fact]
    public async Task A_port_where_another_program_closes_the_connection_is_named_as_such_not_as_a_wait()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var stop = new CancellationTokenSource();
        // Accepts and closes until stopped, which ends it with OperationCanceledException whenever the stop comes.
        var closing = Task.Run(async () =>
        {
            while (true)
            {
                using var accepted = await listener.AcceptTcpClientAsync(stop.Token);
            }
        });
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var address = ClusterAddress.Parse($"redis://127.0.0.1:{port}");
        var clock = Stopwatch.StartNew();

        var refused = Assert.Throws<ClusterUnavailableException>(() => address.ThrowIfUnreachable(TimeSpan.FromSeconds(10)));

        Assert.Equal($"--cluster: no Redis server answered at 127.0.0.1:{port}: the connection was accepted but closed without a Redis answer (is another program listening on that port?)", refused.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed.TotalSeconds:0.0} s");
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => closing);
    }

    [Theory]
    [InlineData("redis://127.0.0.1:6392", "redis://127.0.0.1:6392")]
    [InlineData("redis://:s3cret@127.0.0.1:6392", "redis://:PASSWORD@127.0.0.1:6392")]
    [InlineData("redis://app:s3cret@127.0.0.1:6392", "redis://USER:PASSWORD@127.0.0.1:6392")]
    public void An_address_to_type_again_shows_where_a_password_goes_without_printing_it(string given, string typeAgain) =>
        Assert.Equal(typeAgain, ClusterAddress.Parse(given).ToTypeAgain());

    [Fact]
    public void The_message_for_no_answer_names_the_option_and_the_endpoint() =>
        Assert.Equal(
            "--cluster: no Redis server answered at 127.0.0.1:6399 within 5 s",
            ClusterAddress.Parse("redis://127.0.0.1:6399").NoAnswerMessage(TimeSpan.FromSeconds(5)));

    [Fact]
    public async Task A_running_server_is_reached()
    {
        using var redis = new PrivateRedis();

        Assert.True(await ClusterAddress.CanReach(ClusterAddress.Parse(redis.Uri), TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task A_port_nobody_listens_on_is_not_reached_and_found_within_the_timeout()
    {
        var address = ClusterAddress.Parse($"redis://127.0.0.1:{UnusedPort()}");
        var clock = Stopwatch.StartNew();

        Assert.False(await ClusterAddress.CanReach(address, TimeSpan.FromSeconds(2)));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"took {clock.Elapsed.TotalSeconds:0.0} s against a timeout of 2 s");
    }

    [Fact]
    public async Task A_server_with_a_password_is_reached_with_it_and_not_without()
    {
        using var redis = new PrivateRedis();
        using (var connection = redis.Connect())
        {
            await connection.GetServer(redis.Address).ConfigSetAsync("requirepass", "right");
        }

        Assert.True(await ClusterAddress.CanReach(ClusterAddress.Parse($"redis://:right@{redis.Address}"), TimeSpan.FromSeconds(5)));
        Assert.False(await ClusterAddress.CanReach(ClusterAddress.Parse($"redis://:wrong@{redis.Address}"), TimeSpan.FromSeconds(2)));
        Assert.False(await ClusterAddress.CanReach(ClusterAddress.Parse(redis.Uri), TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task A_cancelled_check_throws()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ClusterAddress.CanReach(ClusterAddress.Parse($"redis://127.0.0.1:{UnusedPort()}"), TimeSpan.FromSeconds(5), cancel.Token));
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
