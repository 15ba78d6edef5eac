using System.CommandLine;
using System.Globalization;
using MarketSim.Grains.Experiments;
using MarketSim.Silo.Hosting;

namespace MarketSim.Simulator.Cli;

/// <summary>`marketsim cluster status --cluster redis://HOST:PORT`: the silos (from Orleans membership) and experiments of a cluster.</summary>
internal static class ClusterCommand
{
    public static Command Create(MarketSimCli cli)
    {
        var cluster = new Option<string>("--cluster") { Description = $"The cluster's Redis; a password as redis://:PASSWORD@HOST:PORT, or in the environment variable {ClusterAddress.PasswordVariable}. Allowed: {ClusterAddress.Allowed}.", Required = true };
        var status = new Command("status", "List the silos (address, status, start, last heartbeat) and the experiments (runs delivered, batches in flight and retried, phase, hosting silo).") { cluster };
        status.SetAction(parsed => CommandErrors.Handle(cli, () =>
        {
            var redis = ClusterAddress.FromCommandLine(parsed.GetValue(cluster));
            using var connection = ClusterConnection.Open(redis, cli.Signals.Stop);
            var (silos, experiments) = Read(connection.Client, redis);
            var now = DateTime.UtcNow;
            var silosTable = new FittedTable("Silos").Text("Address").Text("Name", FittedTable.Drop.ToFit).Text("Status").Number("Started (UTC)", FittedTable.Drop.ToFit).Number("Last alive");
            foreach (var s in silos)
            {
                silosTable.AddRow(s.Address, s.Name, s.Status, s.StartedUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), $"{Durations.Readable(now - s.LastAliveUtc)} ago");
            }
            var console = TableConsole.For(cli.Output, cli.Interactive, cli.ConsoleWidth);
            console.Write(silosTable);
            if (experiments.Count == 0)
            {
                TableConsole.WriteWrapped(cli.Output, $"No experiments yet: start one with 'marketsim run SCENARIO --cluster {redis.ToTypeAgain()}'.", cli.ConsoleWidth);
                return ExitCodes.Ok;
            }
            var experimentsTable = new FittedTable("Experiments").Whole("Id").Text("Scenario", FittedTable.Drop.ToFit).Number("Runs").Number("Delivered")
                .Number("In flight", FittedTable.Drop.ToFit).Number("Retried", FittedTable.Drop.ToFit).Text("Phase").Number("Started (UTC)", FittedTable.Drop.ToFit).Text("Host", FittedTable.Drop.ToFit);
            foreach (var e in experiments)
            {
                experimentsTable.AddRow(e.Id, e.Scenario, e.Runs.ToString("N0", CultureInfo.InvariantCulture),
                    $"{e.RunsDelivered:N0} ({PercentDone.Of(e.RunsDelivered, e.Runs)})", e.BatchesInFlight.ToString(CultureInfo.InvariantCulture),
                    e.BatchesRetried.ToString(CultureInfo.InvariantCulture), e.Phase, e.StartedUtc == default ? "" : e.StartedUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), e.Host);
            }
            console.Write(experimentsTable);
            return ExitCodes.Ok;
        }));
        return new Command("cluster", "Inspect a MarketSim Orleans cluster through its Redis, and forget experiments it keeps.") { status, ClusterForgetCommand.Create(cli, cluster) };
    }

    /// <summary>The cluster's silos and experiments, or a <see cref="ClusterUnavailableException"/> in words when it does not answer.</summary>
    public static (IReadOnlyList<ClusterStatus.SiloRow> Silos, IReadOnlyList<ExperimentProgress> Experiments) Read(IClusterClient client, ClusterAddress redis)
    {
        try
        {
            return ClusterStatus.Read(client).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is TimeoutException or OrleansException)
        {
            throw new ClusterUnavailableException($"{ClusterAddress.Option}: the cluster at {redis} did not answer ({ex.GetBaseException().Message.ReplaceLineEndings(" ")})", ex);
        }
    }
}
