using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Runtime.Messaging;
using StackExchange.Redis;

namespace MarketSim.Silo.Hosting;

/// <summary>
/// An Orleans client of a MarketSim cluster, found through its Redis: `marketsim run --cluster` and
/// `marketsim cluster status` use it. The gateway list is refreshed every 2 s so a lost silo's
/// gateway is dropped quickly, and calls time out after 15 s rather than 30.
/// </summary>
public sealed class ClusterConnection : IDisposable
{
    /// <summary>
    /// How long connecting keeps trying when no silo answers (none registered in Redis yet, or only dead
    /// ones): long enough for a silo started at the same moment, short enough that a cluster with no silo
    /// is reported at once rather than after Orleans' own retries (15, with a growing delay).
    /// </summary>
    public static readonly TimeSpan ConnectPatience = TimeSpan.FromSeconds(5);

    private readonly IHost _host;

    private ClusterConnection(IHost host)
    {
        _host = host;
        Client = host.Services.GetRequiredService<IClusterClient>();
    }

    /// <summary>The Orleans client.</summary>
    public IClusterClient Client { get; }

    /// <summary>
    /// What every command that reaches a cluster does first: checks that Redis at <paramref name="redis"/> answers within
    /// <see cref="ClusterAddress.StartReachTimeout"/> (saying why when not), then connects as <see cref="Connect"/> does.
    /// </summary>
    public static ClusterConnection Open(ClusterAddress redis, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(redis);
        redis.ThrowIfUnreachable(ClusterAddress.StartReachTimeout, cancellation);
        return Connect(redis.ToConfigurationString(), redis.ToString(), redis.ToTypeAgain(), cancellation).GetAwaiter().GetResult();
    }

    /// <summary>Connects; throws <see cref="NoSiloAnswerException"/> when no silo answers (nor Redis, when not checked first as <see cref="Open"/> does).</summary>
    public static async Task<ClusterConnection> Connect(string redisConfiguration, string displayAddress, string? typeAgain = null, CancellationToken cancellation = default)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        CommandLifetime.Use(builder);
        var redis = ConfigurationOptions.Parse(redisConfiguration);
        var clock = Stopwatch.StartNew();
        builder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (SiloSetup.ServiceId, SiloSetup.ServiceId))
            .UseRedisClustering(o => o.ConfigurationOptions = redis)
            .Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(2))
            .Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(15))
            .UseConnectionRetryFilter(async (_, token) =>
            {
                if (clock.Elapsed >= ConnectPatience || cancellation.IsCancellationRequested)
                {
                    return false;
                }
                await Task.Delay(TimeSpan.FromMilliseconds(500), token);
                return true;
            }));
        var host = builder.Build();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timeout.CancelAfter(TimeSpan.FromSeconds(20));
            await host.StartAsync(timeout.Token);
            return new ClusterConnection(host);
        }
        catch (Exception ex) when (cancellation.IsCancellationRequested)
        {
            // Orleans ends a start it gave up on for the stop with an error of its own: the stop is what the caller hears.
            host.Dispose();
            throw new OperationCanceledException("Connecting to the cluster was cancelled.", ex, cancellation);
        }
        catch (Exception ex)
        {
            host.Dispose();
            throw new NoSiloAnswerException(
                $"{ClusterAddress.Option}: no MarketSim silo answered through {displayAddress} within {ConnectPatience.TotalSeconds:0} s ({Reason(ex)}); start one with 'marketsim silo --cluster {typeAgain ?? displayAddress}'", ex);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _host.StopAsync(TimeSpan.FromSeconds(5)).GetAwaiter().GetResult();
        _host.Dispose();
    }

    /// <summary>Why connecting failed, in words: Orleans' own messages name its internals.</summary>
    private static string Reason(Exception ex)
    {
        var chain = new List<Exception>();
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            chain.Add(e);
        }
        if (chain.Any(e => e is SiloUnavailableException))
        {
            return "Redis lists no running silo";
        }
        if (chain.Any(e => e is ConnectionFailedException or System.Net.Sockets.SocketException))
        {
            return "the silos Redis lists did not answer; a silo killed outright stays listed until a live one declares it dead";
        }
        return chain.Any(e => e is OperationCanceledException) ? "no answer" : ex.GetBaseException().Message;
    }
}
