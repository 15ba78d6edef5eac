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

    /// <summary>Starts a silo; takes about half a second. Throws <see cref="OperationCanceledException"/> when <paramref name="cancellation"/> fires first.</summary>
    public static async Task<EmbeddedSilo> Start(IScenarioCompiler compiler, int threads, CancellationToken cancellation = default)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        CommandLifetime.Use(builder);
        AddTo(builder, compiler, threads);
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellation);
        }
        catch (Exception ex)
        {
            host.Dispose();
            // A stop requested while the silo starts ends Orleans' start with an exception of its own; the command
            // expects a cancellation, so that it reports the signal rather than a failure.
            throw cancellation.IsCancellationRequested && ex is not OperationCanceledException
                ? new OperationCanceledException("The embedded silo's start was cancelled.", ex, cancellation)
                : ex;
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

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TimeSpan.FromSeconds(5));
        _host.Dispose();
    }

    /// <inheritdoc />
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
