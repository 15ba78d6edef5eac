using MarketSim.Grains.Experiments;
using MarketSim.Grains.Runs;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace MarketSim.Silo.Hosting;

/// <summary>What every MarketSim silo has, embedded or in a cluster: the scenario compiler, run workers with their thread count, and their placement.</summary>
public static class SiloSetup
{
    /// <summary>The cluster and service ids every MarketSim silo and client uses.</summary>
    public const string ServiceId = "marketsim";

    /// <summary>Adds MarketSim's grains' services to <paramref name="silo"/>.</summary>
    public static ISiloBuilder AddMarketSim(this ISiloBuilder silo, IScenarioCompiler compiler, int threads)
    {
        silo.Services.AddSingleton(compiler);
        silo.Services.Configure<RunWorkerOptions>(o => o.Threads = threads);
        silo.Services.AddSingleton<RunThreads>();
        silo.AddPlacementDirector<OnSilo, OnSiloPlacementDirector>();
        // A batch of a large market can take minutes; a lost silo fails its calls at the death declaration instead.
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(30));
        return silo;
    }

    /// <summary>
    /// Membership tuned so a dead silo is declared in seconds rather than the default 10-20 s. Measured on
    /// two cores (docs/cluster.md): 0.5-2 s for a killed process, whose connections its machine closes, and
    /// 8-9 s for a silo that stops answering with its connections open (SIGSTOP); no false declarations.
    /// </summary>
    public static ISiloBuilder WithFastFailureDetection(this ISiloBuilder silo) =>
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 2;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
        });
}
