using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using StackExchange.Redis;

namespace MarketSim.Silo.Hosting;

/// <summary>
/// An Orleans client of a MarketSim cluster, found through its Redis: `marketsim run --cluster` and
/// `marketsim cluster status` use it. The gateway list is refreshed every 2 s so a lost silo's
/// gateway is dropped quickly, and calls time out after 15 s rather than 30.
/// </summary>
public sealed class ClusterConnection : IDisposable
{
    private readonly IHost _host;

    private ClusterConnection(IHost host)
    {
        _host = host;
        Client = host.Services.GetRequiredService<IClusterClient>();
    }

    /// <summary>The Orleans client.</summary>
    public IClusterClient Client { get; }

    /// <summary>Connects; throws <see cref="ClusterUnavailableException"/> when Redis or every silo is unreachable.</summary>
    public static async Task<ClusterConnection> Connect(string redisConfiguration, string displayAddress, CancellationToken cancellation = default)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        var redis = ConfigurationOptions.Parse(redisConfiguration);
        builder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (SiloSetup.ServiceId, SiloSetup.ServiceId))
            .UseRedisClustering(o => o.ConfigurationOptions = redis)
            .Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(2))
            .Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(15)));
        var host = builder.Build();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timeout.CancelAfter(TimeSpan.FromSeconds(20));
            await host.StartAsync(timeout.Token);
            return new ClusterConnection(host);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            host.Dispose();
            throw new ClusterUnavailableException($"no MarketSim silo answered through {displayAddress} ({ex.GetBaseException().Message}); start one with 'marketsim silo --cluster {displayAddress}'", ex);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _host.StopAsync(TimeSpan.FromSeconds(5)).GetAwaiter().GetResult();
        _host.Dispose();
    }
}
