using MarketSim.Silo.Hosting;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Cluster;

/// <summary>The private Redis server the cluster tests run against: it answers, restarts on its port, and leaves nothing behind.</summary>
public class PrivateRedisTests
{
    [Fact]
    public void It_answers_ping_on_a_loopback_port()
    {
        using var redis = new PrivateRedis();
        using var connection = redis.Connect();

        connection.GetDatabase().Ping();

        Assert.Equal($"127.0.0.1:{redis.Port}", redis.Address);
        Assert.Equal($"redis://127.0.0.1:{redis.Port}", redis.Uri);
        Assert.True(redis.IsRunning);
        Assert.True(Directory.Exists(redis.Folder));
    }

    [Fact]
    public void Restart_keeps_the_port_and_answers_again_with_the_data_unless_told_otherwise()
    {
        using var redis = new PrivateRedis();
        var port = redis.Port;
        using (var connection = redis.Connect())
        {
            connection.GetDatabase().StringSet("k", "v");
        }

        redis.Restart();

        Assert.Equal(port, redis.Port);
        using (var connection = redis.Connect())
        {
            Assert.Equal("v", connection.GetDatabase().StringGet("k"));
        }

        redis.Restart(keepData: false);

        using (var connection = redis.Connect())
        {
            Assert.False(connection.GetDatabase().KeyExists("k"));
        }
    }

    [Fact]
    public async Task Kill_takes_it_down_until_a_restart()
    {
        using var redis = new PrivateRedis();
        var address = ClusterAddress.Parse(redis.Uri);

        redis.Kill();

        Assert.False(redis.IsRunning);
        Assert.False(await ClusterAddress.CanReach(address, TimeSpan.FromSeconds(1)));

        redis.Restart();

        Assert.True(await ClusterAddress.CanReach(address, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Dispose_stops_the_server_and_removes_its_folder()
    {
        var redis = new PrivateRedis();
        var folder = redis.Folder;
        var address = ClusterAddress.Parse(redis.Uri);

        redis.Dispose();

        Assert.False(Directory.Exists(folder));
        Assert.False(await ClusterAddress.CanReach(address, TimeSpan.FromSeconds(1)));
        redis.Dispose();
    }
}
