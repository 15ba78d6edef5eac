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
        var status = new Command("status", "List the silos (address, status, start, last heartbeat) and the experiments (runs delivered, batches in flight and retried, phase, hosting silo); when no silo answers, the silos the membership table in Redis records, then exit 2.") { cluster };
        status.SetAction(parsed => CommandErrors.Handle(cli, () =>
        {
            var redis = ClusterAddress.FromCommandLine(parsed.GetValue(cluster));
            try
            {
                return Status(cli, redis);
            }
            catch (OperationCanceledException) when (cli.Signals.Signal is not null)
            {
                cli.Error.WriteLine($"interrupted by {cli.Signals.SignalName}: cluster status stopped while reading the cluster at {redis}; the cluster was not changed");
                return cli.Signals.ExitCode;
            }
        }));
        return new Command("cluster", "Inspect a MarketSim Orleans cluster through its Redis, and forget experiments it keeps.") { status, ClusterForgetCommand.Create(cli, cluster) };
    }

    /// <summary>
    /// The cluster's silos and experiments, or a <see cref="ClusterUnavailableException"/> in words when it does not answer;
    /// <see cref="OperationCanceledException"/> once <paramref name="cancellation"/> fires.
    /// </summary>
    public static (IReadOnlyList<ClusterStatus.SiloRow> Silos, IReadOnlyList<ExperimentProgress> Experiments) Read(IClusterClient client, ClusterAddress redis, CancellationToken cancellation)
    {
        try
        {
            return ClusterStatus.Read(client, cancellation).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is TimeoutException or OrleansException)
        {
            throw new ClusterUnavailableException($"{ClusterAddress.Option}: the cluster at {redis} did not answer ({ex.GetBaseException().Message.ReplaceLineEndings(" ")})", ex);
        }
    }

    /// <summary>Prints the silos and experiments; a signal stops it with <see cref="OperationCanceledException"/> before it prints.</summary>
    private static int Status(MarketSimCli cli, ClusterAddress redis)
    {
        ClusterConnection connection;
        try
        {
            connection = ClusterConnection.Open(redis, cli.Signals.Stop);
        }
        catch (NoSiloAnswerException)
        {
            ListRecordedSilos(cli, redis);
            throw;
        }
        using (connection)
        {
            var (silos, experiments) = Read(connection.Client, redis, cli.Signals.Stop);
            cli.Signals.ThrowIfStopped();
            var console = TableConsole.For(cli.Output, cli.Interactive, cli.ConsoleWidth);
            console.Write(SilosTable("Silos", silos));
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
                    e.BatchesRetried.ToString(CultureInfo.InvariantCulture), e.Phase, Time(e.StartedUtc), e.Host);
            }
            console.Write(experimentsTable);
            return ExitCodes.Ok;
        }
    }

    /// <summary>
    /// With Redis answering but no silo, prints the silos the membership table in Redis records (the dead, and those it lists as live
    /// that did not answer), before the caller says that no silo answered; if Redis stops answering meanwhile, prints nothing.
    /// </summary>
    private static void ListRecordedSilos(MarketSimCli cli, ClusterAddress redis)
    {
        IReadOnlyList<ClusterStatus.SiloRow> recorded;
        try
        {
            recorded = ClusterStatus.ReadMembershipTable(redis, cli.Signals.Stop).GetAwaiter().GetResult();
        }
        catch (StackExchange.Redis.RedisException)
        {
            return;
        }
        if (recorded.Count == 0)
        {
            TableConsole.WriteWrapped(cli.Output, $"The membership table in Redis at {redis} records no silo.", cli.ConsoleWidth);
            return;
        }
        TableConsole.For(cli.Output, cli.Interactive, cli.ConsoleWidth).Write(SilosTable("Silos (from the membership table in Redis: none answered)", recorded));
    }

    private static FittedTable SilosTable(string title, IReadOnlyList<ClusterStatus.SiloRow> silos)
    {
        var now = DateTime.UtcNow;
        var table = new FittedTable(title).Text("Address").Text("Name", FittedTable.Drop.ToFit).Text("Status").Number("Started (UTC)", FittedTable.Drop.ToFit).Number("Last alive");
        foreach (var s in silos)
        {
            table.AddRow(s.Address, s.Name, s.Status, Time(s.StartedUtc), s.LastAliveUtc == default ? "" : $"{Durations.Readable(now - s.LastAliveUtc)} ago");
        }
        return table;
    }

    private static string Time(DateTime utc) => utc == default ? "" : utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
