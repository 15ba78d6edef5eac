using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MarketSim.Silo.Hosting;

/// <summary>
/// The lifetime of a host that lives inside one `marketsim` command (the embedded silo, the client of a cluster):
/// it leaves SIGINT, SIGTERM and SIGHUP to the command, which stops taking runs, keeps those finished and then
/// stops the host itself. The host's default console lifetime listens for the same signals and stops the host at
/// once, under the runs in flight, so that the command could report a cancellation without naming the signal
/// (exit 130 for a SIGTERM).
/// </summary>
public sealed class CommandLifetime : IHostLifetime
{
    /// <summary>Makes <paramref name="builder"/>'s host leave signals to the command.</summary>
    public static void Use(IHostApplicationBuilder builder) => builder.Services.AddSingleton<IHostLifetime, CommandLifetime>();

    /// <inheritdoc />
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
