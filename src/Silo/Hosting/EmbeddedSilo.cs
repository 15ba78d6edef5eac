using MarketSim.Grains.Experiments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace MarketSim.Silo.Hosting;

/// <summary>
/// The silo inside the `marketsim` process, used by default: localhost clustering on free ports, a
/// cluster id of its own, grain state in memory, and run workers on every core (or <c>threads</c>).
/// </summary>
public sealed class EmbeddedSilo : IAsyncDisposable, IDisposable
{
    private readonly IHost _host;

    private EmbeddedSilo(IHost host)
    {
        _host = host;
        Grains = host.Services.GetRequiredService<IGrainFactory>();
    }

    /// <summary>Where grains are reached.</summary>
    public IGrainFactory Grains { get; }

    /// <summary>The host's services (for the tests).</summary>
    internal IServiceProvider Services => _host.Services;

    /// <summary>
    /// Starts a silo; takes about half a second. When <paramref name="cancellation"/> fires meanwhile, the start is
    /// finished, the silo stopped and <see cref="OperationCanceledException"/> thrown. The start itself is not
    /// cancelled: Orleans ends a start cancelled in one of its stages with an exception of its own (which the command
    /// reported as a failure, exit 1), and leaves stages it had started running (its grain directory's membership
    /// loop kept two cores busy), even when the host is stopped.
    /// </summary>
    public static async Task<EmbeddedSilo> Start(IScenarioCompiler compiler, int threads, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        CommandLifetime.Use(builder);
        AddTo(builder, compiler, threads);
        var host = builder.Build();
        try
        {
            await host.StartAsync(CancellationToken.None);
        }
        catch (Exception)
        {
            await StopAndDispose(host);
            throw;
        }
        if (cancellation.IsCancellationRequested)
        {
            await StopAndDispose(host);
            cancellation.ThrowIfCancellationRequested();
        }
        return new EmbeddedSilo(host);
    }

    /// <summary>
    /// Adds an embedded silo to <paramref name="builder"/>'s host: localhost clustering on free ports, a cluster id of its own,
    /// grain state in memory, MarketSim's grains and run workers. <paramref name="more"/> adds to the silo (the workbench's dashboard).
    /// </summary>
    public static void AddTo(IHostApplicationBuilder builder, IScenarioCompiler compiler, int threads, Action<ISiloBuilder>? more = null)
    {
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(FreePorts.Next(), FreePorts.Next(), serviceId: SiloSetup.ServiceId, clusterId: $"embedded-{Environment.ProcessId}-{Guid.NewGuid():N}")
                .AddMemoryGrainStorage(ExperimentGrain.StorageName)
                .AddMarketSim(compiler, threads);
            more?.Invoke(silo);
        });
        // Orleans' binary serializer, not the default JSON one: every entity grain writes its state after each step.
        builder.Services.AddOptions<MemoryGrainStorageOptions>(ExperimentGrain.StorageName)
            .Configure<Serializer>((o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
    }

    /// <summary>Stops a silo that will not be used (its start failed, or a stop was asked for meanwhile) and disposes its host.</summary>
    private static async Task StopAndDispose(IHost host)
    {
        try
        {
            await host.StopAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception)
        {
            // The start's failure, or the stop asked for, is what the caller hears about.
        }
        host.Dispose();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TimeSpan.FromSeconds(5));
        _host.Dispose();
    }

    /// <inheritdoc />
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
