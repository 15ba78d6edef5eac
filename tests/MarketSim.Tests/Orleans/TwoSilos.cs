using System.Collections.Concurrent;
using MarketSim.Grains.Experiments;
using MarketSim.Silo.Hosting;
using MarketSim.Simulator.Scenarios;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;

namespace MarketSim.Tests.Orleans;

/// <summary>
/// An in-process Orleans cluster of two silos (Orleans' TestingHost) with MarketSim's grains, one run
/// worker thread each, fast failure detection, and grain state in storage both silos share.
/// </summary>
public sealed class TwoSilos : IAsyncDisposable
{
    private TwoSilos(InProcessTestCluster cluster) => Cluster = cluster;

    /// <summary>The cluster.</summary>
    public InProcessTestCluster Cluster { get; }

    /// <summary>Deploys the cluster; <paramref name="configure"/>, when given, adds to each silo's set-up after MarketSim's own.</summary>
    public static async Task<TwoSilos> Start(Action<InProcessTestSiloSpecificOptions, ISiloBuilder>? configure = null)
    {
        var store = new ConcurrentDictionary<string, (object State, string ETag)>();
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((options, silo) =>
        {
            silo.AddMarketSim(ScenarioCompiler.Instance, threads: 1).WithFastFailureDetection();
            silo.Services.AddKeyedSingleton<IGrainStorage>(ExperimentGrain.StorageName, (services, _) => new SharedGrainStorage(store, services.GetRequiredService<DeepCopier>()));
            configure?.Invoke(options, silo);
        });
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10)));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new TwoSilos(cluster);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
}
