using Microsoft.Extensions.Hosting;

namespace MarketSim.Silo.Hosting;

/// <summary>
/// Watches a cluster silo's own row in the membership table. When Redis restarts empty or is flushed, the table is gone
/// and Orleans carries on regardless: the silo runs on, but no client or silo can find it. Once the silo has joined (the
/// host has started), two checks in a row that find no row tell <see cref="SiloDeclaredDead"/>, so that <c>marketsim silo</c>
/// stops and says why.
/// </summary>
public sealed class MembershipWatch(IMembershipTable table, ILocalSiloDetails self, SiloDeclaredDead fatal, IHostApplicationLifetime lifetime) : BackgroundService
{
    /// <summary>How often the row is read.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
        }
        var misses = 0;
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            bool present;
            try
            {
                var row = await table.ReadRowAsync(self.SiloAddress, stoppingToken).WaitAsync(Interval, stoppingToken).ConfigureAwait(false);
                present = row.Members.Any(m => m.Item1.SiloAddress.Equals(self.SiloAddress));
            }
            catch (Orleans.Clustering.Redis.RedisClusteringException)
            {
                // Redis answered without the table ("the Redis membership table version is missing").
                present = false;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Redis not answering is reported elsewhere (clients say so; Orleans logs it): only a table that answers counts.
                continue;
            }
            misses = present ? 0 : misses + 1;
            if (misses >= 2)
            {
                fatal.OnFatalException(this, SiloDeclaredDead.MembershipLost);
                return;
            }
        }
    }
}
