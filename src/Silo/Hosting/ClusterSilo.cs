using MarketSim.Grains.Experiments;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Persistence;
using Orleans.Serialization;
using Orleans.Storage;
using StackExchange.Redis;

namespace MarketSim.Silo.Hosting;

/// <summary>
/// A silo of an Orleans cluster whose membership and grain state live in Redis: it runs until stopped,
/// taking batches from any experiment, and hosts experiment and entity grains that other silos lose.
/// </summary>
public static class ClusterSilo
{
    /// <summary>
    /// Builds the silo's host; with a dashboard port it is a web host serving the Orleans Dashboard at /dashboard on loopback.
    /// The command stops it on a signal (<see cref="CommandLifetime"/>): the console lifetime cancelled a start under way.
    /// </summary>
    public static IHost Build(ClusterSiloOptions options, IScenarioCompiler compiler)
    {
        if (options.DashboardPort is { } port)
        {
            var web = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
            Configure(web.Logging);
            CommandLifetime.Use(web);
            web.WebHost.UseUrls($"http://127.0.0.1:{port}");
            web.UseOrleans(silo => ConfigureSilo(silo, options, compiler).AddDashboard());
            var app = web.Build();
            app.MapOrleansDashboard(routePrefix: "/dashboard");
            return app;
        }
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        Configure(builder.Logging);
        CommandLifetime.Use(builder);
        builder.UseOrleans(silo => ConfigureSilo(silo, options, compiler));
        return builder.Build();
    }

    private static ISiloBuilder ConfigureSilo(ISiloBuilder silo, ClusterSiloOptions options, IScenarioCompiler compiler)
    {
        var redis = ConfigurationOptions.Parse(options.RedisConfiguration);
        silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (SiloSetup.ServiceId, SiloSetup.ServiceId))
            .UseRedisClustering(o => o.ConfigurationOptions = redis)
            .ConfigureEndpoints(options.Address, options.SiloPort == 0 ? FreePorts.Next() : options.SiloPort, options.GatewayPort == 0 ? FreePorts.Next() : options.GatewayPort)
            .AddRedisGrainStorage(ExperimentGrain.StorageName, o => (o.ConfigurationOptions, o.DeleteStateOnClear) = (redis, true))
            .Configure<SiloOptions>(o => o.SiloName = $"marketsim-{Environment.MachineName}-{Environment.ProcessId}")
            .WithFastFailureDetection()
            .AddMarketSim(compiler, options.Threads);
        silo.Services.AddSingleton<SiloDeclaredDead>();
        silo.Services.AddSingleton<IFatalErrorHandler>(services => services.GetRequiredService<SiloDeclaredDead>());
        silo.Services.AddHostedService<MembershipWatch>();
        silo.Services.AddOptions<RedisStorageOptions>(ExperimentGrain.StorageName)
            .Configure<Serializer>((o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
        return silo;
    }

    /// <summary>
    /// MarketSim's own messages and Orleans' errors, on stderr, an error repeated within a minute counted rather than
    /// written again (<see cref="QuietRepeatsLoggerProvider"/>); Orleans' start-up chatter is left out.
    /// </summary>
    private static void Configure(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(o => (o.SingleLine, o.TimestampFormat) = (true, "HH:mm:ss "));
        var console = logging.Services.Last(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider));
        logging.Services.Remove(console);
        logging.Services.AddSingleton<ConsoleLoggerProvider>();
        logging.Services.AddSingleton<ILoggerProvider>(services => new QuietRepeatsLoggerProvider(services.GetRequiredService<ConsoleLoggerProvider>()));
        logging.AddFilter((category, level) => category?.StartsWith("MarketSim", StringComparison.Ordinal) == true ? level >= LogLevel.Information : level >= LogLevel.Error);
        logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }
}
